import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import { dayNumber } from '../../domain/dates.js';
import { SourceFormatError } from '../../domain/validation.js';
import { parseJhuGlobal } from './parse.js';

const fixture = (name: string) => ({ fileId: 'confirmed', name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const real = (metric: string) => ({
  fileId: metric,
  name: `time_series_covid19_${metric}_global.csv.gz`,
  text: gunzipSync(readFileSync(dataPath(`jhu/time_series/time_series_covid19_${metric}_global.csv.gz`))).toString('utf8'),
});

describe('parseJhuGlobal on the final JHU files', () => {
  const files = ['confirmed', 'deaths', 'recovered'].map(real);
  const parsed = parseJhuGlobal(files);

  it('reads every row and every day, 2020-01-22 to 2023-03-09', () => {
    for (const f of files) {
      const lines = f.text.trim().split('\n');
      const series = parsed.series.filter((s) => s.fileId === f.fileId);
      expect(series).toHaveLength(lines.length - 1);
      for (const s of series) {
        expect(s.start).toBe(dayNumber('2020-01-22'));
        expect(s.values).toHaveLength(1143);
      }
    }
  });

  it('keeps every cell exactly as written (checked against a plain split of rows without quotes)', () => {
    const f = files[0];
    const lines = f.text.trim().split('\n').slice(1);
    let checked = 0;
    for (const line of lines) {
      if (line.includes('"')) continue;
      const cells = line.split(',');
      const s = parsed.series.find((x) => x.fileId === 'confirmed' && x.place.kind === 'names' && x.place.country === cells[1] && x.place.province === cells[0])!;
      expect(Array.from(s.values)).toEqual(cells.slice(4).map(Number));
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('names places as JHU does (province may be empty)', () => {
    const hubei = parsed.series.find((s) => s.place.kind === 'names' && s.place.province === 'Hubei' && s.metric === 'deaths');
    expect(hubei?.place).toEqual({ kind: 'names', country: 'China', province: 'Hubei' });
    expect(parsed.issues).toEqual([]);
  });
});

describe('parseJhuGlobal on broken files', () => {
  it('parses a file with a byte-order mark like one without', () => {
    expect(parseJhuGlobal([fixture('bom.csv')]).series.map((s) => s.values)).toEqual(parseJhuGlobal([fixture('good.csv')]).series.map((s) => s.values));
  });

  const cases: [string, RegExp][] = [
    ['changed-header.csv', /changed-header\.csv, line 1: unexpected header: found "Country_Region" where "Country\/Region" was expected/],
    ['missing-column.csv', /missing-column\.csv, line 1: unexpected header: found "Lat" where "Country\/Region" was expected/],
    ['non-numeric-cell.csv', /non-numeric-cell\.csv, line 3, column "1\/24\/20": not a number: "1O"/],
    ['truncated.csv', /truncated\.csv, line 5: expected 8 fields, found 2/],
    ['duplicate-row-conflicting.csv', /duplicate-row-conflicting\.csv, line 6: duplicate row for Anhui\|China \(first at line 3\) with different values/],
    ['date-gap.csv', /date-gap\.csv, line 1, column "1\/25\/20": date columns are not consecutive days/],
  ];
  it.each(cases)('%s fails with a message naming file, line and column', (name, message) => {
    expect(() => parseJhuGlobal([fixture(name)])).toThrow(SourceFormatError);
    expect(() => parseJhuGlobal([fixture(name)])).toThrow(message);
  });

  it('ignores an identical duplicate row with a warning naming both lines', () => {
    const parsed = parseJhuGlobal([fixture('duplicate-row-identical.csv')]);
    expect(parsed.series).toHaveLength(4);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'duplicate_row', line: 6, message: expect.stringContaining('line 3') })]);
  });
});
