import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath } from '../../../test/shared-data.js';
import type { TestDb } from '../../../test/databases.js';
import { dayNumber, isoFromDay } from '../../domain/dates.js';
import type { SourceSeries } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import type { RunSummary } from '../../ingest/run-summary.js';
import { findSeries, readPoints } from '../../store/read-series.js';
import { who } from './index.js';
import { parseWho, parseWhoFile } from './parse.js';

const fixture = (name: string) => ({ fileId: 'global-data', name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const real = (name: string) => ({ fileId: 'global-data', name, text: gunzipSync(readFileSync(dataPath('who', name))).toString('utf8') });

/** One CSV line split by hand (quoted fields with commas), independent of papaparse. */
function splitLine(line: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    out.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
    if (m[2] === '') break;
  }
  return out;
}

/** The raw file read independently: lines split by hand into objects by header name. */
function rawRows(text: string) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  const header = splitLine(lines[0]);
  const rows = lines.slice(1).map((l) => Object.fromEntries(splitLine(l).map((c, i) => [header[i], c])) as Record<string, string>);
  return { header, rows };
}
const cell = (s: string) => (s === '' ? Number.NaN : Number(s));
const valueOn = (s: SourceSeries, day: number) => s.values[day - s.start];
const codeOf = (s: SourceSeries) => (s.place.kind === 'code' ? s.place.code : '');

