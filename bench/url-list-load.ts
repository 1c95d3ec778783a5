/**
 * Load from a list of distinct URLs: each URL is requested exactly once, by whichever of
 * `connections` keep-alive connections is free next, so no answer can come from a response
 * cache. wrk and autocannon (load.ts) repeat one request per connection, which measures the
 * cached path; this measures the uncached one.
 */
import http from 'node:http';
import { ownCpuMs } from './cpu.js';
import { bodyExcerpt, getAnswer, percentile, type Answer } from './http.js';

export interface UrlListLoadResult {
  requests: number;
  wallMs: number;
  reqPerSec: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Latency of each URL, in the order of the list. */
  latenciesMs: Float64Array;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** Non-2xx answers plus requests that got no answer (network error, timeout). */
  errors: number;
  /** The first few errors: URL, status and the start of the body (or the network error). */
  errorSamples: string[];
  /** Bytes of response bodies received. */
  bodyBytes: number;
  /** CPU this process (the client) used during the load, in cores. */
  clientCores: number;
}

const ERROR_SAMPLES = 5;

/**
 * GETs every URL once over `connections` connections. `onAnswer` sees each answer (e.g. to
 * count empty ones); keep it cheap, it runs on the client's clock.
 */
export async function loadUrlList(
  urls: readonly string[],
  connections: number,
  opts: { timeoutMs?: number; headers?: Record<string, string>; onAnswer?: (url: string, a: Answer) => void } = {},
): Promise<UrlListLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = new Float64Array(urls.length);
  const statuses: Record<string, number> = {};
  const errorSamples: string[] = [];
  let errors = 0;
  let bodyBytes = 0;
  let next = 0;
  const cpu0 = ownCpuMs();
  const t0 = performance.now();
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      const sent = performance.now();
      try {
        const a = await getAnswer(urls[i], agent, opts.timeoutMs ?? 60_000, opts.headers);
        latencies[i] = a.ms;
        statuses[a.status] = (statuses[a.status] ?? 0) + 1;
        bodyBytes += a.body.length;
        if (a.status < 200 || a.status > 299) {
          errors++;
          if (errorSamples.length < ERROR_SAMPLES) errorSamples.push(`${a.status} ${urls[i]}: ${bodyExcerpt(a.body)}`);
        }
        opts.onAnswer?.(urls[i], a);
      } catch (err) {
        latencies[i] = performance.now() - sent;
        errors++;
        statuses.none = (statuses.none ?? 0) + 1;
        if (errorSamples.length < ERROR_SAMPLES) errorSamples.push(`no answer ${urls[i]}: ${(err as Error).message}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(connections, urls.length) }, worker));
  } finally {
    agent.destroy();
  }
  const wallMs = performance.now() - t0;
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    requests: urls.length,
    wallMs,
    reqPerSec: urls.length / (wallMs / 1000),
    meanMs: urls.length ? sum / urls.length : 0,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: percentile(latencies, 1),
    latenciesMs: latencies,
    statuses,
    errors,
    errorSamples,
    bodyBytes,
    clientCores: (ownCpuMs() - cpu0) / wallMs,
  };
}
