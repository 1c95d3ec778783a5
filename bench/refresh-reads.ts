/**
 * Reads while a refresh runs: p50/p99 of an uncached GET /v1/series?location=DE&metric=confirmed
 * (each request a different `to`, so the response cache never answers) from one polling client,
 * first on an idle server, then while jhu-global (every vintage in the mirror) is re-ingested
 * with --force in the same process. On PGlite (one connection, queries on the main thread) a
 * reader waits for whatever the ingest holds the connection for.
 *
 *   npx tsx bench/refresh-reads.ts            # PGlite and PostgreSQL
 *   BENCH_TARGETS=pglite npx tsx bench/refresh-reads.ts
 */
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
    let i = 0;
    const poll = async (until: () => boolean): Promise<number[]> => {
      const times: number[] = [];
      while (!until()) {
        // A different `to` each time: never a cache hit.
        const day = new Date(Date.UTC(2021, 0, 1) + (i++ % 700) * 86_400_000).toISOString().slice(0, 10);
        const s = performance.now();
        const r = await app.inject({ method: 'GET', url: `/v1/series?location=DE&metric=confirmed&to=${day}` });
        times.push(performance.now() - s);
        if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
        // Let the ingest's own awaits interleave, as a network client's requests would.
        await new Promise((res) => setImmediate(res));
      }
      return times;
    };
    const idleUntil = performance.now() + 5000;
    console.log(`${bench.name}: idle          ${summary(await poll(() => performance.now() > idleUntil))}`);
    let done = false;
    const t1 = performance.now();
    const ingest = ingestAll(deps, [jhuGlobal], { force: true }).finally(() => (done = true));
    const during = await poll(() => done);
    const runs = await ingest;
    console.log(`${bench.name}: during ingest ${summary(during)}  (ingest --force ${((performance.now() - t1) / 1000).toFixed(1)} s, ${runs.map((r) => `${r.sourceId} ${r.status}`).join(', ')})`);
    await app.close();
  } finally {
    await db.close();
    await bench.drop();
  }
}

for (const t of targets) await measure(t === 'pglite' ? await freshPglite() : await freshPostgresSchema(PG_URL));