describe('parseWho on the real WHO files', () => {
  const daily = real('WHO-COVID-19-global-data_asof_2020-06-25.csv.gz');
  const weekly = real('WHO-COVID-19-global-data_asof_2024-08.csv.gz');
  const d = parseWhoFile(daily);
  const w = parseWhoFile(weekly);
  const rawD = rawRows(daily.text);
  const rawW = rawRows(weekly.text);

  it('the 2020 copy has a BOM and ISO datetimes; the 2024 copy plain dates (the layouts the parser must tell apart)', () => {
    expect(daily.text.charCodeAt(0)).toBe(0xfeff);
    expect(rawD.rows[0].Date_reported).toMatch(/T00:00:00Z$/);
    expect(rawW.rows[0].Date_reported).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(d.cadence).toBe('daily');
    expect(w.cadence).toBe('weekly');
  });

  it('2020 (daily): confirmed, deaths, new_confirmed, new_deaths for every code but Other*, each cell as written', () => {
    const codes = new Set(rawD.rows.map((r) => r.Country_code));
    codes.delete('Other*');
    for (const metric of ['confirmed', 'deaths', 'new_confirmed', 'new_deaths']) {
      expect(new Set(d.series.filter((s) => s.metric === metric).map(codeOf))).toEqual(new Set([...codes].map((c) => (c === 'XXJ' ? 'SHIP-DIAMOND-PRINCESS' : c))));
    }
    const byKey = new Map(d.series.map((s) => [`${codeOf(s)}|${s.metric}`, s]));
    let checked = 0;
    for (const r of rawD.rows) {
      if (r.Country_code === 'Other*') continue;
      const day = dayNumber(r.Date_reported.slice(0, 10));
      const at = (metric: string) => valueOn(byKey.get(`${r.Country_code}|${metric}`)!, day);
      expect([at('confirmed'), at('deaths'), at('new_confirmed'), at('new_deaths')]).toEqual([cell(r.Cumulative_cases), cell(r.Cumulative_deaths), cell(r.New_cases), cell(r.New_deaths)]);
      checked++;
    }
    expect(checked).toBe(rawD.rows.filter((r) => r.Country_code !== 'Other*').length);
    expect(checked).toBe(24102 - 142); // MANIFEST: 24,102 rows, of which Other* 142
    // Negative daily corrections are stored as published.
    expect(rawD.rows.some((r) => Number(r.New_cases) < 0)).toBe(true);
  });

  it('2024 (weekly): cumulative counts on the Sundays only, NaN between; the weekly New_* sums are not stored', () => {
    expect(w.series.every((s) => s.metric === 'confirmed' || s.metric === 'deaths')).toBe(true);
    const rowsPerCode = new Map<string, number>();
    for (const line of weekly.text.trim().split('\n').slice(1)) {
      const code = line.split(',')[1];
      rowsPerCode.set(code, (rowsPerCode.get(code) ?? 0) + 1);
    }
    const skipped = ['XXF', 'XXG', 'XXH', 'XXI', 'XXL'];
    expect(w.series).toHaveLength(2 * (rowsPerCode.size - skipped.length));
    for (const s of w.series) {
      const code = codeOf(s) === 'SHIP-DIAMOND-PRINCESS' ? 'XXJ' : codeOf(s);
      expect(Array.from(s.values).filter((v) => !Number.isNaN(v))).toHaveLength(rowsPerCode.get(code)!);
      expect(s.values.length).toBe(rowsPerCode.get(code)! * 7 - 6);
    }
    const byKey = new Map(w.series.map((s) => [`${codeOf(s)}|${s.metric}`, s]));
    let checked = 0;
    for (const r of rawW.rows) {
      if (skipped.includes(r.Country_code)) continue;
      const code = r.Country_code === 'XXJ' ? 'SHIP-DIAMOND-PRINCESS' : r.Country_code;
      const day = dayNumber(r.Date_reported);
      expect(valueOn(byKey.get(`${code}|confirmed`)!, day)).toEqual(cell(r.Cumulative_cases));
      expect(valueOn(byKey.get(`${code}|deaths`)!, day)).toEqual(cell(r.Cumulative_deaths));
      checked++;
    }
    expect(checked).toBe(rawW.rows.length - 5 * 240);
    expect(rawW.rows).toHaveLength(57600); // MANIFEST: 57,600 rows
  });

  it('keeps Namibia ("NA") as a code, never as a missing value', () => {
    for (const parsed of [d, w]) {
      const na = parsed.series.find((s) => codeOf(s) === 'NA' && s.metric === 'confirmed')!;
      expect(na.place).toEqual({ kind: 'code', system: 'iso2', code: 'NA', label: 'Namibia' });
    }
    const line = weekly.text.split('\n').find((l) => l.startsWith('2024-08-04,NA,'))!;
    const na = w.series.find((s) => codeOf(s) === 'NA' && s.metric === 'confirmed')!;
    expect(valueOn(na, dayNumber('2024-08-04'))).toBe(Number(line.split(',')[5]));
  });

  it('maps XXJ to the Diamond Princess and reports the other conveyances once per file', () => {
    const dp = w.series.find((s) => s.metric === 'confirmed' && codeOf(s) === 'SHIP-DIAMOND-PRINCESS')!;
    expect(dp.place).toEqual({ kind: 'code', system: 'key', code: 'SHIP-DIAMOND-PRINCESS', label: 'International conveyance (Diamond Princess)' });
    const last = weekly.text.split('\n').find((l) => l.startsWith('2024-08-04,XXJ,'))!.split(',');
    expect(dp.values[dp.values.length - 1]).toBe(Number(last[5]));
    for (const [parsed, codes] of [[d, ['Other*']], [w, ['XXL', 'XXF', 'XXI', 'XXG', 'XXH']]] as const) {
      const np = parsed.issues.filter((i) => i.code === 'not_a_place');
      expect(np).toHaveLength(1);
      for (const c of codes) expect(np[0].message).toContain(c);
      expect(parsed.issues.filter((i) => i.code !== 'not_a_place')).toEqual([]);
    }
  });

  it('the per-country table file only repeats the 2024 copy\'s cumulative values of 2024-08-04 (why it is not ingested)', () => {
    const table = rawRows(readFileSync(dataPath('who/WHO-COVID-19-global-table-data_asof_2024-08.csv'), 'utf8'));
    expect(table.header.slice(0, 3)).toEqual(['Name', 'WHO Region', 'Cases - cumulative total']);
    expect(table.header.join(',')).not.toMatch(/date|code/i);
    const last = rawW.rows.filter((r) => r.Date_reported === '2024-08-04');
    const byName = new Map(last.map((r) => [r.Country, r]));
    let compared = 0;
    for (const r of table.rows) {
      if (r.Name === 'Global') continue;
      const row = byName.get(r.Name);
      expect(row, r.Name).toBeDefined();
      expect([r['Cases - cumulative total'], r['Deaths - cumulative total']]).toEqual([row!.Cumulative_cases, row!.Cumulative_deaths]);
      compared++;
    }
    expect(compared).toBe(240);
  });
});

