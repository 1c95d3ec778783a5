/**
 * Reads while a refresh runs: p50/p99 of an uncached GET /v1/series?location=DE&metric=confirmed
 * (each request a different from/to, so the response cache never answers) from one HTTP client,
 * first on an idle server, then while jhu-global (every vintage in the mirror) is re-ingested
 * with --force in the same process. On PGlite (one connection, queries on the main thread) a
 * reader waits for whatever the ingest holds the connection for.
 *
 *   npx tsx bench/refresh-reads.ts            # PGlite and PostgreSQL
 *   BENCH_TARGETS=pglite npx tsx bench/refresh-reads.ts
 */
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { buildApp } from '../src/api/app.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { jhuGlobal } from '../src/sources/jhu-global/index.js';
import { openDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { freshPglite, freshPostgresSchema, type BenchTarget } from './targets.js';
import { SHARED_DATA } from '../test/shared-data.js';

const PG_URL = process.env.GLACIER_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const targets = (process.env.BENCH_TARGETS ?? 'pglite,postgres').split(',');

/**
 * The polling client runs in a worker thread with its own event loop, so a request's time
 * includes any time the server's event loop is busy (parsing, diffing) or its one PGlite
 * connection is held, as a real client's would.
 */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
parentPort.on('message', () => (stop = true));
(async () => {
  const times = [];
  for (let i = workerData.start; !stop; i++) {
    // A different from/to pair each time (numbered across phases): never a cache hit.
    const day = new Date(Date.UTC(2021, 0, 1) + (i % 700) * 86400000).toISOString().slice(0, 10);
    const from = new Date(Date.UTC(2020, 0, 22) + Math.floor(i / 700) * 86400000).toISOString().slice(0, 10);
    const s = performance.now();
    const r = await fetch('http://127.0.0.1:' + workerData.port + '/v1/series?location=DE&metric=confirmed&from=' + from + '&to=' + day);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error('status ' + r.status);
    times.push(performance.now() - s);
  }
  parentPort.postMessage(times);
})();
`;

let requests = 0;

async function poll(port: number, during: () => Promise<unknown>): Promise<number[]> {
  const worker = new Worker(POLLER, { eval: true, workerData: { port, start: requests } });
  const times = new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await during();
  worker.postMessage('stop');
  const t = await times;
  requests += t.length + 1;
  await worker.terminate();
  return t;
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

function summary(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  return `n=${s.length} p50=${pct(s, 50).toFixed(1)} ms p99=${pct(s, 99).toFixed(1)} ms max=${s[s.length - 1].toFixed(1)} ms`;
}

async function measure(bench: BenchTarget): Promise<void> {
  const db = await openDb(bench.target);
  try {
    await migrate(db);
    const deps = { db, origin: { kind: 'mirror' as const, root: SHARED_DATA }, clock: () => new Date(), log: silentLogger };
    const t0 = performance.now();
    await ingestAll(deps, [jhuGlobal]);
    console.log(`${bench.name}: first ingest of jhu-global ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const app = await buildApp({ db, webRoot: null });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const idle = await poll(port, () => new Promise((r) => setTimeout(r, 5000)));
    console.log(`${bench.name}: idle          ${summary(idle)}`);
    const t1 = performance.now();
    let runs: Awaited<ReturnType<typeof ingestAll>> = [];
    // How long the server's event loop was blocked at worst (parsing, diffing, PGlite's wasm): the
    // part of a read's wait that is not waiting for the database connection.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const during = await poll(port, async () => {
      runs = await ingestAll(deps, [jhuGlobal], { force: true });
    });
    loop.disable();
    console.log(`${bench.name}: during ingest ${summary(during)}  (ingest --force ${((performance.now() - t1) / 1000).toFixed(1)} s, ${runs.map((r) => `${r.sourceId} ${r.status}`).join(', ')}; event loop blocked at most ${(loop.max / 1e6).toFixed(0)} ms)`);
    await app.close();
  } finally {
    await db.close();
    await bench.drop();
  }
}

for (const t of targets) await measure(t === 'pglite' ? await freshPglite() : await freshPostgresSchema(PG_URL));
