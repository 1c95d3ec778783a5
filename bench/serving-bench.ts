/**
 * Part 3b, serving under load, against a real server process (api-server-child.ts over the
 * database the API part serves): (a) distinct, uncached /v1/series requests from 16
 * connections; (b) the storm of expensive requests while a cached series is polled; (c) on
 * PostgreSQL, uncached series with 1 and 2 server processes and with pinned reads (processes-bench.ts).
 */
import http from 'node:http';
import { LOCATION_LEVELS } from '../src/domain/location.js';
import { startServerChild } from './child.js';
import { ACCEPT_ENCODING, GOALS, SERVING_CONNECTIONS, SERVING_SEED, SERVING_SERIES_REQUESTS } from './config.js';
import { processCpuMs } from './cpu.js';
import { fixed, int, seconds, table, verdictLines, type Verdict } from './format.js';
import { getJson, percentile } from './http.js';
import { backendPidsOf, totalCpuMs } from './pg-backends.js';
import type { ServerPorts } from './api-server-child.js';
import { processesSummaryLine, runProcessesBench, type ProcessesMeasure } from './processes-bench.js';
import { readCatalog, seriesPaths, stormPaths, type Catalog, type SeriesUrl } from './serving-urls.js';
import { POLL_EVERY_MS, runStorm, type PollStats, type StormResult } from './storm.js';
import type { BenchTarget } from './targets.js';
import { loadUrlList, type UrlListLoadResult } from './url-list-load.js';

export interface UncachedSeriesMeasure extends UrlListLoadResult {
  /** 200 answers whose series has at least one value (the rest are empty: e.g. an as_of before the data was published). */
  withData: number;
  /** CPU the server process used during the load, in cores (PostgreSQL backends not included). */
  serverCores: number | null;
  /** CPU the server's PostgreSQL backends used during the load, in cores (null on PGlite, which runs inside the server). */
  dbCores: number | null;
  /** Latency by location level and with or without as_of. */
  groups: { level: string; asOf: boolean; requests: number; p50Ms: number; p99Ms: number }[];
}

export interface ServingBenchResult {
  target: BenchTarget['name'];
  uncached: UncachedSeriesMeasure;
  storm: StormResult;
  /** Part (c), PostgreSQL only. */
  processes: ProcessesMeasure[] | null;
  verdicts: Verdict[];
}

/** Distinct URLs sent (not measured) before the load: JIT, connection pools. */
const WARMUP_URLS = 200;
/** The cached request the storm's poller repeats. */
export const POLL_PATH = '/v1/series?location=DE&metric=confirmed';
const HEADERS: Record<string, string> = ACCEPT_ENCODING ? { 'accept-encoding': ACCEPT_ENCODING } : {};