describe('parseWho on small and broken files', () => {
  const good = parseWhoFile(fixture('daily.csv'));
  const valuesOf = (p: ReturnType<typeof parseWhoFile>) => p.series.map((s) => [codeOf(s), s.metric, s.start, Array.from(s.values)]);

  it('reads the daily layout: four metrics per place, conveyances skipped, unknown codes passed on', () => {
    expect(good.cadence).toBe('daily');
    expect(new Set(good.series.map(codeOf))).toEqual(new Set(['AF', 'XK', 'NA', 'QZ']));
    const na = good.series.filter((s) => codeOf(s) === 'NA');
    expect(na.map((s) => [s.metric, isoFromDay(s.start), Array.from(s.values)])).toEqual([
      ['confirmed', '2020-03-14', [2, 2, 2]],
      ['deaths', '2020-03-14', [0, 0, 0]],
      ['new_confirmed', '2020-03-14', [2, 0, 0]],
      ['new_deaths', '2020-03-14', [0, 0, 0]],
    ]);
    expect(na[0].line).toBe(8);
    expect(good.issues).toEqual([expect.objectContaining({ code: 'not_a_place', message: expect.stringContaining('Other* ("undefined", 3 rows)') })]);
  });

  it('reads the weekly layout: cumulative only, NaN between Sundays, XXJ as the Diamond Princess', () => {
    const w = parseWhoFile(fixture('weekly.csv'));
    expect(w.cadence).toBe('weekly');
    const dp = w.series.find((s) => codeOf(s) === 'SHIP-DIAMOND-PRINCESS' && s.metric === 'deaths')!;
    expect(isoFromDay(dp.start)).toBe('2020-02-16');
    expect(Array.from(dp.values)).toEqual([0, NaN, NaN, NaN, NaN, NaN, NaN, 2, NaN, NaN, NaN, NaN, NaN, NaN, 6]);
    expect(new Set(w.series.map((s) => s.metric))).toEqual(new Set(['confirmed', 'deaths']));
    expect(w.series.find((s) => codeOf(s) === 'BQ')?.place).toEqual({ kind: 'code', system: 'iso2', code: 'BQ', label: 'Bonaire, Saint Eustatius and Saba' });
    expect(w.issues).toEqual([expect.objectContaining({ code: 'not_a_place', message: expect.stringContaining('XXL') })]);
  });

  it('parses a file with a byte-order mark like one without', () => {
    expect(valuesOf(parseWhoFile(fixture('daily-bom.csv')))).toEqual(valuesOf(good));
  });

  it('finds columns by name: another order and spaces after the commas parse the same', () => {
    expect(valuesOf(parseWhoFile(fixture('reordered-columns.csv')))).toEqual(valuesOf(good));
  });

  it('reads "NA" as Namibia through the connector entry point too', () => {
    const parsed = parseWho([fixture('daily.csv')]);
    expect(parsed.series.filter((s) => codeOf(s) === 'NA')).toHaveLength(4);
  });

  const cases: [string, RegExp][] = [
    ['changed-header.csv', /changed-header\.csv, line 1: unexpected header: no column "Country_code"/],
    ['missing-column.csv', /missing-column\.csv, line 1: unexpected header: no column "Cumulative_deaths"/],
    ['non-numeric-cell.csv', /non-numeric-cell\.csv, line 9, column "Cumulative_cases": not a number: "2O"/],
    ['bad-date.csv', /bad-date\.csv, line 6, column "Date_reported": not a date: "15\/03\/2020"/],
    ['truncated.csv', /truncated\.csv, line 10: expected 8 fields, found 3/],
    ['duplicate-row-conflicting.csv', /duplicate-row-conflicting\.csv, line 11: duplicate row for NA on 2020-03-15 \(first at line 9\) with different values/],
    ['irregular-dates.csv', /irregular-dates\.csv, column "Date_reported": report dates are neither daily nor weekly/],
  ];
  it.each(cases)('%s fails with a message naming file, line and column', (name, message) => {
    expect(() => parseWhoFile(fixture(name))).toThrow(SourceFormatError);
    expect(() => parseWhoFile(fixture(name))).toThrow(message);
  });

  it('ignores an identical duplicate row with a warning and a duplicate_row flag per metric', () => {
    const parsed = parseWhoFile(fixture('duplicate-row-identical.csv'));
    expect(valuesOf(parsed)).toEqual(valuesOf(good));
    expect(parsed.issues.filter((i) => i.code === 'duplicate_row')).toEqual([expect.objectContaining({ severity: 'warning', line: 11, message: expect.stringContaining('line 9') })]);
    for (const f of parsed.flags) expect(f.detail).toEqual({ line: 11, first_line: 9 });
    expect(parsed.flags.map((f) => [f.metric, f.date, f.code])).toEqual([
      ['confirmed', '2020-03-15', 'duplicate_row'],
      ['deaths', '2020-03-15', 'duplicate_row'],
      ['new_confirmed', '2020-03-15', 'duplicate_row'],
      ['new_deaths', '2020-03-15', 'duplicate_row'],
    ]);
  });
});

