import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import postgres from 'postgres';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { jhuGlobal } from '../src/sources/jhu-global/index.js';
import { openDb, type Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { dataVersion } from '../src/store/read-sources.js';
import { replicatedReads, VERSION_MOVED } from '../src/store/read-routing.js';
import { bumpDataVersion } from '../src/store/runs.js';
import { makeMirror } from './mirror.js';
import { httpGet } from './http-get.js';
import { freePort, postgresBinDir, startPrimaryAndReplica, type PrimaryAndReplica } from './pg-replica.js';
import { rawCsvRows } from './raw-csv.js';
import { dataPath } from './shared-data.js';

/** The CLI runs from the repository root, wherever vitest was started. */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const FIRST_CONFIRMED = 'jhu/vintages/confirmed_global_asof_2020-06-30.csv.gz';
const FINAL_CONFIRMED = 'jhu/time_series/time_series_covid19_confirmed_global.csv.gz';
const FIRST = {
  'jhu/UID_ISO_FIPS_LookUp_Table.csv': 'jhu/UID_ISO_FIPS_LookUp_Table.csv',
  [FIRST_CONFIRMED]: FIRST_CONFIRMED,
  'jhu/vintages/deaths_global_asof_2020-12-31.csv.gz': 'jhu/vintages/deaths_global_asof_2020-12-31.csv.gz',
  'jhu/time_series/time_series_covid19_recovered_global.csv.gz': 'jhu/time_series/time_series_covid19_recovered_global.csv.gz',
};

/** Germany's confirmed counts as the file says them (its one row, no province), read without Glacier's parser. */
function germanyConfirmed(rel: string): number[] {
  const rows = rawCsvRows(gunzipSync(readFileSync(dataPath(rel))).toString('utf8'));
  const row = rows.find((r) => r[0] === '' && r[1] === 'Germany');
  if (!row) throw new Error(`no Germany row in ${rel}`);
  return row.slice(4).map(Number);
}

interface Answer {
  pid: string;
  etagVersion: number;
  version: number;
  to: string;
  values: (number | null)[];
}

/**
 * Reads from a streaming replica (DATABASE_READ_URL) while the primary ingests: two server
 * processes (`serve --workers 2`) answer from a replica made with pg_basebackup while a new
 * vintage is ingested on the primary. Every answer is one version: the ETag's and the body's
 * version agree and the values are exactly that version's file; the new version reaches both
 * processes.
 */
describe('two server processes reading from a streaming replica during an ingest on the primary', () => {
  let pg: PrimaryAndReplica;
  let primary: Db;
  let server: ChildProcess;
  let base: string;
  let serverLog = '';
  /** The servers' data folder (what they write, e.g. bulk files, stays out of the repository). */
  let dataDir: string;
  const mirrors: { cleanup(): Promise<void> }[] = [];

  beforeAll(async () => {
    const bin = postgresBinDir();
    if (!bin) throw new Error('this test needs PostgreSQL’s server tools (apt-get install postgresql): /usr/lib/postgresql/<version>/bin');
    pg = await startPrimaryAndReplica(bin);
    primary = await openDb({ kind: 'postgres', url: pg.primaryUrl });
    await migrate(primary);
    const first = await makeMirror(FIRST);
    mirrors.push(first);
    const runs = await ingestAll({ db: primary, origin: { kind: 'mirror', root: first.root }, clock: () => new Date(), log: silentLogger }, [jhuGlobal]);
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    dataDir = await mkdtemp(path.join(tmpdir(), 'glacier-replica-data-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--workers', '2', '--port', String(port), '--refresh', 'off'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: pg.primaryUrl, DATABASE_READ_URL: pg.replicaUrl, LOG_LEVEL: 'warn', GLACIER_WORKERS: '', GLACIER_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (serverLog += d));
    server.stderr!.on('data', (d) => (serverLog += d));
    // Both workers listening: two distinct pids answer /v1/health.
    const pids = new Set<string>();
    for (const deadline = Date.now() + 45_000; pids.size < 2; ) {
      if (Date.now() > deadline) throw new Error(`the two workers did not both answer in time:\n${serverLog}`);
      const r = await httpGet(`${base}/v1/health`).catch(() => null);
      if (r?.status === 200) pids.add(String(r.headers['x-glacier-pid']));
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 120_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const killer = setTimeout(() => server.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    }
    await primary?.close();
    await pg?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    for (const m of mirrors) await m.cleanup();
  });

  const ask = async (to: string): Promise<Answer> => {
    const r = await httpGet(`${base}/v1/series?location=DE&metric=confirmed&to=${to}`);
    expect(r.status, r.body).toBe(200);
    const body = JSON.parse(r.body) as { meta: { data_version: number }; series: { start: string; values: (number | null)[] }[] };
    expect(body.series[0].start).toBe('2020-01-22');
    return { pid: String(r.headers['x-glacier-pid']), etagVersion: Number(/^"v(\d+)-/.exec(String(r.headers.etag))![1]), version: body.meta.data_version, to, values: body.series[0].values };
  };
  const day = (i: number) => new Date(Date.UTC(2020, 3, 1) + (i % 1000) * 86_400_000).toISOString().slice(0, 10);
  /** Days from 2020-01-22 to `to`, inclusive. */
  const upTo = (values: number[], to: string) => values.slice(0, Math.round((Date.parse(to) - Date.parse('2020-01-22')) / 86_400_000) + 1);

  it('serves one consistent version per answer from the replica, and the new version reaches both processes', async () => {
    const firstValues = germanyConfirmed(FIRST_CONFIRMED);
    const finalValues = germanyConfirmed(FINAL_CONFIRMED);
    const before = await ask('2023-12-31');
    expect(before.values).toEqual(firstValues);

    // The replica serves: /v1/health says so, and both workers hold connections to it.
    const health = JSON.parse((await httpGet(`${base}/v1/health`)).body) as { database: { reads_from: string }; data_version: number };
    expect(health.database.reads_from).toBe('replica');
    expect(health.data_version).toBe(before.version);
    const replica = postgres(pg.replicaUrl, { max: 1, onnotice: () => {} });
    try {
      const [{ n }] = await replica<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'glacier'`;
      expect(n).toBeGreaterThanOrEqual(2);
    } finally {
      await replica.end();
    }

    const second = await makeMirror({ ...FIRST, [FINAL_CONFIRMED]: FINAL_CONFIRMED });
    mirrors.push(second);
    let ingesting = true;
    const ingest = ingestAll({ db: primary, origin: { kind: 'mirror', root: second.root }, clock: () => new Date(), log: silentLogger }, [jhuGlobal]).finally(() => (ingesting = false));
    const answers: Answer[] = [];
    // Distinct `to` dates: most answers are built from the database, not the response cache.
    for (let i = 0; ingesting; i++) answers.push(await ask(day(i)));
    expect((await ingest).map((r) => r.status)).not.toContain('failed');

    // After the ingest: within a few seconds, both processes answer at the new version.
    const newest = new Map<string, Answer>();
    for (let i = 0, deadline = Date.now() + 20_000; ; i++) {
      const a = await ask(day(i));
      answers.push(a);
      if (a.version > before.version) newest.set(a.pid, a);
      if (newest.size === 2) break;
      if (Date.now() > deadline) throw new Error(`the new version did not reach both processes: ${JSON.stringify([...newest.keys()])}\n${serverLog}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const after = Math.max(...answers.map((a) => a.version));
    expect(after).toBeGreaterThan(before.version);

    // Every answer: one version, whose values are exactly that version's file (never a mix).
    const versions = new Set<number>();
    for (const a of answers) {
      expect(a.etagVersion).toBe(a.version);
      versions.add(a.version);
      if (a.version === before.version) expect(a.values).toEqual(upTo(firstValues, a.to));
      else if (a.version === after) expect(a.values).toEqual(upTo(finalValues, a.to));
      // An ingest run bumps the version once per source run it commits; a version in between holds one of the two files.
      else expect([upTo(firstValues, a.to), upTo(finalValues, a.to)]).toContainEqual(a.values);
    }
    expect(answers.length).toBeGreaterThan(2);
    expect(new Set(answers.map((a) => a.pid)).size).toBe(2);
  }, 120_000);

  it('reads from the primary while the replica has not replayed the current version, and one request sees one snapshot', async () => {
    const replicaDb = await openDb({ kind: 'postgres', url: pg.replicaUrl });
    const control = postgres(pg.replicaUrl, { max: 1, onnotice: () => {} });
    const replayed = async (version: number) => {
      for (const deadline = Date.now() + 10_000; (await dataVersion(replicaDb)) !== version; ) {
        if (Date.now() > deadline) throw new Error(`the replica did not replay version ${version}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const reads = replicatedReads(primary, replicaDb);
    try {
      const v0 = await reads.version();
      expect(reads.source).toBe('replica');
      expect(v0).toBe(await dataVersion(primary));

      // Replay paused: the primary moves on, the replica does not; reads go to the primary.
      await control`SELECT pg_wal_replay_pause()`;
      await bumpDataVersion(primary, new Date());
      expect(await reads.version()).toBe(v0 + 1);
      expect(reads.source).toBe('primary');
      expect(await dataVersion(replicaDb)).toBe(v0);
      expect(await reads.db.query('SELECT version FROM data_version')).toEqual([{ version: v0 + 1 }]);

      // Replay resumed: back to the replica once it has replayed that version.
      await control`SELECT pg_wal_replay_resume()`;
      await replayed(v0 + 1);
      expect(await reads.version()).toBe(v0 + 1);
      expect(reads.source).toBe('replica');

      // One pinned request: a commit replayed between its two queries is not seen by the second.
      const seen = await reads.pinned(v0 + 1, async () => {
        const first = await dataVersion(reads.db);
        await bumpDataVersion(primary, new Date());
        await replayed(v0 + 2);
        return [first, await dataVersion(reads.db)];
      });
      expect(seen).toEqual([v0 + 1, v0 + 1]);
      // A snapshot already past the version asked for is reported, not served under the old label.
      expect(await reads.pinned(v0 + 1, async () => 'built')).toBe(VERSION_MOVED);
      expect(await reads.pinned(v0 + 2, async () => 'built')).toBe('built');
    } finally {
      await control`SELECT pg_wal_replay_resume()`.catch(() => {});
      await control.end();
      await reads.closeReplica();
    }
  }, 60_000);

  it('answers expensive requests queued behind each other (maps as of eight dates) at the current version', async () => {
    // Two expensive answers compute at once per process (PostgreSQL's default): the others queue,
    // and a queued one starts when another ends (src/query/expensive.test.ts checks it keeps its own request's context).
    const dates = ['2020-03-01', '2020-03-15', '2020-04-01', '2020-04-15', '2020-05-01', '2020-05-15', '2020-06-01', '2020-06-15'];
    const answers = await Promise.all(dates.map((d) => httpGet(`${base}/v1/map?metric=confirmed&transform=daily&level=country&as_of=${d}`, 60_000)));
    for (const a of answers) expect(a.status, a.body).toBe(200);
    const versions = answers.map((a) => Number(/^"v(\d+)-/.exec(String(a.headers.etag))![1]));
    expect(new Set(versions).size).toBe(1);
    expect(versions[0]).toBe(await dataVersion(primary));
  }, 90_000);

  it('starts a worker again when it dies, and stops both workers and the primary process on SIGTERM', async () => {
    const answering = async (): Promise<Set<number>> => {
      const pids = new Set<number>();
      for (let i = 0; i < 40 && pids.size < 2; i++) {
        const r = await httpGet(`${base}/v1/health`).catch(() => null);
        if (r?.status === 200) pids.add(Number(r.headers['x-glacier-pid']));
      }
      return pids;
    };
    const before = await answering();
    expect(before.size).toBe(2);
    const [killed] = before;
    process.kill(killed, 'SIGKILL');
    let pids = new Set<number>();
    for (const deadline = Date.now() + 45_000; !(pids.size === 2 && !pids.has(killed)); ) {
      if (Date.now() > deadline) throw new Error(`no second worker after killing ${killed}: ${[...pids]}\n${serverLog}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      pids = await answering();
    }
    expect(serverLog).toContain(`(pid ${killed}) exited (SIGKILL); starting it again`);
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect([...pids].filter(alive)).toEqual([]);
  }, 90_000);
});