export async function runServingBench(target: BenchTarget, log: (s: string) => void): Promise<ServingBenchResult> {
  const server = await startServerChild<ServerPorts>('bench/api-server-child.ts', [JSON.stringify(target.target)]);
  const base = `http://127.0.0.1:${server.info.glacier}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const catalog = await readCatalog(base, agent);
    log(`${target.name} (${target.where}): ${catalogLine(catalog)}`);
    const paths = seriesPaths(catalog, WARMUP_URLS + SERVING_SERIES_REQUESTS, SERVING_SEED);
    const warm = await loadUrlList(paths.slice(0, WARMUP_URLS).map((u) => base + u.path), SERVING_CONNECTIONS, { headers: HEADERS });
    if (warm.errors) throw new Error(`warm-up: ${warm.errors} of ${WARMUP_URLS} series requests failed: ${warm.errorSamples.join(' | ')}`);

    // After the warm-up the server's pool holds its connections, so its backends can be found.
    const backends = target.target.kind === 'postgres' ? await backendPidsOf(server.pid, target.target.url) : [];
    const uncached = await measureUncached(server.pid, backends, base, paths.slice(WARMUP_URLS));
    log(`\n(a) uncached mixed load: ${int(uncached.requests)} distinct /v1/series URLs (seed ${SERVING_SEED}, half with as_of), each once, ${SERVING_CONNECTIONS} connections, after ${WARMUP_URLS} other distinct URLs as warm-up${backends.length ? `; the server holds ${backends.length} PostgreSQL connections` : ''}`);
    log(uncachedTable(uncached));
    log('');
    log(groupsTable(uncached));
    for (const e of uncached.errorSamples) log(`  error: ${e}`);

    // The first answer to the poller's URL builds its cache entry; the storm's polls must find it there.
    for (let i = 0; i < 5; i++) await getJson(base + POLL_PATH, agent);
    const storm = await runStorm(base, POLL_PATH, stormPaths(catalog));
    log(`\n(b) the storm: ${storm.answers.length} distinct expensive requests at once, while one client polls ${POLL_PATH} (cached) every ~${POLL_EVERY_MS} ms`);
    log(stormTable(storm));
    log('');
    log(pollerTable(storm));
    for (const a of storm.answers.filter((x) => x.error)) log(`  error: ${a.path}: ${a.error}`);

    const verdicts = servingVerdicts(target.name, uncached, storm);
    log(`\n${verdictLines(verdicts)}`);
    agent.destroy();
    await server.stop();
    // Several processes share one database only on PostgreSQL (PGlite belongs to one process).
    const processes = target.target.kind === 'postgres' ? await runProcessesBench(target, catalog, log) : null;
    return { target: target.name, uncached, storm, processes, verdicts };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

async function measureUncached(serverPid: number, backends: number[], base: string, urls: SeriesUrl[]): Promise<UncachedSeriesMeasure> {
  let withData = 0;
  const cpu0 = processCpuMs(serverPid);
  const db0 = backends.length ? totalCpuMs(backends) : null;
  const r = await loadUrlList(urls.map((u) => base + u.path), SERVING_CONNECTIONS, {
    headers: HEADERS,
    // A byte search, not a JSON parse: the client shares the CPU with the server.
    onAnswer: (_url, a) => void (a.status === 200 && !a.body.includes('"values":[]') && withData++),
  });
  const cpu1 = processCpuMs(serverPid);
  const db1 = backends.length ? totalCpuMs(backends) : null;
  const groups: UncachedSeriesMeasure['groups'] = [];
  for (const level of LOCATION_LEVELS) {
    for (const asOf of [false, true]) {
      const lat = urls.flatMap((u, i) => (u.level === level && u.asOf === asOf ? [r.latenciesMs[i]] : []));
      if (lat.length) groups.push({ level, asOf, requests: lat.length, p50Ms: percentile(lat, 0.5), p99Ms: percentile(lat, 0.99) });
    }
  }
  return {
    ...r, withData, groups,
    serverCores: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / r.wallMs,
    dbCores: db0 === null || db1 === null ? null : (db1 - db0) / r.wallMs,
  };
}

/** CPU time per request of the server process, and of its PostgreSQL backends when they are known. */
function cpuPerRequest(m: UncachedSeriesMeasure): string {
  const per = (cores: number) => fixed((cores * 1000) / m.reqPerSec, 2);
  if (m.serverCores === null) return '?';
  return m.dbCores === null ? per(m.serverCores) : `${per(m.serverCores)}+${per(m.dbCores)}`;
}

function groupsTable(m: UncachedSeriesMeasure): string {
  return table(
    ['level', 'as_of', 'requests', 'p50 ms', 'p99 ms'],
    m.groups.map((g) => [g.level, g.asOf ? 'yes' : 'no', int(g.requests), ms(g.p50Ms), ms(g.p99Ms)]),
    ['l', 'l', 'r', 'r', 'r'],
  );
}

function catalogLine(c: Catalog): string {
  const byLevel = new Map<string, Set<string>>();
  for (const e of c.entries) {
    const s = byLevel.get(e.level) ?? new Set<string>();
    for (const l of e.locations) s.add(l);
    byLevel.set(e.level, s);
  }
  const levels = [...byLevel].map(([level, s]) => `${int(s.size)} ${level}`).join(', ');
  const metrics = [...new Set(c.entries.map((e) => e.metric))].join(', ');
  return `locations with data: ${levels}; metrics: ${metrics}; data ${c.dataStart} .. ${c.dataEnd}`;
}

const ms = (v: number) => (v < 10 ? fixed(v, 1) : int(v));

function uncachedTable(m: UncachedSeriesMeasure): string {
  const statuses = Object.entries(m.statuses).map(([s, n]) => `${s}×${int(n)}`).join(' ');
  return table(
    ['requests', 'with data', 'wall s', 'req/s', 'mean ms', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'statuses', 'avg body B', 'srv CPU', 'db CPU', 'gen CPU', 'CPU ms/req srv+db'],
    [[
      int(m.requests), int(m.withData), seconds(m.wallMs), int(m.reqPerSec), ms(m.meanMs), ms(m.p50Ms), ms(m.p99Ms), ms(m.maxMs), int(m.errors), statuses,
      int(m.bodyBytes / Math.max(1, m.requests)), m.serverCores === null ? '?' : fixed(m.serverCores, 2),
      m.dbCores === null ? '-' : fixed(m.dbCores, 2), fixed(m.clientCores, 2), cpuPerRequest(m),
    ]],
  );
}

function stormTable(s: StormResult): string {
  const rows = s.answers.map((a) => [a.path, a.status === null ? 'none' : `${a.status}${a.code ? ` ${a.code}` : ''}${a.shed ? ' (shed)' : ''}`, seconds(a.ms), int(a.bytes)]);
  rows.push([`all ${s.answers.length}: ${s.ok} ok, ${s.shed} shed (coded 503), ${s.errors} errors`, '', seconds(s.allAnsweredMs), '']);
  return table(['request', 'status', 's', 'body B'], rows, ['l', 'r', 'r', 'r']);
}

function pollerTable(s: StormResult): string {
  const row = (label: string, p: PollStats) => [label, int(p.polls), ms(p.p50Ms), ms(p.p99Ms), ms(p.maxMs), int(p.errors)];
  return table(['poller', 'polls', 'p50 ms', 'p99 ms', 'max ms', 'errors'], [row('before the storm (1 s)', s.pollerQuiet), row('during the storm', s.pollerDuringStorm)], ['l', 'r', 'r', 'r', 'r', 'r']);
}

function servingVerdicts(name: BenchTarget['name'], u: UncachedSeriesMeasure, s: StormResult): Verdict[] {
  const verdicts: Verdict[] = [];
  const uncachedMeasured = `${int(u.reqPerSec)} req/s, p50 ${ms(u.p50Ms)} ms, p99 ${ms(u.p99Ms)} ms, ${int(u.errors)} errors`;
  if (name === 'PostgreSQL') {
    verdicts.push({
      goal: `uncached /v1/series on ${name} ≥ ${int(GOALS.uncachedSeriesMinReqPerSec)} req/s, 0 errors`,
      measured: uncachedMeasured,
      pass: u.reqPerSec >= GOALS.uncachedSeriesMinReqPerSec && u.errors === 0,
    });
  } else {
    verdicts.push({ goal: `uncached /v1/series on ${name}: 0 errors`, measured: uncachedMeasured, pass: u.errors === 0 });
  }
  const p = s.pollerDuringStorm;
  verdicts.push({
    goal: `storm on ${name}: poller p99 ≤ ${GOALS.stormPollerMaxP99Ms} ms, 0 errors`,
    measured: `p99 ${ms(p.p99Ms)} ms (max ${ms(p.maxMs)}, ${p.polls} polls, ${p.errors} failed); ${s.answers.length} answered in ${seconds(s.allAnsweredMs)} s: ${s.ok} ok, ${s.shed} shed, ${s.errors} errors`,
    pass: p.p99Ms <= GOALS.stormPollerMaxP99Ms && p.errors === 0 && s.errors === 0,
  });
  return verdicts;
}

/** One line per target for the summary block. */
export function servingSummaryLine(r: ServingBenchResult): string {
  const u = r.uncached;
  const s = r.storm;
  const p = s.pollerDuringStorm;
  const processes = r.processes ? `\n${processesSummaryLine(r.processes)}` : '';
  return (
    `serving ${r.target}: uncached series ${int(u.reqPerSec)} req/s p50 ${ms(u.p50Ms)} p99 ${ms(u.p99Ms)} ms, ${int(u.errors)} errors · ` +
    `storm ${s.answers.length} in ${seconds(s.allAnsweredMs)} s (${s.ok} ok, ${s.shed} shed, ${s.errors} errors), poller p50 ${ms(p.p50Ms)} p99 ${ms(p.p99Ms)} max ${ms(p.maxMs)} ms${processes}`
  );
}