describe('who ingested from the real mirror', () => {
  let t: TestDb;
  let runs: RunSummary[];
  const weeklyText = gunzipSync(readFileSync(dataPath('who/WHO-COVID-19-global-data_asof_2024-08.csv.gz'))).toString('utf8');
  const dailyText = gunzipSync(readFileSync(dataPath('who/WHO-COVID-19-global-data_asof_2020-06-25.csv.gz'))).toString('utf8');
  const rawCell = (text: string, prefix: string, column: number) => Number(text.split(/\r?\n/).find((l) => l.startsWith(prefix))!.split(',')[column]);

  beforeAll(async () => {
    ({ t, runs } = await ingestConnectors([who]));
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  const points = async (key: string, metric: string, asOf: string | null = null) => {
    const [ref] = await findSeries(t.db, [key], [metric], 'who');
    expect(ref, `${key} ${metric}`).toBeDefined();
    const p = (await readPoints(t.db, [ref], asOf)).get(ref.seriesId)!;
    return (iso: string) => {
      const i = p.days.indexOf(dayNumber(iso));
      return i < 0 ? undefined : p.values[i];
    };
  };

  it('succeeds with both vintages and every place matched', () => {
    const run = runs.find((r) => r.sourceId === 'who')!;
    expect(run.error).toBeNull();
    expect(run.status).toBe('succeeded');
    expect(run.unmatched).toBe(0);
    expect(run.vintages.map((v) => v.issue)).toEqual(['2020-06-25', '2024-08-23']);
    expect(run.issues.filter((i) => i.code === 'not_a_place')).toHaveLength(2);
  });

  it('stores the published values: Namibia (NA), Turkmenistan and Tokelau (extra locations), the Diamond Princess', async () => {
    expect((await points('NA', 'confirmed'))('2024-08-04')).toBe(rawCell(weeklyText, '2024-08-04,NA,', 5));
    expect((await points('NA', 'deaths'))('2024-08-04')).toBe(rawCell(weeklyText, '2024-08-04,NA,', 7));
    expect((await points('TK', 'confirmed'))('2022-12-18')).toBe(rawCell(weeklyText, '2022-12-18,TK,', 5));
    expect((await points('TM', 'confirmed'))('2024-08-04')).toBe(rawCell(weeklyText, '2024-08-04,TM,', 5));
    expect((await points('SHIP-DIAMOND-PRINCESS', 'confirmed'))('2024-08-04')).toBe(rawCell(weeklyText, '2024-08-04,XXJ,', 5));
    expect((await points('XK', 'deaths'))('2024-08-04')).toBe(rawCell(weeklyText, '2024-08-04,XK,', 7));
  });

  it('reads the weekly 2024 copy as WHO\'s whole series: its Sundays revise, the days between are no longer published', async () => {
    const nonSunday = '2020-05-12';
    const sunday = '2020-05-10';
    const daily2020 = rawCell(dailyText, `${nonSunday}T00:00:00Z,ES,`, 5);
    const asOf2020 = await points('ES', 'confirmed', '2020-06-30');
    expect(asOf2020(nonSunday)).toBe(daily2020);
    expect(asOf2020(sunday)).toBe(rawCell(dailyText, `${sunday}T00:00:00Z,ES,`, 5));
    const now = await points('ES', 'confirmed');
    expect(now(sunday)).toBe(rawCell(weeklyText, `${sunday},ES,`, 5));
    // Not a mix of the two copies (a Monday value of 2020 after a revised Sunday of 2024): missing.
    expect(now(nonSunday)).toBeNaN();
    const [es] = await findSeries(t.db, ['ES'], ['confirmed'], 'who');
    const [{ spans }] = await t.db.query<{ spans: { from: string; to: string; reason: string }[] }>('SELECT spans FROM series_annotations WHERE series_id = $1 ORDER BY issue DESC LIMIT 1', [es.seriesId]);
    expect(spans).toContainEqual(expect.objectContaining({ from: '2020-05-11', to: '2020-05-16', reason: 'not_reported' }));
    const it2020 = await points('IT', 'new_confirmed');
    expect(it2020('2020-03-08')).toBe(rawCell(dailyText, '2020-03-08T00:00:00Z,IT,', 4));
    expect(it2020('2020-08-02')).toBeUndefined();
  });
});
