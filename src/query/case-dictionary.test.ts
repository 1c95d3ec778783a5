import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_DICTIONARY, caseDictionaryDoc } from './case-dictionary.js';
import { CASE_ROW_COLUMNS } from './cases.js';

describe('the case data dictionary', () => {
  it('describes every column of a case row, once, in row order', () => {
    expect(CASE_DICTIONARY.map((d) => d.field)).toEqual([...CASE_ROW_COLUMNS]);
    expect(new Set(CASE_ROW_COLUMNS).size).toBe(CASE_ROW_COLUMNS.length);
    for (const d of CASE_DICTIONARY) expect(d.description.length, d.field).toBeGreaterThan(10);
  });

  it('is what docs/cases.md shows (run `npm run docs` after changing it)', () => {
    expect(readFileSync(new URL('../../docs/cases.md', import.meta.url), 'utf8')).toBe(caseDictionaryDoc());
  });
});
