import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumber, dayFromUsShortDate, isoFromDay } from '../src/domain/dates.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import type { IngestDeps } from '../src/ingest/context.js';
import { silentLogger } from '../src/ingest/context.js';
import { jhuGlobal } from '../src/sources/jhu-global/index.js';
import { jhuUs } from '../src/sources/jhu-us/index.js';
import { migrate } from '../src/store/migrate.js';
import { readPoints } from '../src/store/read-series.js';
import type { Db } from '../src/store/db.js';
import { DB_TARGETS, openTestDb, type TestDb } from './databases.js';
import { JHU_GLOBAL_FILES, makeMirror } from './mirror.js';
import { dataPath } from './shared-data.js';
import { usSubset } from './api-fixture.js';

const gz = (rel: string) => gunzipSync(readFileSync(dataPath(rel))).toString('utf8');
const deps = (db: Db, root: string): IngestDeps => ({ db, origin: { kind: 'mirror', root }, clock: () => new Date(), log: silentLogger });

/** Rows of a JHU global wide file: "province|country" → values by ISO date. */
function wideRows(text: string): Map<string, Map<string, number>> {
  const lines = text.trim().split('\n');
  const header = lines[0].split(',');
  const dates = header.slice(4).map((h) => isoFromDay(dayFromUsShortDate(h.trim())));
  const out = new Map<string, Map<string, number>>();
  for (const line of lines.slice(1)) {
    // Quoted names ("Korea, South") are the only commas inside fields.
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    out.set(`${cells[0]}|${cells[1]}`, new Map(dates.map((d, i) => [d, Number(cells[4 + i])])));
  }
  return out;
}

async function count(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const [r] = await db.query<{ n: number }>(sql, params);
  return Number(r.n);
}

async function seriesId(db: Db, source: string, key: string, metric: string): Promise<number> {
  const [r] = await db.query<{ id: number }>('SELECT id FROM series WHERE source_id = $1 AND location_key = $2 AND metric = $3', [source, key, metric]);
  return r.id;
}

