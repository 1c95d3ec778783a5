import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath, SHARED_DATA } from '../../../test/shared-data.js';
import { dayNumber, isoFromDay } from '../../domain/dates.js';
import type { PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { listMirrorCandidates } from '../../ingest/fetch/mirror.js';
import type { RunSummary } from '../../ingest/run-summary.js';
import { readPoints } from '../../store/read-series.js';
import type { TestDb } from '../../../test/databases.js';
import { nyt } from './index.js';
import { manifest } from './manifest.js';
import { LAYOUTS, NYT_EXCEPTIONS, parseNyt } from './parse.js';

// ---------------------------------------------------------------------------------------------
// Reading the real files independently of the parser

const read = (rel: string): string => {
  const raw = readFileSync(dataPath('nyt', rel));
  return (rel.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
};
const real = (fileId: string, rel: string): SourceInputFile => ({ fileId, name: rel, text: read(rel) });
const parsedCache = new Map<string, ReturnType<typeof parseNyt>>();
/** A real file parsed once per test run. */
const parsedReal = (fileId: string, rel: string) => {
  let p = parsedCache.get(rel);
  if (!p) parsedCache.set(rel, (p = parseNyt([real(fileId, rel)])));
  return p;
};
const fixture = (name: string, fileId = 'us-states'): SourceInputFile => ({ fileId, name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });

type RawRow = Record<string, string> & { line: string };

/** Rows by a plain split on commas and newlines: NYT files have no quoted fields (checked). */
function rawRows(text: string): RawRow[] {
  if (text.includes('"')) throw new Error('quoted fields: a plain split would not do');
  const lines = text.split(/\r?\n/);
  const header = lines[0].split(',');
  const out: RawRow[] = [];
  lines.forEach((l, i) => {
    if (i === 0 || l === '') return;
    const cells = l.split(',');
    out.push({ ...Object.fromEntries(header.map((h, j) => [h, cells[j]])), line: String(i + 1) } as RawRow);
  });
  return out;
}

const placeId = (p: PlaceRef): string => (p.kind === 'code' ? `${p.system}:${p.code}` : p.kind === 'names' ? `names:${p.province}|${p.admin2}` : `uid:${p.uid}`);

/** The place a raw row should get, from the rules in the manifest notes. */
function expectedPlace(r: RawRow, level: string): string {
  if (level === 'national') return 'iso2:US';
  if (level === 'state') return `fips:${r.geoid !== undefined ? r.geoid.slice(4) : r.fips}`;
  const exception = NYT_EXCEPTIONS.find((e) => e.state === r.state && e.county === r.county);
  if (exception) return `key:${exception.key}`;
  if (r.county === 'Unknown') return `names:${r.state}|Unassigned`;
  return r.fips ? `fips:${r.fips}` : `names:${r.state}|${r.county}`;
}

/** Every (fileId, path) of the mirror the manifest reads. */
const REAL_FILES: [string, string][] = [
  ['us-counties', 'asof_2020-04-20/us-counties.csv.gz'],
  ['us-states', 'asof_2020-04-20/us-states.csv'],
  ['us', 'asof_2021-04-19/us.csv'],
  ['us-states', 'asof_2021-04-19/us-states.csv'],
  ['us-counties-recent', 'asof_2021-04-19/us-counties-recent.csv.gz'],
  ['live-us-states', 'asof_2021-04-19/live/us-states.csv'],
  ['live-us-counties', 'asof_2021-04-19/live/us-counties.csv'],
  ['rolling-us', 'asof_2021-04-19/rolling-averages/us.csv'],
  ['rolling-us-states', 'asof_2021-04-19/rolling-averages/us-states.csv.gz'],
  ['us-states', 'final_2023-03-23/us-states.csv.gz'],
];
const FINAL = 'final_2023-03-23/us-states.csv.gz';
const MANGLED = 'excel-mangled_final/us-states_final_2023-03-23_excel-mangled.csv.gz';

/** State-days and cells (cases, deaths) of the 2021-04-19 vintage that the final file changes. */
function revisionFacts(): { rowsCompared: number; rowsDiffer: number; cellsDiffer: number } {
  const vintage = new Map(rawRows(read('asof_2021-04-19/us-states.csv')).map((r) => [`${r.fips}|${r.date}`, r]));
  let rowsCompared = 0;
  let rowsDiffer = 0;
  let cellsDiffer = 0;
  for (const r of rawRows(read(FINAL))) {
    if (r.date > '2021-04-19') continue;
    const v = vintage.get(`${r.fips}|${r.date}`);
    if (!v) throw new Error(`final row ${r.state} ${r.date} is not in the vintage`);
    rowsCompared++;
    const n = Number(r.cases !== v.cases) + Number(r.deaths !== v.deaths);
    if (n > 0) rowsDiffer++;
    cellsDiffer += n;
  }
  if (rowsCompared !== vintage.size) throw new Error('the vintage has rows the final file lacks');
  return { rowsCompared, rowsDiffer, cellsDiffer };
}

// ---------------------------------------------------------------------------------------------

describe('parseNyt on every real NYT file', () => {
  it.each(REAL_FILES)('%s %s: every row, every cell, pivoted per place', (fileId, rel) => {
    const file = real(fileId, rel);
    const parsed = parsedReal(fileId, rel);
    const layout = LAYOUTS[fileId];
    const metrics = Object.entries(layout.metrics);
    const rows = rawRows(file.text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.flags).toEqual([]);

    const series = new Map(parsed.series.map((s) => [`${placeId(s.place)}|${s.metric}`, s]));
    const places = new Set(rows.map((r) => expectedPlace(r, layout.level)));
    expect(parsed.series).toHaveLength(places.size * metrics.length);

    const mismatches: string[] = [];
    let blanks = 0;
    const first = new Map<string, number>();
    for (const r of rows) {
      const p = expectedPlace(r, layout.level);
      first.set(p, Math.min(first.get(p) ?? Number.POSITIVE_INFINITY, dayNumber(r.date)));
      for (const [column, { metric }] of metrics) {
        const s = series.get(`${p}|${metric}`);
        const got = s ? s.values[dayNumber(r.date) - s.start] : undefined;
        const want = r[column] === '' ? Number.NaN : Number(r[column]);
        if (r[column] === '') blanks++;
        if (!Object.is(got, want)) mismatches.push(`line ${r.line} ${column}: ${got} ≠ ${r[column]}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // Nothing else: the cells with a value are exactly the file's non-blank cells, each series starts on its place's first row.
    expect(parsed.series.reduce((n, s) => n + s.values.filter((v) => !Number.isNaN(v)).length, 0)).toBe(rows.length * metrics.length - blanks);
    for (const s of parsed.series) expect(s.start).toBe(first.get(placeId(s.place)));
  });

  it('maps NYT\'s geographic exceptions explicitly and reports none of New York City\'s five counties', () => {
    for (const rel of ['asof_2020-04-20/us-counties.csv.gz', 'asof_2021-04-19/us-counties-recent.csv.gz']) {
      const parsed = parsedReal(rel.includes('recent') ? 'us-counties-recent' : 'us-counties', rel);
      const ids = new Set(parsed.series.map((s) => placeId(s.place)));
      expect(ids).toContain('key:US_NY_NYC');
      expect(ids).toContain('key:US_MO_KANSAS-CITY');
      for (const borough of ['36005', '36047', '36061', '36081', '36085']) expect(ids).not.toContain(`fips:${borough}`);
      expect([...ids].filter((id) => id.startsWith('names:') && !id.endsWith('|Unassigned'))).toEqual([]);
    }
    const early = new Set(parsedReal('us-counties', 'asof_2020-04-20/us-counties.csv.gz').series.map((s) => placeId(s.place)));
    const recent = new Set(parsedReal('us-counties-recent', 'asof_2021-04-19/us-counties-recent.csv.gz').series.map((s) => placeId(s.place)));
    expect(early).not.toContain('key:US_MO_JOPLIN'); // reported apart from 2020-06-25
    expect(recent).toContain('key:US_MO_JOPLIN');
    for (const key of ['US_AK_02164', 'US_AK_02282', 'US_VI_78010', 'US_VI_78020', 'US_VI_78030', 'US_MP_69110', 'US_MP_69120']) expect(recent).toContain(`key:${key}`);
    expect(recent).toContain('names:Guam|Unassigned');
  });

  it('reads the live files as the values of their own date, with the confirmed/probable split', () => {
    const parsed = parsedReal('live-us-states', 'asof_2021-04-19/live/us-states.csv');
    expect(new Set(parsed.series.map((s) => isoFromDay(s.start)))).toEqual(new Set(['2021-04-20']));
    expect(new Set(parsed.series.map((s) => s.metric))).toEqual(new Set(['confirmed', 'deaths', 'confirmed_lab', 'deaths_lab', 'probable', 'probable_deaths']));
    const row = rawRows(read('asof_2021-04-19/live/us-states.csv')).find((r) => r.state === 'Alabama')!;
    const al = (metric: string) => parsed.series.find((s) => placeId(s.place) === 'fips:01' && s.metric === metric)!.values[0];
    expect([al('confirmed'), al('confirmed_lab'), al('probable'), al('deaths_lab'), al('probable_deaths')]).toEqual(
      [row.cases, row.confirmed_cases, row.probable_cases, row.confirmed_deaths, row.probable_deaths].map(Number),
    );
  });

  it('rolling averages: NYT\'s daily counts are the day-over-day differences of the same vintage\'s cumulative counts', () => {
    const cumulative = new Map(rawRows(read('asof_2021-04-19/us-states.csv')).map((r) => [`${r.fips}|${r.date}`, Number(r.cases)]));
    const parsed = parsedReal('rolling-us-states', 'asof_2021-04-19/rolling-averages/us-states.csv.gz');
    let compared = 0;
    const off: string[] = [];
    for (const s of parsed.series.filter((x) => x.metric === 'new_confirmed')) {
      const fips = (s.place as { code: string }).code;
      s.values.forEach((v, i) => {
        const day = s.start + i;
        const diff = cumulative.get(`${fips}|${isoFromDay(day)}`)! - (cumulative.get(`${fips}|${isoFromDay(day - 1)}`) ?? 0);
        compared++;
        if (v !== diff) off.push(`${fips} ${isoFromDay(day)}: ${v} vs ${diff}`);
      });
    }
    expect(off).toEqual([]);
    expect(compared).toBe(cumulative.size);
    expect(parsed.series.some((s) => s.metric === 'new_confirmed' && s.values.some((v) => v < 0))).toBe(true); // kept as published
  });

  it('the Excel re-save of the final file: detected, repaired with warnings, identical to the intact file', () => {
    const mangled = real('us-states', MANGLED);
    expect(mangled.text).toContain('\r\n');
    const rows = rawRows(mangled.text);
    expect(rows[0].date).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
    const shortFips = rows.filter((r) => r.fips.length === 1).length;
    expect(shortFips).toBeGreaterThan(0);

    const repaired = parseNyt([mangled]);
    const intact = parsedReal('us-states', FINAL);
    expect(intact.issues).toEqual([]);
    expect(repaired.issues).toEqual([
      expect.objectContaining({ code: 'repaired', severity: 'warning', file: MANGLED, column: 'date', count: rows.length, line: 2 }),
      expect.objectContaining({ code: 'repaired', severity: 'warning', file: MANGLED, column: 'fips', count: shortFips }),
    ]);
    expect(repaired.series.length).toBe(intact.series.length);
    expect(repaired.series).toEqual(intact.series);
  });

  it('reproduces the revision fact of MANIFEST.md: 777 of 22,729 state-days differ between 2021-04-19 and final', () => {
    const facts = revisionFacts();
    expect(facts.rowsCompared).toBe(22729);
    expect(facts.rowsDiffer).toBe(777);
    expect(facts.cellsDiffer).toBeGreaterThanOrEqual(facts.rowsDiffer);
  });

  it('handles every NYT file of the mirror: read through a manifest pattern or named as not ingested in the notes', async () => {
    const walk = (dir: string): string[] => readdirSync(dataPath(dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
    const read = new Map<string, string[]>();
    for (const spec of manifest.files) for (const c of await listMirrorCandidates(SHARED_DATA, spec)) read.set(c.relative, [...(read.get(c.relative) ?? []), spec.id]);
    const unhandled = walk('nyt').filter((rel) => !read.has(rel) && !manifest.notes.some((n) => n.startsWith('Not ingested') && n.includes(rel.replace(/^nyt\/[^/]+\//, ''))));
    expect(unhandled).toEqual([]);
    expect([...read.values()].filter((ids) => ids.length > 1)).toEqual([]); // no file read twice
    expect(read.size).toBe(REAL_FILES.length + 1); // + the Excel copy
    for (const skipped of ['colleges/colleges.csv', 'excess-deaths/deaths.csv', 'mask-use/mask-use-by-county.csv', 'prisons/facilities.csv']) {
      expect(manifest.notes.some((n) => n.startsWith('Not ingested') && n.includes(skipped))).toBe(true);
    }
  });
});

describe('parseNyt on small and broken files', () => {
  const good = parseNyt([fixture('good-states.csv')]);

  it('parses a file with a byte-order mark like one without', () => {
    expect(parseNyt([fixture('bom.csv')])).toEqual(good);
  });

  it('reads the fixture as written', () => {
    const wa = good.series.find((s) => placeId(s.place) === 'fips:53' && s.metric === 'deaths')!;
    expect(wa).toMatchObject({ start: dayNumber('2020-03-01'), line: 4, place: { label: 'Washington' } });
    expect(Array.from(wa.values)).toEqual([3, 6, 10]);
  });

  const cases: [string, RegExp][] = [
    ['changed-header.csv', /changed-header\.csv, line 1, column "confirmed": unexpected header: found "confirmed" where "cases" was expected/],
    ['missing-column.csv', /missing-column\.csv, line 1, column "cases": unexpected header: found "cases" where "fips" was expected/],
    ['non-numeric-cell.csv', /non-numeric-cell\.csv, line 7, column "cases": not a whole number: "2O"/],
    ['truncated.csv', /truncated\.csv, line 10: expected 5 fields, found 3/],
    ['duplicate-row-conflicting.csv', /duplicate-row-conflicting\.csv, line 7: duplicate row for Rhode Island on 2020-03-02 \(first at line 6\) with different values/],
    ['bad-date.csv', /bad-date\.csv, line 8, column "date": not a YYYY-MM-DD date: "2020-02-30"/],
    ['header-only.csv', /header-only\.csv, line 2: no data rows/],
    ['excel-day-first.csv', /excel-day-first\.csv, line 4, column "date": M\/D\/YYYY dates out of order .*cannot tell month from day/],
    ['short-fips-not-resaved.csv', /short-fips-not-resaved\.csv, line 2, column "fips": FIPS code "6" is not 2 digits/],
    ['swapped-fips.csv', /swapped-fips\.csv, line 9, column "fips": state Rhode Island has FIPS 45 here but 44 at line 3/],
  ];
  it.each(cases)('%s fails with a message naming file, line and column', (name, message) => {
    expect(() => parseNyt([fixture(name)])).toThrow(SourceFormatError);
    expect(() => parseNyt([fixture(name)])).toThrow(message);
  });

  it('refuses an empty file and an unknown file id', () => {
    expect(() => parseNyt([{ fileId: 'us', name: 'empty.csv', text: '' }])).toThrow(/empty\.csv, line 1: empty file/);
    expect(() => parseNyt([{ ...fixture('good-states.csv'), fileId: 'colleges' }])).toThrow(/no NYT layout for file id "colleges"/);
  });

  it('ignores an identical duplicate row with a warning and a duplicate_row flag', () => {
    const parsed = parseNyt([fixture('duplicate-row-identical.csv')]);
    expect(parsed.series.map((s) => Array.from(s.values))).toEqual(good.series.map((s) => Array.from(s.values)));
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'duplicate_row', severity: 'warning', line: 7, message: expect.stringContaining('line 6') })]);
    expect(parsed.flags).toEqual([
      expect.objectContaining({ metric: 'confirmed', date: '2020-03-02', code: 'duplicate_row', line: 7, detail: { line: 7, first_line: 6 } }),
      expect.objectContaining({ metric: 'deaths', date: '2020-03-02', code: 'duplicate_row', line: 7, detail: { line: 7, first_line: 6 } }),
    ]);
  });

  it('repairs a spreadsheet re-save of a state file and of a county file, and nothing else changes', () => {
    const states = parseNyt([fixture('excel-resave.csv')]);
    expect(states.issues.map((i) => [i.code, i.column, i.count])).toEqual([['repaired', 'date', 9], ['repaired', 'fips', 3]]);
    expect(states.series).toEqual(good.series);
    const counties = parseNyt([fixture('excel-resave-counties.csv', 'us-counties')]);
    const goodCounties = parseNyt([fixture('good-counties.csv', 'us-counties')]);
    expect(counties.issues.map((i) => [i.code, i.column, i.count])).toEqual([['repaired', 'date', 17], ['repaired', 'fips', 4]]);
    expect(counties.series).toEqual(goodCounties.series);
  });

  it('keys each kind of county row as documented', () => {
    const parsed = parseNyt([fixture('good-counties.csv', 'us-counties')]);
    const places = [...new Set(parsed.series.map((s) => placeId(s.place)))];
    expect(places).toEqual([
      'fips:01001', 'key:US_AK_02164', 'names:Guam|Unassigned', 'key:US_MO_JOPLIN', 'key:US_MO_KANSAS-CITY', 'key:US_NY_NYC', 'fips:72001', 'key:US_VI_78010', 'names:Atlantis|Nowhere',
    ]);
    const adjuntasDeaths = parsed.series.find((s) => placeId(s.place) === 'fips:72001' && s.metric === 'deaths')!;
    expect(Array.from(adjuntasDeaths.values)).toEqual([Number.NaN, Number.NaN]); // blank cells stay blank
  });

  it('refuses county codes that would mis-key a place', () => {
    expect(() => parseNyt([fixture('county-two-codes.csv', 'us-counties')])).toThrow(/county-two-codes\.csv, line 10, column "fips": county Autauga, Alabama has FIPS 01003 here but 01001 at line 2/);
    expect(() => parseNyt([fixture('exception-with-fips.csv', 'us-counties')])).toThrow(/exception-with-fips\.csv, line 15, column "fips": New York City, New York has FIPS "36061", not the code NYT used/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('ingesting nyt into a fresh store', () => {
  let t: TestDb;
  let run: RunSummary;
  let runs: RunSummary[];

  beforeAll(async () => {
    ({ t, runs } = await ingestConnectors([nyt]));
    run = runs[1];
  }, 300_000);
  afterAll(async () => {
    await t?.drop();
  });

  const value = async (key: string, metric: string, date: string, asOf: string | null): Promise<number | undefined> => {
    const [row] = await t.db.query<{ id: number }>(`SELECT id FROM series WHERE source_id = 'nyt' AND location_key = $1 AND metric = $2`, [key, metric]);
    if (!row) return undefined;
    const p = (await readPoints(t.db, [{ seriesId: row.id, source: 'nyt' }], asOf)).get(row.id);
    const i = p ? Array.from(p.days).indexOf(dayNumber(date)) : -1;
    return i < 0 ? undefined : p!.values[i];
  };

  it('succeeds, reads every vintage oldest first, and leaves no place unmatched', () => {
    expect(runs.map((r) => [r.sourceId, r.status, r.error])).toEqual([['gazetteer', 'succeeded', null], ['nyt', 'succeeded', null]]);
    expect(run.files.map((f) => [f.fileId, f.issue])).toEqual([
      ['us-counties', '2020-04-20'], ['us-states', '2020-04-20'],
      ['us-counties-recent', '2021-04-19'], ['live-us-counties', '2021-04-19'], ['us-states', '2021-04-19'], ['live-us-states', '2021-04-19'],
      ['us', '2021-04-19'], ['rolling-us-states', '2021-04-19'], ['rolling-us', '2021-04-19'],
      ['us-states', '2023-03-23'], ['us-states', '2023-03-23'],
    ]);
    expect(run.issues.filter((i) => i.code === 'unmatched_location')).toEqual([]);
    expect(run.unmatched).toBe(0);
  });

  it('stores nothing for the Excel copy of the final file: 0 new and 0 changed values', () => {
    const [intact, copy] = run.files.filter((f) => f.issue === '2023-03-23');
    expect(intact.location).toContain('final_2023-03-23');
    expect(copy.location).toContain('excel-mangled');
    expect(intact.valuesNew + intact.valuesChanged).toBeGreaterThan(0);
    expect([copy.valuesNew, copy.valuesChanged]).toEqual([0, 0]);
    expect(run.issues.filter((i) => i.code === 'repaired').map((i) => i.column)).toEqual(['date', 'fips']);
  });

  it('stores, for state-days up to 2021-04-19, exactly the cells the final file changed', async () => {
    const { rowsDiffer, cellsDiffer } = revisionFacts();
    expect(rowsDiffer).toBe(777);
    const [row] = await t.db.query<{ n: number; revised: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM observations p WHERE p.series_id = o.series_id AND p.date = o.date AND p.issue < o.issue))::int AS revised
       FROM observations o JOIN series s ON s.id = o.series_id JOIN locations l ON l.key = s.location_key
       WHERE s.source_id = 'nyt' AND l.level = 'subdivision' AND l.parent = 'US' AND s.metric IN ('confirmed', 'deaths')
         AND o.date <= DATE '2021-04-19' AND o.issue = DATE '2023-03-23'`,
    );
    // Every value the final file stored for those days is a change of an earlier vintage's value, and there is one per differing cell.
    expect([Number(row.n), Number(row.revised)]).toEqual([cellsDiffer, cellsDiffer]);
  });

  it('reads back values as the files give them, each in its vintage', async () => {
    const at = (rel: string, pick: (r: RawRow) => boolean) => rawRows(read(rel)).find(pick)!;
    // New York, 2021-04-19: the vintage's value as of then, the final file's now.
    const ny2021 = at('asof_2021-04-19/us-states.csv', (r) => r.state === 'New York' && r.date === '2021-04-19');
    const nyFinal = at(FINAL, (r) => r.state === 'New York' && r.date === '2021-04-19');
    expect(await value('US_NY', 'confirmed', '2021-04-19', '2021-04-19')).toBe(Number(ny2021.cases));
    expect(await value('US_NY', 'confirmed', '2021-04-19', null)).toBe(Number(nyFinal.cases));
    // Geographic exceptions and Unknown counties from the recent county file.
    const recent = rawRows(read('asof_2021-04-19/us-counties-recent.csv.gz'));
    for (const [key, state, county] of [
      ['US_NY_NYC', 'New York', 'New York City'], ['US_MO_KANSAS-CITY', 'Missouri', 'Kansas City'], ['US_MO_JOPLIN', 'Missouri', 'Joplin'],
      ['US_GU_UNASSIGNED', 'Guam', 'Unknown'], ['US_OK_UNASSIGNED', 'Oklahoma', 'Unknown'], ['US_AK_02164', 'Alaska', 'Bristol Bay plus Lake and Peninsula'],
      ['US_VI_78010', 'Virgin Islands', 'St. Croix'], ['US_PR_72001', 'Puerto Rico', 'Adjuntas'],
    ]) {
      const r = recent.filter((x) => x.state === state && x.county === county).pop()!;
      expect([key, await value(key, 'confirmed', r.date, null)]).toEqual([key, Number(r.cases)]);
    }
    // The nation: us.csv as of 2021-04-19.
    const us = at('asof_2021-04-19/us.csv', (r) => r.date === '2021-04-10');
    expect(await value('US', 'confirmed', '2021-04-10', '2021-04-19')).toBe(Number(us.cases));
    // Live counts: the value of 2021-04-20 in the 2021-04-19 vintage, revised by the final file.
    const live = at('asof_2021-04-19/live/us-states.csv', (r) => r.state === 'California');
    const caFinal = at(FINAL, (r) => r.state === 'California' && r.date === '2021-04-20');
    expect(await value('US_CA', 'confirmed', '2021-04-20', '2021-04-19')).toBe(Number(live.cases));
    expect(await value('US_CA', 'confirmed', '2021-04-20', null)).toBe(Number(caFinal.cases));
    expect(await value('US_CA', 'confirmed_lab', '2021-04-20', null)).toBe(Number(live.confirmed_cases));
  });

  it('a total NYT reports replaces the one Glacier derives from NYT\'s counties in the same vintage', async () => {
    // Texas, 2020-03-20: NYT's state row and the sum of NYT's Texas counties disagree.
    const state = rawRows(read('asof_2020-04-20/us-states.csv')).find((r) => r.state === 'Texas' && r.date === '2020-03-20')!;
    const counties = rawRows(read('asof_2020-04-20/us-counties.csv.gz')).filter((r) => r.state === 'Texas' && r.date === '2020-03-20');
    const sum = counties.reduce((n, r) => n + Number(r.cases), 0);
    expect(sum).not.toBe(Number(state.cases));
    expect(await value('US_TX', 'confirmed', '2020-03-20', '2020-04-20')).toBe(Number(state.cases));
    // The national 7-day average: NYT's us.csv, not the sum of its (rounded) state averages.
    const states = rawRows(read('asof_2021-04-19/rolling-averages/us-states.csv.gz'));
    const nation = rawRows(read('asof_2021-04-19/rolling-averages/us.csv'));
    const r = nation.find((n) => Math.abs(states.filter((s) => s.date === n.date).reduce((x, s) => x + Number(s.cases_avg), 0) - Number(n.cases_avg)) > 0.5);
    expect(r).toBeDefined();
    if (!r) return;
    expect(await value('US', 'new_confirmed_avg7', r.date, '2021-04-19')).toBe(Number(r.cases_avg));
  });
});
