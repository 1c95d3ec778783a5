/**
 * The storm: distinct expensive requests sent at once, while one client polls a cached cheap
 * URL every ~10 ms. Measures how long all of them take to be answered, how each was answered,
 * and how long the cheap request waited meanwhile (a server that computes on its event loop
 * makes the poller wait for the computation).
 */
import http from 'node:http';
import { bodyExcerpt, getAnswer, percentile, type Answer } from './http.js';

export interface StormAnswer {
  path: string;
  /** HTTP status, or null when no answer came (network error, timeout). */
  status: number | null;
  ms: number;
  bytes: number;
  /** The error code of a non-2xx answer's body, if it has one. */
  code: string | null;
  /** A coded 503 with Retry-After: the server shed the load (queue full or time budget spent), an allowed answer. */
  shed: boolean;
  /** Why this answer counts as an error (null when it does not). */
  error: string | null;
}

export interface PollStats {
  polls: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Polls answered other than 200, or not answered. */
  errors: number;
}

export interface StormResult {
  answers: StormAnswer[];
  /** From sending the requests to the last answer. */
  allAnsweredMs: number;
  ok: number;
  shed: number;
  errors: number;
  /** The poller alone for a second before the storm, and during it. */
  pollerQuiet: PollStats;
  pollerDuringStorm: PollStats;
}

export const POLL_EVERY_MS = 10;
const QUIET_POLL_MS = 1_000;
/** Longer than any time budget a server should set; a request still open then is an error. */
const STORM_TIMEOUT_MS = 300_000;
const POLL_TIMEOUT_MS = 30_000;

export async function runStorm(base: string, pollPath: string, paths: readonly string[]): Promise<StormResult> {
  // The poller has a connection of its own, as a separate client would.
  const pollAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const stormAgent = new http.Agent({ keepAlive: false, maxSockets: paths.length });
  try {
    const quiet = await poll(base + pollPath, pollAgent, sleep(QUIET_POLL_MS));
    const t0 = performance.now();
    const storm = Promise.all(paths.map((p) => stormRequest(base, p, stormAgent)));
    const during = await poll(base + pollPath, pollAgent, storm.then(() => undefined));
    const answers = await storm;
    const allAnsweredMs = performance.now() - t0;
    return {
      answers,
      allAnsweredMs,
      ok: answers.filter((a) => a.status !== null && a.status >= 200 && a.status <= 299).length,
      shed: answers.filter((a) => a.shed).length,
      errors: answers.filter((a) => a.error !== null).length,
      pollerQuiet: quiet,
      pollerDuringStorm: during,
    };
  } finally {
    pollAgent.destroy();
    stormAgent.destroy();
  }
}

async function stormRequest(base: string, path: string, agent: http.Agent): Promise<StormAnswer> {
  const t0 = performance.now();
  try {
    const a = await getAnswer(base + path, agent, STORM_TIMEOUT_MS);
    const ok = a.status >= 200 && a.status <= 299;
    const code = ok ? null : errorCode(a);
    // 503 + Retry-After + the coded error body: the load shedding the issue allows.
    const shed = a.status === 503 && code !== null && a.headers['retry-after'] !== undefined;
    return { path, status: a.status, ms: a.ms, bytes: a.body.length, code, shed, error: ok || shed ? null : `${a.status}: ${bodyExcerpt(a.body)}` };
  } catch (err) {
    return { path, status: null, ms: performance.now() - t0, bytes: 0, code: null, shed: false, error: (err as Error).message };
  }
}

/** `error.code` of Glacier's error body, or null when the body is not one. */
function errorCode(a: Answer): string | null {
  try {
    const code = (JSON.parse(a.body.toString('utf8')) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && code.length > 0 ? code : null;
  } catch {
    return null;
  }
}

/** GETs `url` every POLL_EVERY_MS (or as soon as the previous answer came, if later) until `until` settles. */
async function poll(url: string, agent: http.Agent, until: Promise<unknown>): Promise<PollStats> {
  let done = false;
  const stop = () => (done = true);
  until.then(stop, stop);
  const latencies: number[] = [];
  let errors = 0;
  // At least one poll, so even an instant storm is measured.
  do {
    const t0 = performance.now();
    try {
      const a = await getAnswer(url, agent, POLL_TIMEOUT_MS);
      latencies.push(a.ms);
      if (a.status !== 200) errors++;
    } catch {
      latencies.push(performance.now() - t0);
      errors++;
    }
    const wait = POLL_EVERY_MS - (performance.now() - t0);
    if (!done && wait > 0) await sleep(wait);
  } while (!done);
  return { polls: latencies.length, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), maxMs: percentile(latencies, 1), errors };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
