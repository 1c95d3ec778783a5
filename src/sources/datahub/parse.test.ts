import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import { dayNumber, isoFromDay } from '../../domain/dates.js';
import type { ParsedSource, SourceInputFile, SourceSeries } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { manifest } from './manifest.js';
import { parseDatahub } from './parse.js';
import { rawCsvRows } from '../../../test/raw-csv.js';

const DIR = 'datahub-vintages';
const NAMES = readdirSync(dataPath(DIR)).sort();

function fileIdOf(name: string): string | null {
  if (name.includes('_countries-aggregated.')) return 'countries-aggregated';
  if (name.includes('_time-series-19-covid-combined.')) return 'time-series-combined';
  if (/_worldwide-aggregated?\./.test(name)) return 'worldwide-aggregate';
  return null;
}

function real(name: string): SourceInputFile {
  const raw = readFileSync(dataPath(DIR, name));
  return { fileId: fileIdOf(name)!, name, text: (name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8') };
}

/** Each real file is parsed once for all the tests that read it. */
const parsedCache = new Map<string, ParsedSource>();
function parsedReal(name: string): ParsedSource {
  let p = parsedCache.get(name);
  if (!p) parsedCache.set(name, (p = parseDatahub([real(name)])));
  return p;
}

const fixture = (name: string, fileId = 'countries-aggregated'): SourceInputFile => ({ fileId, name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });

function rawTable(text: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = rawCsvRows(text);
  return { header, rows };
}

/** The date a raw cell means: the copies committed on 2020-09-01 are known (MANIFEST.md) to write YYYY-DD-MM. */
function rawDay(cell: string, swapped: boolean): number {
  const [y, a, b] = cell.split('-');
  return dayNumber(swapped ? `${y}-${b}-${a}` : cell);
}

const METRIC_COLUMNS = { confirmed: 'Confirmed', recovered: 'Recovered', deaths: 'Deaths' } as const;

function placeId(s: { place: SourceSeries['place'] }): string {
  const p = s.place;
  if (p.kind !== 'names') throw new Error(`unexpected place kind ${p.kind}`);
  return `${p.country}|${p.admin2 ?? p.province ?? ''}`;
}

/**
 * Every cell of the raw rows kept (by `keep`) is the parsed value on its date, every non-blank
 * cell is accounted for, and a (place, metric) has a series exactly when it has a non-blank cell.
 */
function checkEveryCell(parsed: ParsedSource, text: string, swapped: boolean, placeOf: (row: Record<string, string>) => string, keep: (row: Record<string, string>) => boolean) {
  const { header, rows } = rawTable(text);
  const byId = new Map(parsed.series.map((s) => [`${placeId(s)}|${s.metric}`, s]));
  const expectedSeries = new Set<string>();
  const nonBlank = new Map<string, number>();
  const wrong: string[] = [];
  let checked = 0;
  for (const cells of rows) {
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    if (!keep(row)) continue;
    const day = rawDay(row.Date, swapped);
    for (const [metric, column] of Object.entries(METRIC_COLUMNS)) {
      const id = `${placeOf(row)}|${metric}`;
      const cell = row[column];
      if (cell === '') continue;
      expectedSeries.add(id);
      nonBlank.set(id, (nonBlank.get(id) ?? 0) + 1);
      const s = byId.get(id);
      const got = s ? s.values[day - s.start] : undefined;
      // Plain comparisons, one expect at the end: a million expect() calls take minutes.
      if (got !== Number(cell)) wrong.push(`${id} ${isoFromDay(day)}: ${got} instead of ${cell}`);
      checked++;
    }
  }
  expect(wrong.slice(0, 5)).toEqual([]);
  expect([...byId.keys()].sort()).toEqual([...expectedSeries].sort());
  const counts = [...byId].map(([id, s]) => [id, s.values.filter((v) => !Number.isNaN(v)).length]);
  expect(counts).toEqual(counts.map(([id]) => [id, nonBlank.get(id as string)]));
  return checked;
}

describe('parseDatahub on every real DataHub file', () => {
  const countries = NAMES.filter((n) => fileIdOf(n) === 'countries-aggregated');
  const combined = NAMES.filter((n) => fileIdOf(n) === 'time-series-combined');
  const worldwide = NAMES.filter((n) => fileIdOf(n) === 'worldwide-aggregate');

  it('knows every file of the folder: ingested, or documented as not ingested', () => {
    expect(countries).toHaveLength(6);
    expect(combined).toHaveLength(6);
    expect(worldwide).toHaveLength(6);
    const others = NAMES.filter((n) => fileIdOf(n) === null);
    expect(others).toEqual(['2020-05-01_key-countries-pivoted.csv', '2020-07-01_key-countries-pivoted.csv', '2020-12-01_key-countries-pivoted.csv', '2021-03-17_key-countries-pivoted.csv', '2021-10-11_key-countries-pivoted.csv', '2022-04-08_reference.csv', '2022-04-17_key-countries-pivoted.csv']);
    const notes = manifest.notes.join('\n');
    for (const skipped of ['key-countries-pivoted.csv is not ingested', 'reference.csv is not ingested', 'worldwide-aggregate.csv']) expect(notes).toContain(skipped);
  });

  it.each(countries)('%s: one series per country and metric, every cell on its date', (name) => {
    const f = real(name);
    const parsed = parsedReal(name);
    const swapped = name.startsWith('2020-09-01');
    const checked = checkEveryCell(parsed, f.text, swapped, (r) => `${r.Country}|`, () => true);
    expect(checked).toBe(rawTable(f.text).rows.length * 3);
    expect(parsed.series.every((s) => s.place.kind === 'names' && s.place.province === undefined)).toBe(true);
    expect(parsed.issues.filter((i) => i.code !== 'repaired')).toEqual([]);
  });

  it.each(combined)('%s: the rows of countries reported by province only, every cell on its date', (name) => {
    const f = real(name);
    const parsed = parsedReal(name);
    const swapped = name.startsWith('2020-09-01');
    const { header, rows } = rawTable(f.text);
    const cIdx = header.indexOf('Country/Region');
    const pIdx = header.indexOf('Province/State');
    const ownRow = new Set(rows.filter((r) => r[pIdx] === '' || r[pIdx] === r[cIdx]).map((r) => r[cIdx]));
    const checked = checkEveryCell(parsed, f.text, swapped, (r) => `${r['Country/Region']}|${r['Province/State']}`, (r) => !ownRow.has(r['Country/Region']));
    expect(checked).toBeGreaterThan(0);
    const kept = [...new Set(parsed.series.map((s) => (s.place.kind === 'names' ? s.place.country : '')))].sort();
    expect(kept).toEqual(name.startsWith('2020-03-20') ? ['Australia', 'Canada', 'China', 'Cruise Ship', 'US'] : ['Australia', 'Canada', 'China']);
    // Countries with a row of their own give nothing: their totals come from countries-aggregated.
    for (const c of ['France', 'United Kingdom', 'Netherlands', 'Denmark', 'Italy']) expect(kept).not.toContain(c);
    expect(parsed.issues.filter((i) => i.code !== 'repaired')).toEqual([]);
  });

  it.each(worldwide)('%s: world totals are read and reported as not a place', (name) => {
    const f = real(name);
    const parsed = parseDatahub([f]);
    expect(parsed.series).toEqual([]);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'not_a_place', severity: 'info', file: name, count: rawTable(f.text).rows.length })]);
  });

  it('repairs the YYYY-DD-MM dates of the 2020-09-01 copies, and only those', () => {
    for (const name of [...countries, ...combined, ...worldwide]) {
      const repaired = parsedReal(name).issues.filter((i) => i.code === 'repaired');
      if (name.startsWith('2020-09-01')) {
        expect(repaired, name).toEqual([expect.objectContaining({ severity: 'warning', file: name, column: 'Date', message: expect.stringContaining('"2020-22-01" = 2020-01-22') })]);
      } else {
        expect(repaired, name).toEqual([]);
      }
    }
    // Spot check against the raw text: France's last row of the defective file.
    const f = real('2020-09-01_countries-aggregated.csv.gz');
    const line = f.text.split('\n').filter((l) => l.startsWith('2020-31-08,France,'));
    expect(line).toHaveLength(1);
    const france = parsedReal(f.name).series.find((s) => placeId(s) === 'France|' && s.metric === 'deaths')!;
    expect(isoFromDay(france.start)).toBe('2020-01-22');
    expect(isoFromDay(france.start + france.values.length - 1)).toBe('2020-08-31');
    expect(france.values[france.values.length - 1]).toBe(Number(line[0].split(',')[4]));
  });

  it('derives from time-series-combined exactly the country totals countries-aggregated reports (no conflict within a vintage)', () => {
    const dates = countries.map((n) => n.slice(0, 10)).filter((d) => combined.some((n) => n.startsWith(d)));
    expect(dates).toEqual(['2020-05-01', '2020-07-01', '2020-09-01', '2020-12-01', '2021-03-17']);
    let compared = 0;
    const wrong: string[] = [];
    for (const d of dates) {
      const agg = parsedReal(countries.find((n) => n.startsWith(d))!).series;
      const parts = parsedReal(combined.find((n) => n.startsWith(d))!).series;
      const groups = new Map<string, SourceSeries[]>();
      for (const s of parts) {
        const k = `${placeId(s).split('|')[0]}|${s.metric}`;
        groups.set(k, [...(groups.get(k) ?? []), s]);
      }
      for (const [k, list] of groups) {
        const [country, metric] = k.split('|');
        const total = agg.find((s) => placeId(s) === `${country}|` && s.metric === metric)!;
        expect(total, k).toBeDefined();
        for (let day = list[0].start; day < list[0].start + list[0].values.length; day++) {
          // As the runner adds parts up: a part without a cell makes the day blank.
          const sum = list.reduce((acc, s) => acc + (day - s.start >= 0 && day - s.start < s.values.length ? s.values[day - s.start] : Number.NaN), 0);
          if (sum !== total.values[day - total.start]) wrong.push(`${d} ${k} ${isoFromDay(day)}: ${sum} vs ${total.values[day - total.start]}`);
          compared++;
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  });
});

describe('parseDatahub on small and broken files', () => {
  it('reads a countries-aggregated file sorted by date', () => {
    const parsed = parseDatahub([fixture('countries-good.csv')]);
    expect(parsed.series.map((s) => [placeId(s), s.metric, isoFromDay(s.start), Array.from(s.values)])).toEqual([
      ['France|', 'confirmed', '2020-03-13', [3681, 4496, 4532]],
      ['France|', 'recovered', '2020-03-13', [12, 12, 12]],
      ['France|', 'deaths', '2020-03-13', [79, 91, 91]],
      ['Namibia|', 'confirmed', '2020-03-13', [0, 2, 2]],
      ['Namibia|', 'recovered', '2020-03-13', [0, 0, 0]],
      ['Namibia|', 'deaths', '2020-03-13', [0, 0, 0]],
    ]);
    expect(parsed.series[0].line).toBe(2);
    expect(parsed.series[3].line).toBe(3);
    expect(parsed.issues).toEqual([]);
  });

  it('parses a file with a byte-order mark like one without', () => {
    const plain = parseDatahub([fixture('countries-good.csv')]);
    const bom = parseDatahub([fixture('bom.csv')]);
    expect(bom.series.map((s) => [s.place, s.metric, s.start, Array.from(s.values)])).toEqual(plain.series.map((s) => [s.place, s.metric, s.start, Array.from(s.values)]));
    expect(bom.issues).toEqual([]);
  });

  it('keeps a blank cell as missing, never 0', () => {
    const parsed = parseDatahub([fixture('blank-cell.csv')]);
    const recovered = parsed.series.find((s) => placeId(s) === 'France|' && s.metric === 'recovered')!;
    expect(Array.from(recovered.values)).toEqual([12, Number.NaN, 12]);
    expect(parsed.issues).toEqual([]);
  });

  const cases: [string, string, RegExp][] = [
    ['missing-column.csv', 'countries-aggregated', /^missing-column\.csv, line 1: unexpected header: missing column "Deaths"; expected columns Date, Country, Confirmed, Recovered, Deaths$/],
    ['changed-header.csv', 'time-series-combined', /^changed-header\.csv, line 1, column "Country_Region": unexpected header: unknown column "Country_Region", missing column "Country\/Region"/],
    ['non-numeric-cell.csv', 'countries-aggregated', /^non-numeric-cell\.csv, line 4, column "Deaths": not a number: "9l"$/],
    ['truncated.csv', 'countries-aggregated', /^truncated\.csv, line 5: expected 5 fields, found 2 \(truncated or malformed row\)$/],
    ['duplicate-row-conflicting.csv', 'countries-aggregated', /^duplicate-row-conflicting\.csv, line 6: duplicate row for "France" on 2020-03-14 \(first at line 4\) with different values$/],
    ['mixed-dates.csv', 'countries-aggregated', /^mixed-dates\.csv, line 5, column "Date": dates mix two orders: "2020-30-08" \(line 2\) is no YYYY-MM-DD date, "2020-09-30" \(line 5\) is no YYYY-DD-MM date$/],
    ['stray-month.csv', 'countries-aggregated', /^stray-month\.csv, line 6, column "Date": not a calendar date: "2020-13-05"; read day-first \(YYYY-DD-MM\) the dates would make sense, but then only 0 of 4 consecutive rows of a place are consecutive days, so the file is not repaired$/],
    ['ambiguous-dates.csv', 'countries-aggregated', /^ambiguous-dates\.csv, line 1, column "Date": dates are ambiguous/],
    ['bad-date.csv', 'countries-aggregated', /^bad-date\.csv, line 3, column "Date": not a date: "3\/14\/20" \(expected YYYY-MM-DD\)$/],
  ];
  it.each(cases)('%s fails with a message naming file, line and column', (name, fileId, message) => {
    expect(() => parseDatahub([fixture(name, fileId)])).toThrow(SourceFormatError);
    expect(() => parseDatahub([fixture(name, fileId)])).toThrow(message);
  });

  it('refuses an empty file, a header without rows and an unknown file id', () => {
    expect(() => parseDatahub([{ fileId: 'countries-aggregated', name: 'empty.csv', text: '' }])).toThrow(/^empty\.csv, line 1: empty file$/);
    expect(() => parseDatahub([{ fileId: 'countries-aggregated', name: 'h.csv', text: 'Date,Country,Confirmed,Recovered,Deaths\n' }])).toThrow(/^h\.csv, line 2: no data rows/);
    expect(() => parseDatahub([{ fileId: 'key-countries-pivoted', name: 'k.csv', text: 'Date,China\n' }])).toThrow(/^k\.csv: no parser for file id "key-countries-pivoted"$/);
  });

  it('ignores an identical duplicate row with a warning naming both lines, and flags the date', () => {
    const parsed = parseDatahub([fixture('duplicate-row-identical.csv')]);
    expect(parsed.series).toHaveLength(6);
    expect(Array.from(parsed.series.find((s) => placeId(s) === 'France|' && s.metric === 'confirmed')!.values)).toEqual([3681, 4496, 4532]);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'duplicate_row', line: 6, message: expect.stringContaining('line 4') })]);
    for (const f of parsed.flags!) expect(f.detail).toEqual({ line: 6, first_line: 4 });
    expect(parsed.flags!.map((f) => [f.metric, f.date, f.code, f.line])).toEqual([
      ['confirmed', '2020-03-14', 'duplicate_row', 6],
      ['recovered', '2020-03-14', 'duplicate_row', 6],
      ['deaths', '2020-03-14', 'duplicate_row', 6],
    ]);
  });

  it('takes from time-series-combined only the countries reported by province alone, and no all-blank series', () => {
    const parsed = parseDatahub([fixture('combined-good.csv', 'time-series-combined')]);
    expect(parsed.series.map((s) => [placeId(s), s.metric, Array.from(s.values)])).toEqual([
      ['Canada|Alberta', 'confirmed', [29, 39]],
      ['Canada|Alberta', 'deaths', [0, 0]],
      ['Canada|Recovery aggregated', 'recovered', [8, 8]],
      ['China|Hong Kong', 'confirmed', [140, 145]],
      ['China|Hong Kong', 'recovered', [78, 81]],
      ['China|Hong Kong', 'deaths', [4, 4]],
      ['China|Hubei', 'confirmed', [67790, 67794]],
      ['China|Hubei', 'recovered', [52960, 54288]],
      ['China|Hubei', 'deaths', [3075, 3085]],
    ]);
    expect(parsed.series[0].place).toEqual({ kind: 'names', country: 'Canada', province: 'Alberta' });
    expect(parsed.issues).toEqual([]);
  });

  it('reads the legacy layout of the 2020-03-20 copy: US counties within their state, "France / France" as a country row', () => {
    const parsed = parseDatahub([fixture('combined-legacy.csv', 'time-series-combined')]);
    const places = [...new Map(parsed.series.map((s) => [placeId(s), s.place])).values()];
    expect(places).toEqual([
      { kind: 'names', country: 'US', province: 'Washington' },
      { kind: 'names', country: 'US', province: 'District of Columbia' },
      { kind: 'names', country: 'Cruise Ship', province: 'Diamond Princess' },
      { kind: 'names', country: 'US', province: 'WA', admin2: 'Kitsap, WA' },
      // "D.C." is no USPS code: the spelling is looked up among the US states (an alias of US_DC).
      { kind: 'names', country: 'US', province: 'Washington, D.C.' },
    ]);
    const wa = parsed.series.find((s) => placeId(s) === 'US|Washington' && s.metric === 'confirmed')!;
    expect([isoFromDay(wa.start), Array.from(wa.values)]).toEqual(['2020-03-08', [0, 0, 267]]);
  });

  it('repairs YYYY-DD-MM dates when a "month" is above 12', () => {
    const parsed = parseDatahub([fixture('swapped-dates.csv')]);
    const france = parsed.series.find((s) => placeId(s) === 'France|' && s.metric === 'confirmed')!;
    expect([isoFromDay(france.start), Array.from(france.values)]).toEqual(['2020-08-29', [304947, 315813, 318986]]);
    expect(parsed.issues).toEqual([
      expect.objectContaining({ code: 'repaired', severity: 'warning', file: 'swapped-dates.csv', column: 'Date', count: 6, message: expect.stringContaining('YYYY-DD-MM (line 2: "2020-29-08" = 2020-08-29)') }),
    ]);
  });

  it('repairs YYYY-DD-MM dates whose days are all 12 or less from the day sequence, and leaves a correct file alone', () => {
    const swapped = parseDatahub([fixture('swapped-dates-early.csv')]);
    const correct = parseDatahub([fixture('iso-early-days.csv')]);
    expect(correct.issues).toEqual([]);
    expect(swapped.issues).toEqual([expect.objectContaining({ code: 'repaired', message: expect.stringContaining('"2020-01-03" = 2020-03-01') })]);
    const view = (p: ParsedSource) => p.series.map((s) => [s.metric, isoFromDay(s.start), Array.from(s.values)]);
    expect(view(swapped)).toEqual(view(correct));
    expect(isoFromDay(correct.series[0].start)).toBe('2020-03-01');
  });

  it('reads world totals as not a place', () => {
    expect(parseDatahub([fixture('worldwide.csv', 'worldwide-aggregate')])).toEqual({
      series: [],
      populations: [],
      flags: [],
      issues: [{ code: 'not_a_place', severity: 'info', file: 'worldwide.csv', count: 3, message: 'world totals (3 rows, 2020-01-22 to 2020-01-24): the world is not a place in Glacier; not stored' }],
    });
  });
});
