import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { RUN_STORE_LIMITS } from '../src/ingest/store-series.js';
import { jhuGlobal } from '../src/sources/jhu-global/index.js';
import type { Db } from '../src/store/db.js';
import { DB_TARGETS, openTestDb, type TestDb } from './databases.js';
import { JHU_GLOBAL_FILES, makeMirror } from './mirror.js';
import { dataPath } from './shared-data.js';

const VINTAGE = { 'jhu/vintages/confirmed_global_asof_2020-06-30.csv.gz': 'jhu/vintages/confirmed_global_asof_2020-06-30.csv.gz' };
const snapshot = (db: Db) =>
  db.query(`SELECT (SELECT count(*) FROM observations) AS n, (SELECT sum(coalesce(value, 0)) FROM observations) AS s, (SELECT max(issue) FROM observations) AS i,
                   (SELECT count(*) FROM series) AS series, (SELECT count(*) FROM series_annotations) AS a, (SELECT count(*) FROM series_rank) AS r`);

/**
 * A run whose writes outgrow what it may hold in memory opens its transaction early and writes
 * as it goes: it stores exactly what the short-transaction path stores, and a failure after the
 * early writes still leaves nothing behind.
 */
describe.each(DB_TARGETS)('a run writing as it goes on %s', (target) => {
  const dbs: TestDb[] = [];
  const saved = { ...RUN_STORE_LIMITS };
  afterEach(() => {
    Object.assign(RUN_STORE_LIMITS, saved);
  });
  afterAll(async () => {
    for (const t of dbs) await t.drop();
  });
  const ingest = async (files: Parameters<typeof makeMirror>[0], heldValuesMax: number) => {
    const t = await openTestDb(target);
    dbs.push(t);
    const mirror = await makeMirror(files);
    // 0: every finished vintage is written at once, in the transaction opened for it.
    Object.assign(RUN_STORE_LIMITS, heldValuesMax === 0 ? { heldValuesMax: 0, flushAtValues: 0 } : saved);
    try {
      const runs = await ingestAll({ db: t.db, origin: { kind: 'mirror', root: mirror.root }, clock: () => new Date(), log: silentLogger }, [jhuGlobal]);
      return { t, run: runs[1] };
    } finally {
      await mirror.cleanup();
    }
  };

  it('stores the same as a run holding its writes to the end', async () => {
    const held = await ingest({ ...JHU_GLOBAL_FILES, ...VINTAGE }, saved.heldValuesMax);
    const early = await ingest({ ...JHU_GLOBAL_FILES, ...VINTAGE }, 0);
    expect([held.run.status, early.run.status]).toEqual(['succeeded', 'succeeded']);
    expect(early.run.valuesNew).toBe(held.run.valuesNew);
    expect(await snapshot(early.t.db)).toEqual(await snapshot(held.t.db));
    expect(Number((await snapshot(early.t.db))[0].n)).toBeGreaterThan(0);
  }, 240_000);

  it('a failure after the early writes stores nothing, and the store answers afterwards', async () => {
    // The 2020-06-30 vintage is written early; the final deaths file, read after it, is truncated.
    const deaths = gunzipSync(readFileSync(dataPath('jhu/time_series/time_series_covid19_deaths_global.csv.gz'))).toString('utf8');
    const { t, run } = await ingest({ ...JHU_GLOBAL_FILES, ...VINTAGE, 'jhu/time_series/time_series_covid19_deaths_global.csv.gz': gzipSync(deaths.slice(0, deaths.length / 2)) }, 0);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/deaths_global\.csv\.gz, line \d+: expected 1147 fields/);
    expect(await snapshot(t.db)).toEqual([{ n: 0, s: null, i: null, series: 0, a: 0, r: 0 }]);
    // Nor the source's partition, which the run had made to write into.
    expect(await t.db.query(`SELECT to_regclass('observations_jhu_global')::text AS r`)).toEqual([{ r: null }]);
  }, 240_000);
});