describe.each(DB_TARGETS)('store on %s', (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(target);
  });
  afterAll(async () => t?.drop());

  it('applies migrations once', async () => {
    expect((await migrate(t.db)).applied).toEqual([]);
  });

  describe('revisions across vintages (JHU confirmed as of 2020-12-31, then the final file)', () => {
    let mirror: Awaited<ReturnType<typeof makeMirror>>;
    beforeAll(async () => {
      mirror = await makeMirror({
        ...JHU_GLOBAL_FILES,
        'jhu/vintages/confirmed_global_asof_2020-12-31.csv.gz': 'jhu/vintages/confirmed_global_asof_2020-12-31.csv.gz',
        'jhu/vintages/deaths_global_asof_2020-12-31.csv.gz': 'jhu/vintages/deaths_global_asof_2020-12-31.csv.gz',
      });
    });
    afterAll(async () => mirror.cleanup());

    it('stores the vintage, then only the cells the final file changed', async () => {
      const first = await ingestAll(deps(t.db, mirror.root), [jhuGlobal], { issue: '2020-12-31' });
      expect(first.map((r) => [r.sourceId, r.status])).toEqual([['gazetteer', 'succeeded'], ['jhu-global', 'succeeded']]);
      expect(first[1].files.map((f) => [f.fileId, f.issue])).toEqual([['confirmed', '2020-12-31'], ['deaths', '2020-12-31']]);
      expect(first[1].issues).toContainEqual(expect.objectContaining({ code: 'file_skipped' })); // recovered has no 2020-12-31 copy
      // The planner knows the loaded size at once (PGlite has no autovacuum): the ingest analysed the source's partition.
      const [{ reltuples }] = await t.db.query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE oid = 'observations_jhu_global'::regclass`);
      expect(Number(reltuples)).toBeGreaterThan(first[1].valuesNew * 0.5);

      const second = await ingestAll(deps(t.db, mirror.root), [jhuGlobal]);
      const run = second[1];
      expect(run.status).toBe('succeeded');
      // Every vintage in the mirror is read, oldest first; the one already stored changes nothing.
      expect(run.files.map((f) => f.issue)).toEqual(['2020-12-31', '2020-12-31', '2023-03-10', '2023-03-10', '2023-03-10']);
      expect(run.vintages.map((v) => v.issue)).toEqual(['2020-12-31', '2023-03-10']);
      expect(run.vintages[0]).toMatchObject({ valuesNew: 0, valuesChanged: 0 });

      // Cells that really differ between the two files, for rows in both, dates up to 2020-12-30.
      const old = wideRows(gz('jhu/vintages/confirmed_global_asof_2020-12-31.csv.gz'));
      const final = wideRows(gz('jhu/time_series/time_series_covid19_confirmed_global.csv.gz'));
      let differ = 0;
      for (const [row, values] of old) {
        const now = final.get(row);
        if (!now) continue;
        for (const [date, v] of values) if (date <= '2020-12-30' && now.get(date) !== v) differ++;
      }
      expect(differ).toBeGreaterThan(1000);
      const stored = await count(
        t.db,
        `SELECT count(*) AS n FROM observations o JOIN series s ON s.id = o.series_id
         WHERE s.source_id = 'jhu-global' AND s.metric = 'confirmed' AND NOT s.derived
           AND o.issue = '2023-03-10' AND o.date <= '2020-12-30'
           AND EXISTS (SELECT 1 FROM observations p WHERE p.series_id = o.series_id AND p.date = o.date AND p.issue < o.issue)`,
      );
      expect(stored).toBe(differ);
      // The run's per-file report counts the same changes (plus changed derived totals).
      expect(run.files.filter((f) => f.fileId === 'confirmed').at(-1)!.valuesChanged).toBeGreaterThanOrEqual(differ);
    });

    it('answers as_of with the old values and the latest with the final ones', async () => {
      const old = wideRows(gz('jhu/vintages/confirmed_global_asof_2020-12-31.csv.gz'));
      const final = wideRows(gz('jhu/time_series/time_series_covid19_confirmed_global.csv.gz'));
      // A revised cell: Germany on a day the final file changed.
      const de = [...old.get('|Germany')!].find(([d, v]) => final.get('|Germany')!.get(d) !== v)!;
      expect(de).toBeDefined();
      const id = await seriesId(t.db, 'jhu-global', 'DE', 'confirmed');
      const at = (p: Map<number, { days: Int32Array; values: Float64Array }>, iso: string) => {
        const s = p.get(id)!;
        return s.values[s.days.indexOf(dayNumber(iso))];
      };
      const de1 = [{ seriesId: id, source: 'jhu-global' }];
      expect(at(await readPoints(t.db, de1, '2021-01-01'), de[0])).toBe(de[1]);
      expect(at(await readPoints(t.db, de1, null), de[0])).toBe(final.get('|Germany')!.get(de[0]));
      // Before the first vintage there was nothing.
      expect((await readPoints(t.db, de1, '2020-06-01')).size).toBe(0);
    });

    it('re-reading the same files stores nothing and reports 0 changed, even when forced', async () => {
      const before = await count(t.db, 'SELECT count(*) AS n FROM observations');
      const again = (await ingestAll(deps(t.db, mirror.root), [jhuGlobal]))[1];
      expect([again.status, again.valuesNew, again.valuesChanged]).toEqual(['unchanged', 0, 0]);
      const forced = (await ingestAll(deps(t.db, mirror.root), [jhuGlobal], { force: true }))[1];
      expect([forced.status, forced.valuesNew, forced.valuesChanged]).toEqual(['succeeded', 0, 0]);
      expect(await count(t.db, 'SELECT count(*) AS n FROM observations')).toBe(before);
    });

    it('derives each split country as the sum of its provinces in the file, every date', async () => {
      const final = wideRows(gz('jhu/time_series/time_series_covid19_confirmed_global.csv.gz'));
      for (const [country, key] of [['Australia', 'AU'], ['Canada', 'CA'], ['China', 'CN']]) {
        const sums = new Map<string, number>();
        for (const [row, values] of final) {
          if (!row.endsWith(`|${country}`)) continue;
          for (const [d, v] of values) sums.set(d, (sums.get(d) ?? 0) + v);
        }
        const id = await seriesId(t.db, 'jhu-global', key, 'confirmed');
        const [s] = await t.db.query<{ derived: boolean }>('SELECT derived FROM series WHERE id = $1', [id]);
        expect(s.derived).toBe(true);
        const p = (await readPoints(t.db, [{ seriesId: id, source: 'jhu-global' }], null)).get(id)!;
        expect(p.days.length).toBe(sums.size);
        for (let k = 0; k < p.days.length; k++) expect(p.values[k], `${key} ${isoFromDay(p.days[k])}`).toBe(sums.get(isoFromDay(p.days[k])));
      }
      // A country JHU reports whole is not summed again: the United Kingdom row is stored as reported.
      const [gb] = await t.db.query<{ derived: boolean }>(`SELECT derived FROM series WHERE source_id = 'jhu-global' AND location_key = 'GB' AND metric = 'confirmed'`);
      expect(gb.derived).toBe(false);
    });

    it('stores recovered after 2021-08-04 as discontinued, not as 0', async () => {
      const id = await seriesId(t.db, 'jhu-global', 'FR', 'recovered');
      const [a] = await t.db.query<{ spans: { from: string; reason: string; rule: string }[] }>('SELECT spans FROM series_annotations WHERE series_id = $1 ORDER BY issue DESC LIMIT 1', [id]);
      expect(a.spans).toContainEqual(expect.objectContaining({ from: '2021-08-05', to: '2023-03-09', reason: 'discontinued', rule: 'declared-discontinued' }));
    });
  });

  describe('isolation and atomicity', () => {
    const realDeaths = () => gz('jhu/time_series/time_series_covid19_deaths_global.csv.gz');
    const breakages: [string, (text: string) => string, RegExp][] = [
      ['changed header', (t) => t.replace('Country/Region', 'Country_Region'), /deaths_global\.csv\.gz, line 1: unexpected header: found "Country_Region"/],
      // Drops the Lat column (the third field; the first two may be quoted).
      ['missing column', (t) => t.split('\n').map((l) => l.replace(/^((?:"[^"]*"|[^,]*),(?:"[^"]*"|[^,]*)),[^,]*,/, '$1,')).join('\n'), /deaths_global\.csv\.gz, line 1: unexpected header: found "Long" where "Lat" was expected/],
      ['non-numeric cell', (t) => t.split('\n').map((l, i) => (i === 100 ? l.replace(/,(\d+),(\d+)$/, ',n/a,$2') : l)).join('\n'), /deaths_global\.csv\.gz, line 101, column "3\/8\/23": not a number: "n\/a"/],
      ['truncated file', (t) => t.slice(0, Math.floor(t.length * 0.6)), /deaths_global\.csv\.gz, line \d+: expected 1147 fields, found \d+/],
      ['conflicting duplicate row', (t) => { const l = t.trim().split('\n'); return [...l, l[10].replace(/,(\d+)$/, (_m, v) => `,${Number(v) + 1}`)].join('\n'); }, /deaths_global\.csv\.gz, line 291: duplicate row for .* \(first at line 11\) with different values/],
    ];
    it.each(breakages)('a file with a %s fails its run, names where, and changes nothing', async (_name, breakIt, message) => {
      const snapshot = () => t.db.query('SELECT count(*) AS n, sum(coalesce(value, 0)) AS s, max(issue) AS i FROM observations');
      const before = await snapshot();
      const mirror = await makeMirror({ ...JHU_GLOBAL_FILES, 'jhu/time_series/time_series_covid19_deaths_global.csv.gz': gzipSync(breakIt(realDeaths())) });
      try {
        const [, run] = await ingestAll(deps(t.db, mirror.root), [jhuGlobal], { force: true });
        expect(run.status).toBe('failed');
        expect(run.error, run.error ?? "").toMatch(message);
        expect(await snapshot()).toEqual(before);
      } finally {
        await mirror.cleanup();
      }
    });

    it('a file with a byte-order mark reads like the file without one', async () => {
      const mirror = await makeMirror({ ...JHU_GLOBAL_FILES, 'jhu/time_series/time_series_covid19_deaths_global.csv.gz': gzipSync(`\ufeff${realDeaths()}`) });
      try {
        const [, run] = await ingestAll(deps(t.db, mirror.root), [jhuGlobal], { force: true });
        expect([run.status, run.valuesNew, run.valuesChanged]).toEqual(['succeeded', 0, 0]);
      } finally {
        await mirror.cleanup();
      }
    });

    it('derives US state totals as the sum of their county rows, every date', async () => {
      const text = usSubset('jhu/time_series_us/time_series_covid19_deaths_US_asof_2021-04-22.csv.gz');
      const mirror = await makeMirror({ ...JHU_GLOBAL_FILES, 'jhu/time_series_us/time_series_covid19_deaths_US_asof_2021-04-22.csv': { text }, 'jhu/time_series_us/time_series_covid19_confirmed_US_asof_2020-12-31.csv': { text: usSubset('jhu/time_series_us/time_series_covid19_confirmed_US_asof_2020-12-31.csv.gz') } });
      try {
        const runs = await ingestAll(deps(t.db, mirror.root), [jhuUs]);
        expect(runs[1].status).toBe('succeeded');
      } finally {
        await mirror.cleanup();
      }
      const lines = text.trim().split('\n');
      const dates = lines[0].split(',').slice(12).map((h) => isoFromDay(dayFromUsShortDate(h)));
      const sums = new Map<string, number>();
      for (const l of lines.slice(1).filter((x) => x.includes(',Washington,US,'))) {
        l.split(',').slice(-dates.length).forEach((v, i) => sums.set(dates[i], (sums.get(dates[i]) ?? 0) + Number(v)));
      }
      const id = await seriesId(t.db, 'jhu-us', 'US_WA', 'deaths');
      const p = (await readPoints(t.db, [{ seriesId: id, source: 'jhu-us' }], null)).get(id)!;
      expect(p.days.length).toBe(dates.length);
      for (let k = 0; k < p.days.length; k++) expect(p.values[k]).toBe(sums.get(isoFromDay(p.days[k])));
    });

    it('a broken file fails its source only, names the cell, and leaves stored data as it was', async () => {
      const good = await makeMirror({
        ...JHU_GLOBAL_FILES,
        'jhu/time_series_us/time_series_covid19_confirmed_US.csv': { text: readFileSync(new URL('../src/sources/jhu-us/fixtures/good-confirmed.csv', import.meta.url), 'utf8') },
        'jhu/time_series_us/time_series_covid19_deaths_US.csv': { text: readFileSync(new URL('../src/sources/jhu-us/fixtures/good-deaths.csv', import.meta.url), 'utf8') },
      });
      const before = await t.db.query('SELECT series_id, date, issue, value FROM observations ORDER BY 1, 2, 3 LIMIT 0');
      const snapshot = async () => t.db.query<{ n: number; s: number }>('SELECT count(*) AS n, sum(coalesce(value, 0)) AS s FROM observations');
      const state = await snapshot();
      // Deaths: a real final file with one cell broken far down the file.
      const lines = gz('jhu/time_series/time_series_covid19_deaths_global.csv.gz').split('\n');
      const broken = lines.map((l, i) => (i === 250 ? l.replace(/,(\d+)$/, ',12x') : l)).join('\n');
      const bad = await makeMirror({ ...JHU_GLOBAL_FILES, 'jhu/time_series/time_series_covid19_deaths_global.csv.gz': gzipSync(broken), 'jhu/time_series_us/time_series_covid19_confirmed_US.csv': { text: '' } });
      try {
        const runs = await ingestAll(deps(t.db, bad.root), [jhuGlobal, jhuUs], { force: true });
        const g = runs.find((r) => r.sourceId === 'jhu-global')!;
        expect(g.status).toBe('failed');
        expect(g.error).toMatch(/time_series_covid19_deaths_global\.csv\.gz, line 251, column "3\/9\/23": not a number: "12x"/);
        expect(runs.find((r) => r.sourceId === 'jhu-us')!.status).toBe('failed');
        expect(await snapshot()).toEqual(state);
        const [rec] = await t.db.query<{ status: string; error: string }>(`SELECT status, error FROM ingest_runs WHERE source_id = 'jhu-global' ORDER BY id DESC LIMIT 1`);
        expect(rec.status).toBe('failed');
        expect(rec.error).toContain('line 251');

        // The other source still runs when its files are fine.
        const runs2 = await ingestAll(deps(t.db, good.root), [jhuGlobal, jhuUs]);
        expect(runs2.find((r) => r.sourceId === 'jhu-us')!.status).toBe('succeeded');
        expect(runs2.find((r) => r.sourceId === 'jhu-us')!.unmatched).toBe(2); // "Nowhere, Atlantis" in both files
      } finally {
        await bad.cleanup();
        await good.cleanup();
      }
      expect(before).toEqual([]);
    });
  });
});
