import { describe, expect, it } from 'vitest';
import { distinctColumn, parseCsv } from './csv.js';

describe('CSV reading', () => {
  it('reads quoted cells with commas, doubled quotes and CRLF line ends (RFC 4180 §2)', () => {
    expect(parseCsv('a,b\r\n"Korea, South","say ""hi"""\r\n1,\r\n')).toEqual([['a', 'b'], ['Korea, South', 'say "hi"'], ['1', '']]);
    expect(parseCsv('x\n"line\nbreak"')).toEqual([['x'], ['line\nbreak']]);
  });

  it('lists the distinct values of a column', () => {
    expect(distinctColumn('location,source\nFR,jhu-global\nDE,who\nIT,jhu-global\nXX,\n', 'source')).toEqual(['jhu-global', 'who']);
    expect(distinctColumn('a\n1\n', 'source')).toEqual([]);
  });
});
