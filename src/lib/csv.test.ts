import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rawCsvRows } from '../../test/raw-csv.js';
import { dataPath } from '../../test/shared-data.js';
import { SourceFormatError } from '../domain/validation.js';
import { eachCsvRow } from './csv.js';

const rowsOf = (text: string, file = 'probe.csv') => {
  const rows: [number, string[]][] = [];
  eachCsvRow(text, file, (fields, row) => rows.push([row, fields]));
  return rows;
};

describe('eachCsvRow', () => {
  it('gives the rows of the real JHU US deaths file in order, as an independent line splitter reads them', () => {
    const text = gunzipSync(readFileSync(dataPath('jhu/time_series_us/time_series_covid19_deaths_US_asof_2021-04-22.csv.gz'))).toString('utf8');
    const expected = rawCsvRows(text);
    const got = rowsOf(text);
    expect(got.length).toBe(expected.length);
    expect(got.map(([row]) => row)).toEqual(expected.map((_, i) => i));
    for (let i = 0; i < expected.length; i += 97) expect(got[i][1]).toEqual(expected[i]);
    expect(got[got.length - 1][1]).toEqual(expected[expected.length - 1]);
  });

  it('drops a BOM and the empty rows at the end, keeps blank rows inside, and reads CRLF, CR and LF alike', () => {
    expect(rowsOf('\ufeffa,b\r\n1,2\r\n\r\n3,"x\r\ny"\n\n\n')).toEqual([
      [0, ['a', 'b']],
      [1, ['1', '2']],
      [2, ['']],
      [3, ['3', 'x\ny']],
    ]);
    expect(rowsOf('')).toEqual([]);
  });

  it('fails on a malformed quoted field with a coded error naming the file and the line', () => {
    const bad = 'a,b\n1,2\n3,"open\n4,5\n';
    expect(() => rowsOf(bad, 'bad.csv')).toThrow(SourceFormatError);
    expect(() => rowsOf(bad, 'bad.csv')).toThrow(/bad\.csv, line 3: malformed quoted field/);
  });
});
