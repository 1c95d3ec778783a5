/**
 * Part 3c (PostgreSQL only, run with part 3b): uncached /v1/series with 1 and 2 server
 * processes (Node's cluster module, as `glacier serve --workers N`), and 1 process whose reads go
 * through the read-replica routing (each uncached answer in one read-only REPEATABLE READ
 * transaction: what DATABASE_READ_URL adds per request, measured with the same server as replica).
 * Each configuration is a fresh server child (empty response cache) sent the same distinct URLs
 * after the same warm-up; the rounds alternate the configurations so a drift of the machine's load
 * hits all of them.
 */
import { startServerChild } from './child.js';
import { ACCEPT_ENCODING, SERVING_CONNECTIONS, SERVING_SEED, SERVING_SERIES_REQUESTS } from './config.js';
import { processCpuMs } from './cpu.js';
import { fixed, int, table } from './format.js';
import { percentile } from './http.js';
import type { ServerChildOptions, ServerPorts } from './api-server-child.js';
import { seriesPaths, type Catalog } from './serving-urls.js';
import type { BenchTarget } from './targets.js';
import { loadUrlList } from './url-list-load.js';

/** BENCH_PROCESS_ROUNDS (default 2): rounds of the three configurations. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_PROCESS_ROUNDS ?? 2) || 2);
const WARMUP_URLS = 200;
const HEADERS: Record<string, string> = ACCEPT_ENCODING ? { 'accept-encoding': ACCEPT_ENCODING } : {};

export interface ProcessesMeasure {
  label: string;
  processes: number;
  pinned: boolean;
  /** req/s of each round. */
  reqPerSec: number[];
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** CPU of the serving processes during the load, in cores (PostgreSQL's backends not included). */
  serverCores: number | null;
}

const CONFIGS: { label: string; options: Required<ServerChildOptions> }[] = [
  { label: '1 process', options: { workers: 1, pinnedReads: false } },
  { label: '2 processes (cluster)', options: { workers: 2, pinnedReads: false } },
  { label: '1 process, reads pinned (replica routing)', options: { workers: 1, pinnedReads: true } },
];

export async function runProcessesBench(target: BenchTarget, catalog: Catalog, log: (s: string) => void): Promise<ProcessesMeasure[]> {
  // Other URLs than part 3b's (another seed): nothing is answered from a cache of the database either.
  const paths = seriesPaths(catalog, WARMUP_URLS + SERVING_SERIES_REQUESTS, SERVING_SEED + 1).map((u) => u.path);
  const results = CONFIGS.map((c): ProcessesMeasure & { latencies: number[]; cpu: number[] } => ({
    label: c.label, processes: c.options.workers, pinned: c.options.pinnedReads, reqPerSec: [], p50Ms: 0, p99Ms: 0, errors: 0, serverCores: null, latencies: [], cpu: [],
  }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, c] of CONFIGS.entries()) {
      const server = await startServerChild<ServerPorts>('bench/api-server-child.ts', [JSON.stringify(target.target), JSON.stringify(c.options)]);
      try {
        const base = `http://127.0.0.1:${server.info.glacier}`;
        const warm = await loadUrlList(paths.slice(0, WARMUP_URLS).map((p) => base + p), SERVING_CONNECTIONS, { headers: HEADERS });
        if (warm.errors) throw new Error(`warm-up (${c.label}): ${warm.errors} errors: ${warm.errorSamples.join(' | ')}`);
        const cpu = () => {
          let sum = 0;
          for (const pid of server.info.pids) {
            const v = processCpuMs(pid);
            if (v === null) return null;
            sum += v;
          }
          return sum;
        };
        const cpu0 = cpu();
        const r = await loadUrlList(paths.slice(WARMUP_URLS).map((p) => base + p), SERVING_CONNECTIONS, { headers: HEADERS });
        const cpu1 = cpu();
        const m = results[i];
        m.reqPerSec.push(r.reqPerSec);
        m.errors += r.errors;
        m.latencies.push(...r.latenciesMs);
        if (cpu0 !== null && cpu1 !== null) m.cpu.push((cpu1 - cpu0) / r.wallMs);
        for (const e of r.errorSamples) log(`  error (${c.label}): ${e}`);
      } finally {
        await server.stop();
      }
    }
  }
  const out = results.map(({ latencies, cpu, ...m }) => ({
    ...m,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    serverCores: cpu.length ? cpu.reduce((a, b) => a + b, 0) / cpu.length : null,
  }));
  log(`\n(c) processes: the same ${int(SERVING_SERIES_REQUESTS)} distinct uncached /v1/series URLs (seed ${SERVING_SEED + 1}) from ${SERVING_CONNECTIONS} connections, after ${WARMUP_URLS} others as warm-up, to a fresh server child per configuration; ${ROUNDS} round(s), configurations alternating`);
  log(processesTable(out));
  return out;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function processesTable(ms: ProcessesMeasure[]): string {
  const one = median(ms[0].reqPerSec);
  return table(
    ['configuration', 'req/s per round', 'median req/s', 'vs 1 process', 'p50 ms', 'p99 ms', 'errors', 'srv CPU cores'],
    ms.map((m) => [
      m.label, m.reqPerSec.map((r) => int(r)).join(', '), int(median(m.reqPerSec)), `${fixed(median(m.reqPerSec) / one, 2)}×`,
      fixed(m.p50Ms, 1), fixed(m.p99Ms, 1), int(m.errors), m.serverCores === null ? '?' : fixed(m.serverCores, 2),
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

/** One line for the summary block. */
export function processesSummaryLine(ms: ProcessesMeasure[]): string {
  return `processes (PostgreSQL, uncached series): ${ms.map((m) => `${m.label} ${int(median(m.reqPerSec))} req/s`).join(' · ')}`;
}
