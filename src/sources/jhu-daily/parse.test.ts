import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath, SHARED_DATA } from '../../../test/shared-data.js';
import { dayNumber } from '../../domain/dates.js';
import type { ParsedSource, SourceInputFile, SourceSeries } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { listMirrorCandidates } from '../../ingest/fetch/mirror.js';
import { findSeries, readPoints } from '../../store/read-series.js';
import { lastUpdateDay, reportDay } from './daily-report.js';
import { jhuDaily } from './index.js';
import { manifest } from './manifest.js';
import { parseJhuDaily } from './parse.js';
import { rawCsvTable } from '../../../test/raw-csv.js';

const DIR = dataPath('jhu/daily_reports');
const fixture = (name: string): SourceInputFile => ({ fileId: 'daily', name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const real = (name: string): SourceInputFile => ({ fileId: 'daily', name: `jhu/daily_reports/${name}`, text: readFileSync(`${DIR}/${name}`, 'utf8') });
/** MM-DD-YYYY.csv → ISO date, independently of the parser. */
const isoOf = (name: string) => `${name.slice(6, 10)}-${name.slice(0, 2)}-${name.slice(3, 5)}`;

const COLUMN = { confirmed: 'Confirmed', deaths: 'Deaths', recovered: 'Recovered' } as const;
const rawNumber = (cell: string) => (cell.trim() === '' ? Number.NaN : Number(cell));
const at = (p: ParsedSource, line: number, metric: string) => p.series.find((s) => s.line === line && s.metric === metric);

describe('parseJhuDaily on every real daily report (114 files)', () => {
  const names = readdirSync(DIR).filter((n) => n.endsWith('.csv')).sort();
  const files = names.map(real);
  const parsed = files.map((f) => parseJhuDaily([f]));
  const raws = files.map((f) => rawCsvTable(f.text));

  it('reads all 114 reports of the five header layouts', () => {
    expect(names).toHaveLength(114);
    const headers = new Map<string, number>();
    for (const r of raws) {
      const h = r.header.join(',');
      headers.set(h, (headers.get(h) ?? 0) + 1);
    }
    expect([...headers.values()].sort((a, b) => a - b)).toEqual([6, 7, 21, 39, 41]);
  });

  it('keeps every cell of every row as written, dated by the file name (blank = NaN)', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const [i, f] of files.entries()) {
      const { rows } = raws[i];
      const p = parsed[i];
      const day = dayNumber(isoOf(names[i]));
      const dropped = new Set(p.issues.map((x) => x.line));
      // Every data line is either stored (3 metrics) or reported as a dropped duplicate.
      expect(p.series.length + 3 * dropped.size, names[i]).toBe(3 * rows.length);
      const byLine = new Map<string, SourceSeries>(p.series.map((s) => [`${s.line}|${s.metric}`, s]));
      for (const r of rows) {
        if (dropped.has(r.line)) continue;
        for (const [metric, column] of Object.entries(COLUMN)) {
          const s = byLine.get(`${r.line}|${metric}`);
          if (!s || s.start !== day || s.values.length !== 1 || !Object.is(s.values[0], rawNumber(r.cells[column]))) wrong.push(`${names[i]} line ${r.line} ${column}`);
          checked++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(500_000);
  });

  it('names places as written; US counties by FIPS from 03-22-2020; New York City explicitly', () => {
    const byName = (name: string) => parsed[names.indexOf(name)];
    expect(at(byName('01-22-2020.csv'), 2, 'confirmed')?.place).toEqual({ kind: 'names', country: 'Mainland China', province: 'Anhui' });
    const mar22 = rawCsvTable(real('04-01-2020.csv').text).rows;
    const king = mar22.find((r) => r.cells.FIPS === '53033')!;
    expect(at(byName('04-01-2020.csv'), king.line, 'deaths')).toMatchObject({ place: { kind: 'code', system: 'fips', code: '53033' }, values: Float64Array.of(Number(king.cells.Deaths)) });
    const nyc = mar22.find((r) => r.cells.Admin2 === 'New York City')!;
    expect(at(byName('04-01-2020.csv'), nyc.line, 'confirmed')?.place).toMatchObject({ kind: 'code', system: 'key', code: 'US_NY_NYC' });
    const recovered = mar22.find((r) => r.cells.Province_State === 'Recovered' && r.cells.Country_Region === 'Canada')!;
    expect(at(byName('04-01-2020.csv'), recovered.line, 'recovered')).toMatchObject({ place: { kind: 'names', country: 'Canada', province: 'Recovered' }, values: Float64Array.of(Number(recovered.cells.Recovered)) });
  });

  it('drops stale duplicates with a warning naming both rows, and nothing else', () => {
    const issues = parsed.flatMap((p, i) => p.issues.map((x) => ({ ...x, name: names[i] })));
    const hubei = rawCsvTable(real('01-23-2020.csv').text).rows.filter((r) => r.cells['Province/State'] === 'Hubei');
    expect(hubei.map((r) => r.cells.Recovered)).toEqual(['28', '28.0']);
    expect(issues.filter((x) => x.code === 'duplicate_row').map((x) => [x.name, x.line])).toEqual([['01-23-2020.csv', hubei[1].line]]);
    const repaired = issues.filter((x) => x.code === 'repaired');
    const perFile: Record<string, number> = {};
    for (const x of repaired) perFile[x.name] = (perFile[x.name] ?? 0) + 1;
    // March 2020 (renamed countries, territories as countries), 03-22-2020 (DC twice, Desoto/DeSoto,
    // Dona Ana/Doña Ana), Dona Ana/Doña Ana until 03-30 and unassigned/Unassigned Utah on 04-10.
    expect(perFile).toEqual({
      '03-08-2020.csv': 1, '03-11-2020.csv': 2, '03-12-2020.csv': 2, '03-14-2020.csv': 1, '03-16-2020.csv': 6, '03-17-2020.csv': 7,
      '03-18-2020.csv': 10, '03-19-2020.csv': 12, '03-20-2020.csv': 10, '03-21-2020.csv': 11, '03-22-2020.csv': 3, '03-23-2020.csv': 1,
      '03-24-2020.csv': 1, '03-25-2020.csv': 1, '03-26-2020.csv': 1, '03-27-2020.csv': 1, '03-28-2020.csv': 1, '03-29-2020.csv': 1,
      '03-30-2020.csv': 1, '04-10-2020.csv': 1,
    });
    expect(issues.every((x) => x.code === 'repaired' || x.code === 'duplicate_row')).toBe(true);
    // Republic of Ireland (21) kept over the stale Ireland row (19) on 03-08-2020.
    const ie = rawCsvTable(real('03-08-2020.csv').text).rows.filter((r) => r.cells['Country/Region'].endsWith('Ireland') && r.cells['Province/State'] === '');
    expect(ie.map((r) => [r.cells['Country/Region'], r.cells.Confirmed])).toEqual([['Republic of Ireland', '21'], ['Ireland', '19']]);
    expect(repaired.find((x) => x.name === '03-08-2020.csv')).toMatchObject({ line: ie[1].line, message: expect.stringContaining(`kept line ${ie[0].line} "Republic of Ireland" confirmed 21`) });
    // District of Columbia twice on 03-22-2020: the row with the 2 deaths is kept.
    const dc = parsed[names.indexOf('03-22-2020.csv')].series.filter((s) => s.place.kind === 'code' && s.place.code === '11001');
    expect(dc.map((s) => [s.metric, s.values[0]])).toEqual([['confirmed', 102], ['deaths', 2], ['recovered', 0]]);
  });
});

describe('parseJhuDaily on small files', () => {
  it('reads every header layout and Last Update format', () => {
    const v1 = parseJhuDaily([fixture('good-v1.01-22-2020.csv')]);
    expect(v1.series).toHaveLength(6 * 3);
    expect(v1.series.every((s) => s.start === dayNumber('2020-01-22'))).toBe(true);
    expect(at(v1, 3, 'deaths')?.values[0]).toBeNaN();
    expect(at(v1, 5, 'confirmed')?.place).toEqual({ kind: 'names', country: 'Canada', province: 'Toronto, ON' });
    const v2 = parseJhuDaily([fixture('good-v2.03-10-2020.csv')]);
    expect(at(v2, 3, 'confirmed')).toMatchObject({ place: { kind: 'names', country: 'US', province: 'King County, WA' }, values: Float64Array.of(83) });
    const v3 = parseJhuDaily([fixture('good-v3.03-22-2020.csv')]);
    expect(v3.series.map((s) => s.place).filter((_, i) => i % 3 === 0)).toEqual([
      { kind: 'code', system: 'key', code: 'US_NY_NYC', label: 'New York City, New York, US' },
      { kind: 'code', system: 'fips', code: '53033', label: 'King, Washington, US' },
      { kind: 'names', country: 'US', province: 'New York', admin2: 'Unassigned' },
      { kind: 'names', country: 'China', province: 'Hubei' },
      { kind: 'names', country: 'Japan', province: '' },
    ]);
    const v5 = parseJhuDaily([fixture('good-v5.12-01-2020.csv')]);
    expect(at(v5, 3, 'confirmed')?.place).toEqual({ kind: 'names', country: 'Korea, South', province: '' });
    expect(at(v5, 4, 'recovered')?.values[0]).toBeNaN();
    expect(at(v5, 5, 'recovered')?.values[0]).toBe(299474);
    expect(v5.issues).toEqual([]);
  });

  it('parses a file with a byte-order mark like one without', () => {
    const bom = fixture('bom.12-01-2020.csv');
    expect(bom.text.charCodeAt(0)).toBe(0xfeff);
    expect(parseJhuDaily([bom]).series).toEqual(parseJhuDaily([fixture('good-v5.12-01-2020.csv')]).series);
  });

  const cases: [string, RegExp][] = [
    ['changed-header.12-01-2020.csv', /changed-header\.12-01-2020\.csv, line 1, column "Country\/Region": unknown header: .*closest is "v5-rates-renamed" \(from 12-01-2020\): missing "Country_Region"; unexpected "Country\/Region"/],
    ['missing-column.12-01-2020.csv', /missing-column\.12-01-2020\.csv, line 1: unknown header: .*closest is "v5-rates-renamed" .*: missing "Deaths"$/],
    ['extra-column.12-01-2020.csv', /extra-column\.12-01-2020\.csv, line 1, column "Population": unknown header: .*unexpected "Population"/],
    ['non-numeric-cell.12-01-2020.csv', /non-numeric-cell\.12-01-2020\.csv, line 3, column "Confirmed": not a number: "35l63"/],
    ['truncated.12-01-2020.csv', /truncated\.12-01-2020\.csv, line 5: expected 14 fields, found 5 fields \(truncated or malformed row\)/],
    ['bad-last-update.03-10-2020.csv', /bad-last-update\.03-10-2020\.csv, line 5, column "Last Update": not a date and time in a format JHU used .*"2020-03-10T25:13:16"/],
    ['no-date-in-name.csv', /no-date-in-name\.csv: the file name does not carry the report date/],
  ];
  it.each(cases)('%s fails with a message naming file, line and column', (name, message) => {
    expect(() => parseJhuDaily([fixture(name)])).toThrow(SourceFormatError);
    expect(() => parseJhuDaily([fixture(name)])).toThrow(message);
  });

  it('ignores an identical duplicate row (28 and 28.0) with a warning naming both lines', () => {
    const p = parseJhuDaily([fixture('duplicate-row-identical.01-23-2020.csv')]);
    expect(p.series).toHaveLength(2 * 3);
    expect(p.issues).toEqual([expect.objectContaining({ code: 'duplicate_row', severity: 'warning', line: 4, message: expect.stringContaining('line 2') })]);
  });

  it('keeps the larger of two conflicting rows for one place (documented tolerance), with a repaired warning', () => {
    const p = parseJhuDaily([fixture('duplicate-row-conflicting.03-22-2020.csv')]);
    expect(p.series.filter((s) => s.place.kind === 'code' && s.place.code === '11001').map((s) => [s.line, s.metric, s.values[0]])).toEqual([
      [4, 'confirmed', 102], [4, 'deaths', 2], [4, 'recovered', 0],
    ]);
    expect(p.issues).toEqual([expect.objectContaining({ code: 'repaired', severity: 'warning', line: 2, message: expect.stringMatching(/kept line 4 .*deaths 2.*dropped line 2 .*deaths 0/) })]);
  });

  it('drops stale spellings of one place but keeps parts of one place for the runner to sum', () => {
    const p = parseJhuDaily([fixture('stale-duplicates.03-18-2020.csv')]);
    expect([...new Set(p.series.map((s) => s.line))]).toEqual([2, 3, 4, 5]);
    expect(p.issues.map((x) => [x.code, x.line])).toEqual([['repaired', 6], ['repaired', 7]]);
  });
});

describe('daily report helpers', () => {
  it('reads the report date from the file name, path or URL', () => {
    expect(reportDay('https://raw.githubusercontent.com/x/csse_covid_19_daily_reports/03-09-2023.csv')).toBe(dayNumber('2023-03-09'));
    expect(reportDay('/mirror/jhu/daily_reports/01-22-2020.csv.gz')).toBe(dayNumber('2020-01-22'));
    expect(() => reportDay('2020-01-22.csv')).toThrow(SourceFormatError);
    expect(() => reportDay('13-01-2020.csv')).toThrow(SourceFormatError);
  });

  it('accepts the four Last Update formats and nothing else', () => {
    expect(lastUpdateDay('1/22/2020 17:00')).toBe(dayNumber('2020-01-22'));
    expect(lastUpdateDay('3/8/20 5:31')).toBe(dayNumber('2020-03-08'));
    expect(lastUpdateDay('2020-03-01T10:13:19')).toBe(dayNumber('2020-03-01'));
    expect(lastUpdateDay('2020-04-01 21:58:49')).toBe(dayNumber('2020-04-01'));
    for (const bad of ['2/30/2020 10:00', '3/22/20 24:00', '2020-03-01', '22/3/2020 10:00x', 'yesterday']) expect(lastUpdateDay(bad), bad).toBeNaN();
  });
});

/**
 * The whole mirror (114 reports) takes about 110 s to ingest into PGlite on this machine, too long
 * for a unit test; this run reads a temporary mirror holding the real files of 11 reports
 * (symbolic links) chosen for what they exercise: every header layout, parts of one place,
 * stale duplicates, early "X, ST" spellings, FIPS counties, New York City, the Recovered rows.
 */
const INGESTED = [
  '01-22-2020.csv', '01-23-2020.csv', '02-04-2020.csv', '02-21-2020.csv', '03-05-2020.csv', '03-08-2020.csv',
  '03-19-2020.csv', '03-22-2020.csv', '04-01-2020.csv', '12-01-2020.csv', '05-30-2021.csv',
];

/** Rows no key exists for (unmapped.md), at most this many per report; the gazetteer may learn some. */
const KNOWN_UNMATCHED: Record<string, number> = {
  '"From Diamond Princess, Australia"': 1,
  '"From Diamond Princess, Israel"': 1,
  '"San Antonio, TX, US"': 1,
  '"Portland, OR, US"': 1,
  '"North Ireland"': 1,
  '"Channel Islands"': 1,
  '"Unassigned, Wuhan Evacuee, US"': 1,
  '"External territories, Australia"': 1,
  '"Jervis Bay Territory, Australia"': 1,
};

describe('the mirror pattern', () => {
  it('lists every report of the shared mirror as a vintage dated by its name', async () => {
    const copies = await listMirrorCandidates(SHARED_DATA, manifest.files[0]);
    expect(copies.map((c) => c.issue)).toEqual(readdirSync(DIR).map(isoOf).sort());
    expect(copies.every((c) => /^jhu\/daily_reports\/\d\d-\d\d-\d{4}\.csv$/.test(c.relative))).toBe(true);
  });
});

describe('jhu-daily ingested from the mirror', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'jhu-daily-'));
  mkdirSync(path.join(root, 'jhu/daily_reports'), { recursive: true });
  symlinkSync(dataPath('jhu/UID_ISO_FIPS_LookUp_Table.csv'), path.join(root, 'jhu/UID_ISO_FIPS_LookUp_Table.csv'));
  for (const name of INGESTED) symlinkSync(`${DIR}/${name}`, path.join(root, 'jhu/daily_reports', name));
  const { t, runs } = await ingestConnectors([jhuDaily], { root });
  afterAll(async () => {
    await t.drop();
    rmSync(root, { recursive: true });
  });
  const run = runs.find((r) => r.sourceId === 'jhu-daily')!;
  const stored = async (key: string, metric: string, iso: string) => {
    const [ref] = await findSeries(t.db, [key], [metric], 'jhu-daily');
    expect(ref, `${key} ${metric}`).toBeDefined();
    const p = (await readPoints(t.db, [ref], null)).get(ref.seriesId)!;
    const i = p.days.indexOf(dayNumber(iso));
    return { value: p.values[i], issue: p.issues[i], derived: ref.derived };
  };
  const raw = (name: string, match: (c: Record<string, string>) => boolean) => rawCsvTable(readFileSync(`${DIR}/${name}`, 'utf8')).rows.filter((r) => match(r.cells)).map((r) => r.cells);

  it('succeeds, one vintage per report, with only known unplaceable rows unmatched', () => {
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.files.map((f) => f.issue)).toEqual(INGESTED.map(isoOf));
    const unmatched = run.issues.filter((x) => x.code === 'unmatched_location');
    for (const u of unmatched) {
      const what = u.message.replace(/ matches no location key.*/, '');
      expect(KNOWN_UNMATCHED[what], `${what} (${u.file}, line ${u.line})`).toBeDefined();
    }
    const perReport = new Map<string, number>();
    for (const u of unmatched.filter((x) => x.metric === 'confirmed')) perReport.set(`${u.file}|${u.message}`, (perReport.get(`${u.file}|${u.message}`) ?? 0) + 1);
    expect(Math.max(0, ...perReport.values())).toBeLessThanOrEqual(1);
    expect(run.unmatched).toBe(unmatched.length);
    expect(run.unmatched).toBeLessThanOrEqual(8 * 3);
  });

  it("stores each report's values on its own date and issue", async () => {
    const [hubei] = raw('01-22-2020.csv', (c) => c['Province/State'] === 'Hubei');
    expect(await stored('CN_HB', 'confirmed', '2020-01-22')).toEqual({ value: Number(hubei.Confirmed), issue: dayNumber('2020-01-22'), derived: false });
    const [king] = raw('05-30-2021.csv', (c) => c.FIPS === '53033');
    expect(await stored('US_WA_53033', 'deaths', '2021-05-30')).toMatchObject({ value: Number(king.Deaths), issue: dayNumber('2021-05-30') });
    const [nyc] = raw('04-01-2020.csv', (c) => c.Admin2 === 'New York City');
    expect((await stored('US_NY_NYC', 'confirmed', '2020-04-01')).value).toBe(Number(nyc.Confirmed));
    const [early] = raw('03-05-2020.csv', (c) => c['Province/State'] === 'King County, WA');
    expect((await stored('US_WA_53033', 'confirmed', '2020-03-05')).value).toBe(Number(early.Confirmed));
    const [usRecovered] = raw('12-01-2020.csv', (c) => c.Province_State === 'Recovered' && c.Country_Region === 'US');
    expect((await stored('US_RECOVERED', 'recovered', '2020-12-01')).value).toBe(Number(usRecovered.Recovered));
    const [caRecovered] = raw('04-01-2020.csv', (c) => c.Province_State === 'Recovered' && c.Country_Region === 'Canada');
    expect((await stored('CA_RECOVERED', 'recovered', '2020-04-01')).value).toBe(Number(caRecovered.Recovered));
  });

  it('sums parts of one place and keeps only the current row of a stale duplicate', async () => {
    const ontario = raw('02-04-2020.csv', (c) => c['Country/Region'] === 'Canada' && c['Province/State'].endsWith(', ON'));
    expect(ontario).toHaveLength(2);
    expect((await stored('CA_ON', 'confirmed', '2020-02-04')).value).toBe(ontario.reduce((a, c) => a + Number(c.Confirmed), 0));
    const dp = raw('02-21-2020.csv', (c) => c['Country/Region'] === 'US' && /^(Ashland, NE|Travis, CA|Lackland, TX)$/.test(c['Province/State']));
    expect(dp).toHaveLength(3);
    expect((await stored('US_DIAMOND-PRINCESS', 'confirmed', '2020-02-21')).value).toBe(dp.reduce((a, c) => a + Number(c.Confirmed), 0));
    const plymouth = raw('03-22-2020.csv', (c) => (c.Admin2 === 'Plymouth' || c.Admin2 === 'Brockton') && c.Province_State === 'Massachusetts');
    expect((await stored('US_MA_25023', 'confirmed', '2020-03-22')).value).toBe(plymouth.reduce((a, c) => a + Number(c.Confirmed), 0));
    expect((await stored('IE', 'confirmed', '2020-03-08')).value).toBe(21);
    const guam = raw('03-19-2020.csv', (c) => c['Province/State'] === 'Guam' || (c['Country/Region'] === 'Guam' && c['Province/State'] === ''));
    expect(guam.map((c) => Number(c.Confirmed)).sort((a, b) => a - b)).toEqual([0, 12]);
    expect((await stored('US_GU', 'confirmed', '2020-03-19')).value).toBe(12);
    expect((await stored('US_DC_11001', 'deaths', '2020-03-22')).value).toBe(2);
  });

  it('derives state totals from the counties of a report', async () => {
    const wa = raw('05-30-2021.csv', (c) => c.Province_State === 'Washington' && c.Country_Region === 'US');
    expect(await stored('US_WA', 'confirmed', '2021-05-30')).toMatchObject({ value: wa.reduce((a, c) => a + Number(c.Confirmed), 0), derived: true });
  });
});
