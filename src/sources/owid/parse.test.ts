import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath } from '../../../test/shared-data.js';
import { dayNumber } from '../../domain/dates.js';
import type { ParsedSource, SourceSeries } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { findSeries, readPoints } from '../../store/read-series.js';
import { owid } from './index.js';
import { parseOwid } from './parse.js';

const DATA = 'owid/owid-covid-data_asof_2020-05-24.csv.gz';
const LATEST = 'owid/owid-covid-latest_asof_2022-04-01.csv';
const dataText = gunzipSync(readFileSync(dataPath(DATA))).toString('utf8');
const latestText = readFileSync(dataPath(LATEST), 'utf8');
const fixture = (name: string) => ({ fileId: name.startsWith('latest') ? 'latest' : 'data', name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });

/** The raw files read independently of the parser (neither has a quoted field). */
function rawTable(text: string): Record<string, string>[] {
  expect(text.includes('"')).toBe(false);
  const [head, ...lines] = text.trim().split('\n');
  const header = head.split(',');
  return lines.map((l) => {
    const f = l.split(',');
    expect(f).toHaveLength(header.length);
    return Object.fromEntries(f.map((v, i) => [header[i], v]));
  });
}
const dataRows = rawTable(dataText);
const latestRows = rawTable(latestText);

const COLUMN_OF: Record<string, string> = {
  confirmed: 'total_cases', new_confirmed: 'new_cases', deaths: 'total_deaths', new_deaths: 'new_deaths', tests: 'total_tests',
  vaccine_doses: 'total_vaccinations', people_vaccinated: 'people_vaccinated', people_fully_vaccinated: 'people_fully_vaccinated',
  hospitalized_current: 'hosp_patients', icu_current: 'icu_patients',
};
const isAggregate = (r: Record<string, string>) => (r.iso_code.startsWith('OWID_') && r.iso_code !== 'OWID_KOS') || r.iso_code === '';
const idOf = (s: SourceSeries) => (s.place.kind === 'code' ? s.place.code : s.place.kind === 'names' ? `name:${s.place.country}` : '?');
const cellValue = (v: string) => (v === '' ? Number.NaN : Number(v));

function checkEveryCell(parsed: ParsedSource, rows: Record<string, string>[], dateColumn: string, metrics: string[]): number {
  const byKey = new Map(parsed.series.map((s) => [`${idOf(s)}|${s.metric}`, s]));
  let checked = 0;
  const wrong: string[] = [];
  for (const r of rows.filter((x) => !isAggregate(x))) {
    for (const metric of metrics) {
      const s = byKey.get(`${r.iso_code}|${metric}`)!;
      const v = s.values[dayNumber(r[dateColumn]) - s.start];
      if (!Object.is(v, cellValue(r[COLUMN_OF[metric]]))) wrong.push(`${r.iso_code} ${r[dateColumn]} ${metric}: ${v}`);
      checked++;
    }
  }
  expect(wrong.slice(0, 5)).toEqual([]);
  return checked;
}

describe('parseOwid on the real 2020-05-24 long file', () => {
  const parsed = parseOwid([{ fileId: 'data', name: DATA, text: dataText }]);
  const places = new Set(dataRows.filter((r) => !isAggregate(r)).map((r) => r.iso_code));
  const metrics = ['confirmed', 'new_confirmed', 'deaths', 'new_deaths', 'tests'];

  it('gives one series per place and metric present in the file; aggregates in one notice', () => {
    expect(parsed.series).toHaveLength(places.size * metrics.length);
    expect(new Set(parsed.series.map((s) => s.metric))).toEqual(new Set(metrics));
    const notice = parsed.issues.filter((i) => i.code === 'not_a_place');
    expect(notice).toHaveLength(1);
    expect(notice[0].count).toBe(dataRows.filter(isAggregate).length);
    expect(notice[0].message).toMatch(/OWID_WRL \(World\) 146, International \(no iso_code\) 64/);
    expect(parsed.issues).toHaveLength(1);
  });

  it('stores every cell as published, days without a row as NaN', () => {
    expect(checkEveryCell(parsed, dataRows, 'date', metrics)).toBe(dataRows.filter((r) => !isAggregate(r)).length * metrics.length);
    const usa = parsed.series.find((s) => idOf(s) === 'USA' && s.metric === 'confirmed')!;
    const rowsOfUsa = dataRows.filter((r) => r.iso_code === 'USA');
    expect(usa.values.filter((v) => !Number.isNaN(v))).toHaveLength(rowsOfUsa.filter((r) => r.total_cases !== '').length);
    expect(usa.values.length).toBeGreaterThanOrEqual(rowsOfUsa.length);
  });

  it('keeps Namibia (NAM) and Kosovo (XKX) as places, with OWID’s population', () => {
    expect(parsed.series.some((s) => idOf(s) === 'NAM')).toBe(true);
    expect(parsed.series.some((s) => idOf(s) === 'XKX')).toBe(true);
    const nam = dataRows.find((r) => r.iso_code === 'NAM')!;
    expect(parsed.populations.find((p) => p.place.kind === 'code' && p.place.code === 'NAM')?.population).toBe(Number(nam.population));
    expect(parsed.populations).toHaveLength(places.size);
  });

  it('notes the tests unit of each country where its tests start', () => {
    const firstTest = (iso: string) => dataRows.filter((r) => r.iso_code === iso && r.total_tests !== '' && r.tests_units !== '').sort((a, b) => (a.date < b.date ? -1 : 1))[0];
    const withTests = new Set(dataRows.filter((r) => !isAggregate(r) && r.total_tests !== '' && r.tests_units !== '').map((r) => r.iso_code));
    expect(parsed.notes).toHaveLength(withTests.size); // units never change within a country in this copy
    const usa = parsed.notes!.find((n) => n.place.kind === 'code' && n.place.code === 'USA')!;
    expect(usa).toMatchObject({ metric: 'tests', date: firstTest('USA').date, note: 'OWID tests_units: inconsistent units (COVID Tracking Project)' });
  });
});

