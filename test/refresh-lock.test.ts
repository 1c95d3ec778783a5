import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVersionTracker } from '../src/api/data-version.js';
import { silentLogger, type IngestDeps } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { refreshOnce } from '../src/ingest/refresh-run.js';
import { who } from '../src/sources/who/index.js';
import { openDb, type Db } from '../src/store/db.js';
import { withIngestLock } from '../src/store/ingest-lock.js';
import { openTestDb, TEST_PG_URL, type TestDb } from './databases.js';
import { makeMirror } from './mirror.js';

/**
 * Two API processes on one PostgreSQL database, as two store handles on one schema: while one
 * refreshes, the other's refresh is skipped (nothing recorded), and it then sees the new data
 * version. Another schema (another installation) is not blocked.
 */
describe('ingest lock on PostgreSQL', () => {
  let t: TestDb;
  let other: TestDb;
  let b: Db;
  let mirror: Awaited<ReturnType<typeof makeMirror>>;
  const deps = (db: Db): IngestDeps => ({ db, origin: { kind: 'mirror', root: mirror.root }, clock: () => new Date(), log: silentLogger });
  const runCount = async (db: Db) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ingest_runs'))[0].n;

  beforeAll(async () => {
    mirror = await makeMirror({
      'jhu/UID_ISO_FIPS_LookUp_Table.csv': 'jhu/UID_ISO_FIPS_LookUp_Table.csv',
      'who/WHO-COVID-19-global-data_asof_2024-08.csv.gz': 'who/WHO-COVID-19-global-data_asof_2024-08.csv.gz',
    });
    t = await openTestDb('postgres');
    other = await openTestDb('postgres');
    const schema = (await t.db.query<{ s: string }>('SELECT current_schema() AS s'))[0].s;
    b = await openDb({ kind: 'postgres', url: TEST_PG_URL, schema });
  });
  afterAll(async () => {
    await b?.close();
    await other?.drop();
    await t?.drop();
    await mirror?.cleanup();
  });

  it('skips the second process while the first ingests, and the second then sees the new data', async () => {
    const versionsB = createVersionTracker(b, 0);
    const before = await versionsB.current();
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // Process A takes the lock (as refreshOnce does) and ingests once the test has tried process B.
    const a = withIngestLock(t.db, async () => {
      held();
      await gate;
      return ingestAll(deps(t.db), [who]);
    });
    await holding;

    expect(await refreshOnce(deps(b), [who])).toEqual({ status: 'skipped', reason: 'another process is ingesting into this database' });
    expect(await runCount(b)).toBe(0);
    expect((await withIngestLock(other.db, async () => 'ran')).acquired).toBe(true);

    release();
    const done = await a;
    expect(done.acquired && done.value.map((r) => [r.sourceId, r.status])).toEqual([['gazetteer', 'succeeded'], ['who', 'succeeded']]);
    // B picks up A's commit through the data version.
    expect(await versionsB.current()).toBeGreaterThan(before);

    // Lock released: B's refresh now runs (nothing new to store).
    const runB = await refreshOnce(deps(b), [who]);
    expect(runB.status === 'done' && runB.runs.map((r) => [r.sourceId, r.status])).toEqual([['gazetteer', 'unchanged'], ['who', 'unchanged']]);
  }, 120_000);

  it('while B ingests for real, A is skipped and records nothing', async () => {
    const n0 = await runCount(t.db);
    let inStore!: () => void;
    const storing = new Promise<void>((r) => (inStore = r));
    const d = { ...deps(b), progress: (_s: string, stage: string) => stage === 'store' && inStore() };
    const running = refreshOnce(d, [who], { force: true });
    await storing;
    expect(await refreshOnce(deps(t.db), [who])).toMatchObject({ status: 'skipped' });
    const done = await running;
    expect(done.status === 'done' && done.runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    // Only B's two runs (gazetteer, who) were recorded.
    expect(await runCount(t.db)).toBe(n0 + 2);
  }, 120_000);
});
