import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath } from '../../../test/shared-data.js';
import { dayNumber } from '../../domain/dates.js';
import type { SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { findSeries, readPoints } from '../../store/read-series.js';
import { jhuDailyUs } from './index.js';
import { parseJhuDailyUs } from './parse.js';

const DIR = dataPath('jhu/daily_reports_us');
const NAMES = readdirSync(DIR).filter((n) => n.endsWith('.csv')).sort();
const fixture = (name: string): SourceInputFile => ({ fileId: 'daily-us', name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const real = (name: string): SourceInputFile => ({ fileId: 'daily-us', name: `jhu/daily_reports_us/${name}`, text: readFileSync(`${DIR}/${name}`, 'utf8') });
const isoOf = (name: string) => `${name.slice(6, 10)}-${name.slice(0, 2)}-${name.slice(3, 5)}`;

/** The raw file read independently of the parser: these files have no quoted fields. */
function rawRows(text: string): Record<string, string>[] {
  const lines = text.trim().split('\n');
  const header = lines[0].split(',');
  expect(lines.every((l) => !l.includes('"'))).toBe(true);
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((c, j) => [header[j], c])));
}
const rawNumber = (cell: string) => (cell === '' ? Number.NaN : Number(cell));

describe('parseJhuDailyUs on every real US daily report (4 files)', () => {
  it('reads both header layouts: People_Tested until 09-01-2020, Total_Test_Results from 01-01-2021', () => {
    expect(NAMES).toEqual(['01-01-2021.csv', '04-12-2020.csv', '05-30-2021.csv', '09-01-2020.csv']);
    for (const name of NAMES) {
      const header = real(name).text.split('\n')[0].split(',');
      expect(header.includes('People_Tested'), name).toBe(name.endsWith('2020.csv'));
      expect(header.includes('Total_Test_Results'), name).toBe(name.endsWith('2021.csv'));
    }
  });

  it.each(NAMES)('%s: one series per row and metric, every cell as written, dated by the file name', (name) => {
    const file = real(name);
    const rows = rawRows(file.text);
    const parsed = parseJhuDailyUs([file]);
    expect(parsed.issues).toEqual([]);
    expect(parsed.series).toHaveLength(rows.length * 5);
    const tests = name.endsWith('2020.csv') ? 'People_Tested' : 'Total_Test_Results';
    const column = { confirmed: 'Confirmed', deaths: 'Deaths', recovered: 'Recovered', tests, hospitalized: 'People_Hospitalized' } as const;
    for (const [i, r] of rows.entries()) {
      for (const [metric, col] of Object.entries(column)) {
        const s = parsed.series.find((x) => x.line === i + 2 && x.metric === metric)!;
        expect(s.start).toBe(dayNumber(isoOf(name)));
        expect(Array.from(s.values), `${name} ${r.Province_State} ${col}`).toEqual([rawNumber(r[col])]);
        expect(s.place).toMatchObject({ kind: 'jhu-uid', uid: Number(r.UID), country: 'US', province: r.Province_State });
      }
    }
  });
});

describe('parseJhuDailyUs on small files', () => {
  it('reads both layouts (UIDs written 84000001 and 84000001.0; blank Last_Update and FIPS)', () => {
    const v1 = parseJhuDailyUs([fixture('good-v1.04-12-2020.csv')]);
    expect(v1.series).toHaveLength(7 * 5);
    const alabama = v1.series.filter((s) => s.line === 2).map((s) => [s.metric, s.values[0]]);
    expect(alabama).toEqual([['confirmed', 3667], ['deaths', 93], ['recovered', Number.NaN], ['tests', 21583], ['hospitalized', 437]]);
    expect(v1.series.find((s) => s.line === 7 && s.metric === 'recovered')).toMatchObject({ place: { kind: 'jhu-uid', uid: 84070001, province: 'Recovered' }, values: Float64Array.of(32988) });
    const v2 = parseJhuDailyUs([fixture('good-v2.01-01-2021.csv')]);
    expect(v2.series.find((s) => s.line === 2 && s.metric === 'tests')).toMatchObject({ place: { uid: 84000001 }, values: Float64Array.of(1885216), start: dayNumber('2021-01-01') });
  });

  it('parses a file with a byte-order mark like one without', () => {
    const bom = fixture('bom.04-12-2020.csv');
    expect(bom.text.charCodeAt(0)).toBe(0xfeff);
    expect(parseJhuDailyUs([bom]).series).toEqual(parseJhuDailyUs([fixture('good-v1.04-12-2020.csv')]).series);
  });

  const cases: [string, RegExp][] = [
    ['changed-header.04-12-2020.csv', /changed-header\.04-12-2020\.csv, line 1, column "Total_Test_Results": unknown header: .*closest is "v1-people-tested" .*: missing "People_Tested"; unexpected "Total_Test_Results"/],
    ['missing-column.04-12-2020.csv', /missing-column\.04-12-2020\.csv, line 1: unknown header: .*missing "People_Hospitalized"$/],
    ['non-numeric-cell.04-12-2020.csv', /non-numeric-cell\.04-12-2020\.csv, line 2, column "People_Tested": not a number: "n\/a"/],
    ['truncated.04-12-2020.csv', /truncated\.04-12-2020\.csv, line 8: expected 18 fields, found \d+ fields \(truncated or malformed row\)/],
    ['duplicate-row-conflicting.04-12-2020.csv', /duplicate-row-conflicting\.04-12-2020\.csv, line 9: duplicate row for "Alabama, US" \(first at line 2\) with different values/],
    ['bad-uid.04-12-2020.csv', /bad-uid\.04-12-2020\.csv, line 3, column "UID": not a JHU UID: "DP-1"/],
  ];
  it.each(cases)('%s fails with a message naming file, line and column', (name, message) => {
    expect(() => parseJhuDailyUs([fixture(name)])).toThrow(SourceFormatError);
    expect(() => parseJhuDailyUs([fixture(name)])).toThrow(message);
  });

  it('ignores an identical duplicate row with a warning naming both lines', () => {
    const p = parseJhuDailyUs([fixture('duplicate-row-identical.04-12-2020.csv')]);
    expect(p.series).toHaveLength(7 * 5);
    expect(p.issues).toEqual([expect.objectContaining({ code: 'duplicate_row', line: 9, message: expect.stringContaining('line 2') })]);
  });
});

describe('jhu-daily-us ingested from the mirror', async () => {
  const { t, runs } = await ingestConnectors([jhuDailyUs]);
  afterAll(() => t.drop());
  const run = runs.find((r) => r.sourceId === 'jhu-daily-us')!;
  const stored = async (key: string, metric: string, iso: string) => {
    const [ref] = await findSeries(t.db, [key], [metric], 'jhu-daily-us');
    expect(ref, `${key} ${metric}`).toBeDefined();
    const p = (await readPoints(t.db, [ref], null)).get(ref.seriesId)!;
    const i = p.days.indexOf(dayNumber(iso));
    return { value: p.values[i], issue: p.issues[i], derived: ref.derived };
  };
  const raw = (name: string, state: string) => rawRows(readFileSync(`${DIR}/${name}`, 'utf8')).find((r) => r.Province_State === state)!;

  it('succeeds with every row matched, one vintage per report', () => {
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.unmatched).toBe(0);
    expect(run.files.map((f) => f.issue)).toEqual(NAMES.map(isoOf).sort());
  });

  it('stores the published values on the state, territory and special keys', async () => {
    const al = raw('04-12-2020.csv', 'Alabama');
    expect(await stored('US_AL', 'tests', '2020-04-12')).toEqual({ value: Number(al.People_Tested), issue: dayNumber('2020-04-12'), derived: false });
    expect((await stored('US_AL', 'hospitalized', '2020-04-12')).value).toBe(Number(al.People_Hospitalized));
    expect((await stored('US_AL', 'tests', '2021-05-30')).value).toBe(Number(raw('05-30-2021.csv', 'Alabama').Total_Test_Results));
    expect((await stored('US_RECOVERED', 'recovered', '2020-04-12')).value).toBe(Number(raw('04-12-2020.csv', 'Recovered').Recovered));
    expect((await stored('US_DIAMOND-PRINCESS', 'confirmed', '2021-01-01')).value).toBe(Number(raw('01-01-2021.csv', 'Diamond Princess').Confirmed));
    expect((await stored('US_GRAND-PRINCESS', 'deaths', '2020-09-01')).value).toBe(Number(raw('09-01-2020.csv', 'Grand Princess').Deaths));
    expect((await stored('US_PR', 'confirmed', '2020-09-01')).value).toBe(Number(raw('09-01-2020.csv', 'Puerto Rico').Confirmed));
    // A blank cell is missing: no number is stored for it (never 0).
    expect(raw('05-30-2021.csv', 'Alabama').People_Hospitalized).toBe('');
    const blank = (await stored('US_AL', 'hospitalized', '2021-05-30')).value;
    expect(blank === undefined || Number.isNaN(blank)).toBe(true);
  });

  it('derives the US total from every row of a report', async () => {
    const rows = rawRows(readFileSync(`${DIR}/05-30-2021.csv`, 'utf8'));
    expect(await stored('US', 'deaths', '2021-05-30')).toMatchObject({ derived: true, value: rows.reduce((a, r) => a + Number(r.Deaths), 0) });
  });
});