describe('parseOwid on the real 2022-04-01 latest file', () => {
  const parsed = parseOwid([{ fileId: 'latest', name: LATEST, text: latestText }]);
  const metrics = Object.keys(COLUMN_OF);

  it('stores each row’s values on its last_updated_date; aggregates but not Kosovo skipped', () => {
    const places = latestRows.filter((r) => !isAggregate(r));
    expect(places).toHaveLength(latestRows.length - 13);
    expect(parsed.series).toHaveLength(places.length * metrics.length);
    for (const s of parsed.series) expect(s.values).toHaveLength(1);
    expect(checkEveryCell(parsed, latestRows, 'last_updated_date', metrics)).toBe(places.length * metrics.length);
    const pri = parsed.series.find((s) => idOf(s) === 'PRI' && s.metric === 'tests')!;
    expect(pri.start).toBe(dayNumber(latestRows.find((r) => r.iso_code === 'PRI')!.last_updated_date));
    expect(parsed.series.some((s) => idOf(s) === 'OWID_KOS')).toBe(true);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'not_a_place', count: 13 })]);
  });
});

describe('parseOwid on small and broken files', () => {
  const good = parseOwid([fixture('data-good.csv')]);
  const series = (p: ParsedSource, id: string, metric: string) => p.series.find((s) => idOf(s) === id && s.metric === metric)!;

  it('pivots shuffled rows with gaps', () => {
    expect(good.series).toHaveLength(4 * 5);
    const ita = series(good, 'ITA', 'confirmed');
    expect(ita.start).toBe(dayNumber('2020-05-18'));
    expect(Array.from(ita.values)).toEqual([225435, 225886, Number.NaN, Number.NaN, Number.NaN, 228658]);
    expect(ita.line).toBe(8);
    expect(Array.from(series(good, 'NAM', 'new_confirmed').values)).toEqual([1, 1]);
    expect(good.issues).toEqual([expect.objectContaining({ code: 'not_a_place', count: 3, message: '3 rows of 2 OWID aggregates not stored: OWID_WRL (World) 2, International (no iso_code) 1' })]);
  });

  it('reads a latest file: one value per place', () => {
    const latest = parseOwid([fixture('latest-good.csv')]);
    expect(latest.series).toHaveLength(4 * 10);
    expect(Array.from(series(latest, 'OWID_KOS', 'people_fully_vaccinated').values)).toEqual([820551]);
    expect(series(latest, 'PRI', 'confirmed')).toMatchObject({ start: dayNumber('2022-03-29') });
    expect(series(latest, 'PRI', 'confirmed').values[0]).toBeNaN();
    expect(latest.notes!.map((n) => [n.place.kind === 'code' && n.place.code, n.date, n.note])).toEqual([
      ['OWID_KOS', '2022-04-01', 'OWID tests_units: tests performed'],
      ['NAM', '2022-04-01', 'OWID tests_units: tests performed'],
      ['PRI', '2022-03-29', 'OWID tests_units: tests performed'],
    ]);
  });

  it('reads a file with a BOM like the file without one', () => {
    const bom = parseOwid([fixture('data-bom.csv')]);
    expect(bom.series.map((s) => [idOf(s), s.metric, s.start, Array.from(s.values)])).toEqual(good.series.map((s) => [idOf(s), s.metric, s.start, Array.from(s.values)]));
  });

  it.each([
    ['data-changed-header.csv', /data-changed-header\.csv, line 1: unexpected header: missing column "total_cases"/],
    ['latest-missing-column.csv', /latest-missing-column\.csv, line 1: unexpected header: missing column "hosp_patients"/],
    ['data-non-numeric.csv', /data-non-numeric\.csv, line 4, column "total_deaths": not a number: "n\/a"/],
    ['data-bad-date.csv', /data-bad-date\.csv, line 8, column "date": not a date \(expected YYYY-MM-DD\): "21\/05\/2020"/],
    ['data-truncated.csv', /data-truncated\.csv, line 9: expected 32 fields, found \d+/],
    ['data-duplicate-conflict.csv', /data-duplicate-conflict\.csv, line 12: duplicate row for ITA on 2020-05-19 \(first at line 10\) with different values/],
  ])('refuses %s with the file, line and column', (name, message) => {
    expect(() => parseOwid([fixture(name)])).toThrow(SourceFormatError);
    expect(() => parseOwid([fixture(name)])).toThrow(message);
  });

  it('ignores an identical duplicate row, with a warning and a flag on each metric', () => {
    const dup = parseOwid([fixture('data-duplicate-identical.csv')]);
    expect(dup.series.map((s) => Array.from(s.values))).toEqual(good.series.map((s) => Array.from(s.values)));
    expect(dup.issues.filter((i) => i.code === 'duplicate_row')).toEqual([expect.objectContaining({ severity: 'warning', line: 12 })]);
    expect(dup.flags).toHaveLength(5);
    expect(dup.flags![0]).toMatchObject({ date: '2020-05-19', code: 'duplicate_row' });
    for (const f of dup.flags!) expect(f.detail).toEqual({ line: 12, first_line: 10 });
  });
});

