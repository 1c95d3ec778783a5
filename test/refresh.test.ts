import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/api/app.js';
import { createServerRefresh } from '../src/cli/commands/refresh.js';
import type { Config } from '../src/config.js';
import { dayNumber } from '../src/domain/dates.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import type { RefreshScheduler } from '../src/ingest/refresh-scheduler.js';
import { jhuGlobal } from '../src/sources/jhu-global/index.js';
import { DB_TARGETS, openTestDb, type TestDb } from './databases.js';
import { makeMirror } from './mirror.js';

const TOKEN = 'refresh-test-token-0123456789';
const FIRST = {
  'jhu/UID_ISO_FIPS_LookUp_Table.csv': 'jhu/UID_ISO_FIPS_LookUp_Table.csv',
  'jhu/vintages/confirmed_global_asof_2020-06-30.csv.gz': 'jhu/vintages/confirmed_global_asof_2020-06-30.csv.gz',
  'jhu/vintages/deaths_global_asof_2020-12-31.csv.gz': 'jhu/vintages/deaths_global_asof_2020-12-31.csv.gz',
  'jhu/time_series/time_series_covid19_recovered_global.csv.gz': 'jhu/time_series/time_series_covid19_recovered_global.csv.gz',
};

interface Entry {
  start: string;
  values: (number | null)[];
}

/**
 * A refresh while serving, through POST /v1/admin/ingest and the server's own refresh wiring:
 * the store holds JHU's copy of 2020-06-30; the refresh adds the final confirmed file. Every
 * series answer during the refresh is the data before it or after it (never a mix, never an
 * error), and an as_of answer for an old date is unchanged afterwards.
 */
describe.each(DB_TARGETS)('refresh while serving on %s', (target) => {
  let t: TestDb;
  let app: App;
  let refresh: RefreshScheduler;
  let dataDir: string;
  const mirrors: { cleanup(): Promise<void> }[] = [];

  beforeAll(async () => {
    const first = await makeMirror(FIRST);
    const second = await makeMirror({ ...FIRST, 'jhu/time_series/time_series_covid19_confirmed_global.csv.gz': 'jhu/time_series/time_series_covid19_confirmed_global.csv.gz' });
    mirrors.push(first, second);
    t = await openTestDb(target);
    const runs = await ingestAll({ db: t.db, origin: { kind: 'mirror', root: first.root }, clock: () => new Date(), log: silentLogger }, [jhuGlobal]);
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    dataDir = await mkdtemp(path.join(tmpdir(), 'glacier-refresh-'));
    const config: Config = { database: { kind: 'pglite-memory' }, dataDir, mirror: second.root, host: '127.0.0.1', port: 0, refreshMs: null, adminToken: TOKEN, rateLimit: null, expensiveConcurrency: null, readDatabase: null, workers: 1 };
    refresh = createServerRefresh(t.db, config, { info() {}, warn() {}, error() {} }, () => app.cache.versions.invalidate());
    app = await buildApp({ db: t.db, webRoot: null, versionTtlMs: 1000, admin: { token: TOKEN, refresh } });
  }, 180_000);
  afterAll(async () => {
    await refresh?.stop();
    await app?.close();
    await t?.drop();
    for (const m of mirrors) await m.cleanup();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const series = async (query: string): Promise<{ entry: Entry; version: number }> => {
    const r = await app.inject({ method: 'GET', url: `/v1/series?location=DE&metric=confirmed${query}` });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    return { entry: { start: body.series[0].start, values: body.series[0].values }, version: body.meta.data_version };
  };
  /** The full series cut at `to`, as a request with `to` answers it. */
  const cut = (full: Entry, to: string): Entry => ({ start: full.start, values: full.values.slice(0, dayNumber(to) - dayNumber(full.start) + 1) });

  it('serves the data before or after the refresh during it, and old as_of answers are unchanged after it', async () => {
    const before = await series('');
    const asOfBefore = await series('&as_of=2020-07-01');
    expect(before.entry.values.length).toBe(dayNumber('2020-06-29') - dayNumber('2020-01-22') + 1);

    const started = await app.inject({ method: 'POST', url: '/v1/admin/ingest', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, payload: { source: ['jhu-global'] } });
    expect(started.statusCode, started.body).toBe(202);
    // Each distinct answer per `to` (the first round of 400 dates is answered from the store,
    // later rounds may come from the response cache until the version changes).
    const seen = new Map<string, Set<string>>();
    let answered = 0;
    for (let i = 0; refresh.running(); i++, answered++) {
      const to = new Date(Date.UTC(2020, 3, 1) + (i % 400) * 86_400_000).toISOString().slice(0, 10);
      const got = JSON.stringify((await series(`&to=${to}`)).entry);
      if (!seen.has(to)) seen.set(to, new Set());
      seen.get(to)!.add(got);
      // As a client over the network would, let the event loop turn (inject() alone can answer
      // a cached request in microtasks and starve the ingest's turns).
      await new Promise((resolve) => setImmediate(resolve));
    }
    await refresh.idle();

    const after = await series('');
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.entry.values.length).toBe(dayNumber('2023-03-09') - dayNumber('2020-01-22') + 1);
    expect(answered).toBeGreaterThan(0);
    for (const [to, answers] of seen) {
      for (const got of answers) expect([cut(before.entry, to), cut(after.entry, to)]).toContainEqual(JSON.parse(got));
    }

    const asOfAfter = await series('&as_of=2020-07-01');
    expect(asOfAfter.entry).toEqual(asOfBefore.entry);
    expect(asOfAfter.version).toBe(after.version);
  }, 180_000);
});
