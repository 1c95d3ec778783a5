/**
 * Part 2: requests/s of two Glacier routes against a bare Fastify route served by the same
 * child process, loaded over loopback with wrk (or autocannon, see load.ts).
 */
import http from 'node:http';
import { load, pickLoadGenerator, type LoadResult } from './load.js';
import { ACCEPT_ENCODING, BENCH_CONNECTIONS, BENCH_SECONDS, GOALS } from './config.js';
import { startServerChild } from './child.js';
import { processCpuMs } from './cpu.js';
import type { ServerPorts } from './api-server-child.js';
import { fixed, int, percent, table, verdictLines, type Verdict } from './format.js';
import type { BenchTarget } from './targets.js';

export type RouteId = 'bare' | 'series' | 'latest';

/** The load generator's figures for one route, with what the route and server add. */
export interface RouteMeasure extends LoadResult {
  route: RouteId;
  path: string;
  /** Size of one response body as sent (compressed when BENCH_ACCEPT_ENCODING asks for it). */
  bodyBytes: number;
  shareOfBare: number;
  /** CPU used during the load by the server process, in cores (1 = one core busy). */
  serverCores: number | null;
}

export interface ApiBenchResult {
  target: BenchTarget['name'];
  routes: RouteMeasure[];
  verdicts: Verdict[];
}

const ROUTES: { route: RouteId; path: string; server: keyof ServerPorts }[] = [
  { route: 'bare', path: '/bare', server: 'bare' },
  { route: 'series', path: '/v1/series?location=DE&metric=confirmed', server: 'glacier' },
  { route: 'latest', path: '/v1/latest?metric=confirmed&level=country', server: 'glacier' },
];

const WARMUP_REQUESTS = 20;
const HEADERS: Record<string, string> = ACCEPT_ENCODING ? { 'accept-encoding': ACCEPT_ENCODING } : {};

export async function runApiBench(target: BenchTarget, withGoals: boolean, log: (s: string) => void): Promise<ApiBenchResult> {
  const gen = pickLoadGenerator();
  log(`${target.name} (${target.where}): ${gen}, ${BENCH_SECONDS} s per route, ${BENCH_CONNECTIONS} connections, after ${WARMUP_REQUESTS} warm-up requests, Accept-Encoding: ${ACCEPT_ENCODING ?? '(none)'}`);
  const server = await startServerChild<ServerPorts>('bench/api-server-child.ts', [JSON.stringify(target.target)]);
  const measured: Omit<RouteMeasure, 'shareOfBare'>[] = [];
  try {
    for (const r of ROUTES) {
      const url = `http://127.0.0.1:${server.info[r.server]}${r.path}`;
      const bodyBytes = await warmUp(url);
      const serverCpu0 = processCpuMs(server.pid);
      const t0 = performance.now();
      const res = await load(gen, url, BENCH_SECONDS, BENCH_CONNECTIONS, HEADERS);
      const wallMs = performance.now() - t0;
      const serverCpu1 = processCpuMs(server.pid);
      measured.push({
        route: r.route,
        path: r.path,
        bodyBytes,
        ...res,
        serverCores: serverCpu0 === null || serverCpu1 === null ? null : (serverCpu1 - serverCpu0) / wallMs,
      });
    }
  } finally {
    await server.stop();
  }

  const bare = measured.find((m) => m.route === 'bare')!.reqPerSec;
  const routes: RouteMeasure[] = measured.map((m) => ({ ...m, shareOfBare: bare > 0 ? m.reqPerSec / bare : 0 }));
  log(
    table(
      ['route', 'body B', 'req/s', 'mean ms', 'p50 ms', 'p99 ms', 'requests', 'errors', 'non-2xx', 'srv CPU', 'gen CPU', 'srv µs/req', 'of bare'],
      routes.map((m) => [
        m.path,
        int(m.bodyBytes),
        int(m.reqPerSec),
        fixed(m.meanMs, 2),
        ms(m.p50Ms),
        ms(m.p99Ms),
        int(m.requests),
        int(m.errors),
        int(m.non2xx),
        m.serverCores === null ? '?' : fixed(m.serverCores, 2),
        fixed(m.clientCores, 2),
        serverMicrosPerRequest(m) === null ? '?' : int(serverMicrosPerRequest(m)!),
        percent(m.shareOfBare),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  const verdicts = withGoals ? apiVerdicts(target.name, routes) : [];
  const bad = routes.filter((m) => m.errors || m.non2xx);
  if (bad.length) log(`WARNING: errors or non-2xx answers on ${bad.map((m) => m.path).join(', ')}; their req/s do not count`);
  if (verdicts.length) log(`\n${verdictLines(verdicts)}`);
  return { target: target.name, routes, verdicts };
}

const ms = (v: number) => (v < 1 ? fixed(v, 2) : int(v));

/** Server CPU time per request (µs), or null without /proc. */
export const serverMicrosPerRequest = (m: RouteMeasure): number | null =>
  m.serverCores === null || m.reqPerSec === 0 ? null : (m.serverCores * 1e6) / m.reqPerSec;

function apiVerdicts(name: string, routes: RouteMeasure[]): Verdict[] {
  const bare = serverMicrosPerRequest(routes.find((x) => x.route === 'bare')!);
  const goal = (route: RouteId, min: number, label: string): Verdict => {
    const m = routes.find((x) => x.route === route)!;
    const clean = m.errors === 0 && m.non2xx === 0;
    const mine = serverMicrosPerRequest(m);
    // What the share would be if the server alone were the limit (independent of the load generator).
    const serverBound = bare !== null && mine !== null ? `; server CPU/request ${int(mine)} µs vs bare ${int(bare)} µs → ${percent(bare / mine)} if server-bound` : '';
    return {
      goal: `${label} on ${name} ≥ ${percent(min)} of bare req/s`,
      measured: `${percent(m.shareOfBare)} (${int(m.reqPerSec)} req/s)${clean ? '' : ', with errors'}${serverBound}`,
      pass: clean && m.shareOfBare >= min,
    };
  };
  return [goal('series', GOALS.seriesMinShareOfBare, '/v1/series'), goal('latest', GOALS.latestMinShareOfBare, '/v1/latest')];
}

/** A few sequential requests (fills caches, JIT); fails unless every answer is 200. Returns the body size. */
async function warmUp(url: string): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < WARMUP_REQUESTS; i++) {
    const { status, body } = await get(url);
    if (status !== 200) throw new Error(`warm-up: GET ${url} answered ${status}: ${body.subarray(0, 300).toString('utf8')}`);
    bytes = body.length;
  }
  return bytes;
}

function get(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 30_000, headers: HEADERS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`warm-up: GET ${url} timed out`)));
    req.on('error', reject);
  });
}
