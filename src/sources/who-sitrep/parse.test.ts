import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/databases.js';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath } from '../../../test/shared-data.js';
import { dayFromUsShortDate, dayNumber, isoFromDay } from '../../domain/dates.js';
import type { ParsedSource, SourceSeries } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import type { RunSummary } from '../../ingest/run-summary.js';
import { findSeries, readPoints } from '../../store/read-series.js';
import { whoSitrep } from './index.js';
import { manifest } from './manifest.js';
import { parseWhoSitrep } from './parse.js';

const FILE_ID = 'sit-rep-time-series';
const fixture = (name: string) => ({ fileId: FILE_ID, name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const REAL = 'who/who_covid_19_sit_rep_time_series.csv';

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
const cell = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const names = (s: SourceSeries) => (s.place.kind === 'names' ? [s.place.country, s.place.province ?? ''] : []);

describe('parseWhoSitrep on the real file', () => {
  const text = readFileSync(dataPath(REAL), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const header = splitLine(lines[0]);
  const raw = lines.slice(1).map((l, i) => ({ line: i + 2, f: splitLine(l) }));
  const parsed = parseWhoSitrep([{ fileId: FILE_ID, name: REAL, text }]);

  it('has 269 rows and 209 date columns, 2020-01-21..2020-08-16, values ending 2020-06-19', () => {
    expect(raw).toHaveLength(269);
    expect(header.slice(0, 4)).toEqual(['Province/States', 'Country/Region', 'WHO region', 'WHO region label']);
    expect(header.length - 4).toBe(209);
    for (const s of parsed.series) {
      expect(isoFromDay(s.start)).toBe('2020-01-21');
      expect(s.values).toHaveLength(209);
      expect(Array.from(s.values.subarray(dayNumber('2020-06-20') - s.start)).every(Number.isNaN)).toBe(true);
    }
    // frozenOn is the day after the last date column.
    expect(manifest.frozenOn).toBe(isoFromDay(dayFromUsShortDate(header[header.length - 1]) + 1));
  });

  it('stores every country and Chinese province row as confirmed and China\'s deaths; keeps each cell as written', () => {
    const aggregates = raw.filter((r) => ['Globally', 'Outside of China', 'Other', ''].includes(r.f[1]));
    expect(aggregates).toHaveLength(17);
    const summaryChina = raw.filter((r) => r.f[0] === 'Confirmed' && r.f[1] === 'China');
    expect(summaryChina).toHaveLength(1);
    expect(parsed.series).toHaveLength(269 - 17 - 1);
    expect(parsed.series.filter((s) => s.metric === 'deaths').map(names)).toEqual([['China', '']]);
    for (const s of parsed.series) {
      const r = raw.find((x) => x.line === s.line)!;
      expect(Array.from(s.values)).toEqual(r.f.slice(4).map(cell));
      if (s.metric === 'confirmed') expect(names(s)).toEqual([r.f[1], r.f[0].trim()]);
    }
  });

  it('names Taiwan, Hong Kong and Macau as the file does (province of China), trimmed', () => {
    const provinces = parsed.series.filter((s) => s.place.kind === 'names' && s.place.country === 'China' && s.place.province).map((s) => names(s)[1]);
    expect(provinces).toEqual(expect.arrayContaining(['Hubei', 'Taiwan', 'Hong Kong', 'Macau', 'Unspecified*']));
    expect(provinces).toHaveLength(35);
  });

  it('stores China\'s country row, not the summary copy, with a note on each date they disagree', () => {
    const country = raw.find((r) => r.f[0] === '' && r.f[1] === 'China')!;
    const summary = raw.find((r) => r.f[0] === 'Confirmed' && r.f[1] === 'China')!;
    const cn = parsed.series.filter((s) => s.metric === 'confirmed' && s.place.kind === 'names' && s.place.country === 'China' && !s.place.province);
    expect(cn.map((s) => s.line)).toEqual([country.line]);
    const differ = header.slice(4).map((h, i) => [h, country.f[4 + i], summary.f[4 + i]]).filter(([, a, b]) => a !== b);
    expect(differ.map(([h]) => isoFromDay(dayFromUsShortDate(h)))).toEqual(['2020-06-02', '2020-06-13']);
    expect(parsed.notes!.map((n) => [n.date, n.line])).toEqual(differ.map(([h]) => [isoFromDay(dayFromUsShortDate(h)), country.line]));
    for (const [i, n] of parsed.notes!.entries()) expect(n.note).toContain(`gives ${differ[i][2]} for this date`);
    expect(parsed.issues.find((i) => i.code === 'duplicate_row')).toMatchObject({ severity: 'warning', line: summary.line, message: expect.stringContaining('2020-06-02, 2020-06-13') });
  });

  it('reports the totals once, and the line with a stray LF line ending as repaired', () => {
    const np = parsed.issues.filter((i) => i.code === 'not_a_place');
    expect(np).toHaveLength(1);
    expect(np[0].count).toBe(17);
    for (const label of ['Globally / Confirmed', 'Outside of China / Confirmed', 'Other / Case on an international conveyance', 'African Region / Deaths']) expect(np[0].message).toContain(label);
    const lfOnly = text.split('\n').slice(0, -1).flatMap((l, i) => (l.endsWith('\r') ? [] : [i + 1]));
    expect(lfOnly).toEqual([257]);
    expect(parsed.issues.filter((i) => i.code === 'repaired')).toEqual([expect.objectContaining({ severity: 'warning', line: 257, count: 1 })]);
    expect(parsed.issues.map((i) => i.code).sort()).toEqual(['duplicate_row', 'not_a_place', 'repaired']);
  });
});

describe('parseWhoSitrep on small and broken files', () => {
  const good = parseWhoSitrep([fixture('good.csv')]);
  const valuesOf = (p: ParsedSource) => p.series.map((s) => [s.place, s.metric, s.start, Array.from(s.values)]);

  it('reads the layout: confirmed per country and province, China\'s deaths, totals skipped', () => {
    expect(good.series.map((s) => [...names(s), s.metric])).toEqual([
      ['China', '', 'deaths'],
      ['China', 'Hubei', 'confirmed'],
      ['China', 'Taiwan', 'confirmed'],
      ['China', 'Unspecified*', 'confirmed'],
      ['China', '', 'confirmed'],
      ['Japan', '', 'confirmed'],
      ['Kosovo', '', 'confirmed'],
      ['Bonaire, Sint Eustatius and Saba', '', 'confirmed'],
      ['Atlantis', '', 'confirmed'],
    ]);
    expect(good.series[0].start).toBe(dayNumber('2020-03-01'));
    expect(Array.from(good.series[4].values)).toEqual([79968, 80174, 80304, 80432]);
    expect(Array.from(good.series[3].values).every(Number.isNaN)).toBe(true);
    expect(good.notes).toEqual([expect.objectContaining({ date: '2020-03-04', line: 10, note: expect.stringContaining('gives 80422 for this date') })]);
    expect(good.issues.find((i) => i.code === 'not_a_place')?.count).toBe(7);
  });

  it('parses a file with a byte-order mark like one without', () => {
    expect(valuesOf(parseWhoSitrep([fixture('bom.csv')]))).toEqual(valuesOf(good));
  });

  it('reads mixed line endings like the real file, with a repaired warning', () => {
    const p = parseWhoSitrep([fixture('mixed-line-endings.csv')]);
    expect(valuesOf(p)).toEqual(valuesOf(good));
    expect(p.issues.filter((i) => i.code === 'repaired')).toEqual([expect.objectContaining({ line: 15, message: expect.stringContaining('line(s) 15 in LF only') })]);
  });

  const cases: [string, RegExp][] = [
    ['changed-header.csv', /changed-header\.csv, line 1: unexpected header: found "Province\/State" where "Province\/States" was expected/],
    ['missing-column.csv', /missing-column\.csv, line 1: unexpected header: found nothing where "WHO region label" was expected/],
    ['non-numeric-cell.csv', /non-numeric-cell\.csv, line 11, column "3\/3\/20": not a number: "268a"/],
    ['truncated.csv', /truncated\.csv, line 18: expected 8 fields, found 3/],
    ['duplicate-row-conflicting.csv', /duplicate-row-conflicting\.csv, line 12: duplicate row for \|Japan\|Western Pacific Region \(first at line 11\) with different values/],
    ['date-gap.csv', /date-gap\.csv, line 1, column "3\/5\/20": date columns are not consecutive days/],
  ];
  it.each(cases)('%s fails with a message naming file, line and column', (name, message) => {
    expect(() => parseWhoSitrep([fixture(name)])).toThrow(SourceFormatError);
    expect(() => parseWhoSitrep([fixture(name)])).toThrow(message);
  });

  it('ignores an identical duplicate row with a warning naming both lines', () => {
    const p = parseWhoSitrep([fixture('duplicate-row-identical.csv')]);
    expect(valuesOf(p)).toEqual(valuesOf(good));
    expect(p.issues.filter((i) => i.code === 'duplicate_row' && i.line === 12)).toEqual([expect.objectContaining({ message: expect.stringContaining('line 11') })]);
  });
});

describe('who-sitrep ingested from the real mirror', () => {
  let t: TestDb;
  let runs: RunSummary[];
  const text = readFileSync(dataPath(REAL), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const header = splitLine(lines[0]);
  const rawValue = (province: string, country: string, date: string) => {
    const f = lines.map(splitLine).find((x) => x[0] === province && x[1] === country)!;
    return cell(f[header.findIndex((h) => dayFromUsShortDate(h) === dayNumber(date))]);
  };

  beforeAll(async () => {
    ({ t, runs } = await ingestConnectors([whoSitrep]));
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  const valueOf = async (key: string, metric: string, date: string) => {
    const [ref] = await findSeries(t.db, [key], [metric], 'who-sitrep');
    expect(ref, `${key} ${metric}`).toBeDefined();
    const p = (await readPoints(t.db, [ref], null)).get(ref.seriesId)!;
    return p.values[p.days.indexOf(dayNumber(date))];
  };

  it('succeeds, every place matched, dated to the freeze', () => {
    const run = runs.find((r) => r.sourceId === 'who-sitrep')!;
    expect(run.error).toBeNull();
    expect(run.status).toBe('succeeded');
    expect(run.unmatched).toBe(0);
    expect(run.vintages.map((v) => v.issue)).toEqual(['2020-08-17']);
  });

  it('stores the file\'s values for countries, Chinese provinces, Taiwan and China\'s deaths', async () => {
    expect(await valueOf('CN', 'confirmed', '2020-06-19')).toBe(rawValue('', 'China', '2020-06-19'));
    expect(await valueOf('CN', 'confirmed', '2020-06-02')).toBe(rawValue('', 'China', '2020-06-02'));
    expect(await valueOf('CN', 'deaths', '2020-06-19')).toBe(rawValue('Deaths', 'China', '2020-06-19'));
    expect(await valueOf('CN_HB', 'confirmed', '2020-03-15')).toBe(rawValue('Hubei ', 'China', '2020-03-15'));
    expect(await valueOf('TW', 'confirmed', '2020-03-15')).toBe(rawValue('Taiwan', 'China', '2020-03-15'));
    expect(await valueOf('NA', 'confirmed', '2020-06-19')).toBe(rawValue('', 'Namibia', '2020-06-19'));
    expect(await valueOf('XK', 'confirmed', '2020-06-19')).toBe(rawValue('', 'Kosovo', '2020-06-19'));
    expect(await valueOf('US', 'confirmed', '2020-06-19')).toBe(rawValue('', 'United States of America', '2020-06-19'));
  });
});
