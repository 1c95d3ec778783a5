import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll, SOURCE_RUNS_AT_ONCE } from '../src/ingest/ingest-all.js';
import { ecdc } from '../src/sources/ecdc/index.js';
import { owid } from '../src/sources/owid/index.js';
import { who } from '../src/sources/who/index.js';
import type { Db } from '../src/store/db.js';
import { openTransaction } from '../src/store/db.js';
import { takeCommitTurn } from '../src/store/ingest-lock.js';
import { DB_TARGETS, openTestDb, type TestDb } from './databases.js';
import { SHARED_DATA } from './shared-data.js';

/**
 * What the stored data says, by natural keys (series ids and file ids depend on the order in
 * which overlapping runs create them): every value with its provenance, every reading, the
 * summaries and the ranks of the default series.
 */
const snapshot = (db: Db) =>
  db.query<{ what: string; n: number; digest: string }>(`
    SELECT 'observations' AS what, count(*)::int AS n, md5(string_agg(x, ',' ORDER BY x)) AS digest FROM (
      SELECT concat_ws('|', s.source_id, s.location_key, s.metric, o.date, o.issue, o.value, f.location, f.issue) AS x
      FROM observations o JOIN series s ON s.id = o.series_id JOIN run_files f ON f.id = o.file_id) q
    UNION ALL SELECT 'annotations', count(*)::int, md5(string_agg(x, ',' ORDER BY x)) FROM (
      SELECT concat_ws('|', s.source_id, s.location_key, s.metric, a.issue, a.spans::text, a.flags::text) AS x
      FROM series_annotations a JOIN series s ON s.id = a.series_id) q
    UNION ALL SELECT 'summaries', count(*)::int, md5(string_agg(x, ',' ORDER BY x)) FROM (
      SELECT concat_ws('|', s.source_id, s.location_key, s.metric, s.derived, ss.first_date, ss.last_date, ss.latest_value, ss.value_count, ss.anomaly_count) AS x
      FROM series_summary ss JOIN series s ON s.id = ss.series_id) q
    UNION ALL SELECT 'ranks', count(*)::int, md5(string_agg(x, ',' ORDER BY x)) FROM (
      SELECT concat_ws('|', r.location_key, r.metric, r.rank, s.source_id) AS x
      FROM series_rank r JOIN series s ON s.id = r.series_id) q
    UNION ALL SELECT 'version', version, '' FROM data_version`);

// PostgreSQL only: on PGlite (one connection) runs never overlap, and the path is the one every other suite takes.
describe.runIf(DB_TARGETS.includes('postgres'))('source runs at once (PostgreSQL)', () => {
  const target = 'postgres';
  const dbs: TestDb[] = [];
  const saved = { ...SOURCE_RUNS_AT_ONCE };
  afterEach(() => {
    Object.assign(SOURCE_RUNS_AT_ONCE, saved);
  });
  afterAll(async () => {
    for (const t of dbs) await t.drop();
  });

  const ingest = async (atOnce: number) => {
    SOURCE_RUNS_AT_ONCE.postgres = atOnce;
    const t = await openTestDb(target);
    dbs.push(t);
    const events: string[] = [];
    const runs = await ingestAll(
      { db: t.db, origin: { kind: 'mirror', root: SHARED_DATA }, clock: () => new Date(), log: silentLogger, progress: (id, stage) => events.push(`${id}:${stage}`) },
      // Three sources with series in the same groups (countries' confirmed and deaths): their ranks depend on each other.
      [who, ecdc, owid],
    );
    return { t, runs, events };
  };

  it('stores what one run at a time stores, with summaries in the connectors’ order', async () => {
    const one = await ingest(1);
    const two = await ingest(saved.postgres);
    expect(two.runs.map((r) => [r.sourceId, r.status])).toEqual(one.runs.map((r) => [r.sourceId, r.status]));
    expect(two.runs.every((r) => r.status === 'succeeded')).toBe(true);
    expect(await snapshot(two.t.db)).toEqual(await snapshot(one.t.db));
    expect((await snapshot(one.t.db))[0].n).toBeGreaterThan(100_000);
    // One at a time, a run is done before the next starts; by default, the second starts first.
    const overlapped = (events: string[]) => events.indexOf('ecdc:fetch') < events.indexOf('who:done');
    expect(overlapped(one.events)).toBe(false);
    expect(overlapped(two.events)).toBe(true);
  }, 300_000);

  it('lets one run at a time write what runs share: a second turn waits for the first transaction to end', async () => {
    const t = await openTestDb(target);
    dbs.push(t);
    const first = await openTransaction(t.db);
    const second = await openTransaction(t.db);
    try {
      await takeCommitTurn(first.tx);
      let waited = true;
      const turn = takeCommitTurn(second.tx).then(() => {
        waited = false;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(waited).toBe(true);
      await first.commit();
      await turn;
      expect(waited).toBe(false);
    } finally {
      await second.commit();
    }
  });
});