describe('owid ingested from the real mirror', async () => {
  const { t, runs } = await ingestConnectors([owid]);
  afterAll(() => t.drop());
  const run = runs.find((r) => r.sourceId === 'owid')!;
  const stored = async (key: string, metric: string, iso: string) => {
    const [ref] = await findSeries(t.db, [key], [metric], 'owid');
    expect(ref, `${key} ${metric}`).toBeDefined();
    const p = (await readPoints(t.db, [ref], null)).get(ref.seriesId)!;
    const i = p.days.indexOf(dayNumber(iso));
    return { value: p.values[i], issue: p.issues[i], derived: ref.derived };
  };
  const raw = (rows: Record<string, string>[], iso: string, column: string, date?: string) => Number(rows.find((r) => r.iso_code === iso && (!date || r.date === date))![column]);

  it('succeeds with every place matched, both vintages read oldest first', () => {
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.issues.filter((i) => i.code === 'unmatched_location')).toEqual([]);
    expect(run.unmatched).toBe(0);
    expect(run.files.map((f) => [f.fileId, f.issue])).toEqual([['data', '2020-05-24'], ['latest', '2022-04-01']]);
    expect(run.issues.filter((i) => i.code === 'not_a_place')).toHaveLength(2);
  });

  it('stores the published values on ISO keys (NAM is Namibia, OWID_KOS and XKX are Kosovo)', async () => {
    expect(await stored('US', 'confirmed', '2020-05-21')).toEqual({ value: raw(dataRows, 'USA', 'total_cases', '2020-05-21'), issue: dayNumber('2020-05-24'), derived: false });
    expect((await stored('NA', 'deaths', '2022-04-01')).value).toBe(raw(latestRows, 'NAM', 'total_deaths'));
    expect((await stored('XK', 'people_vaccinated', '2022-04-01')).value).toBe(raw(latestRows, 'OWID_KOS', 'people_vaccinated'));
    expect((await stored('XK', 'confirmed', '2020-05-24')).value).toBe(raw(dataRows, 'XKX', 'total_cases', '2020-05-24'));
    expect(await stored('FR', 'hospitalized_current', '2022-04-01')).toMatchObject({ value: raw(latestRows, 'FRA', 'hosp_patients'), issue: dayNumber('2022-04-01') });
    expect((await stored('US_PR', 'tests', '2022-03-29')).value).toBe(raw(latestRows, 'PRI', 'total_tests'));
    expect((await findSeries(t.db, ['US', 'CN'], ['confirmed'], 'owid')).every((s) => !s.derived)).toBe(true);
  });
});
