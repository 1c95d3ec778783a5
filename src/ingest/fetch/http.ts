import { setTimeout as delay } from 'node:timers/promises';
import {
  FetchError,
  httpStatusError,
  networkErrorDetails,
  offlineError,
  timeoutError,
} from './errors.js';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type HttpResult =
  | { status: 200; body: Buffer; etag?: string; lastModified?: string }
  | { status: 304; etag?: string; lastModified?: string };

export interface HttpClient {
  /** GET `url`; with validators, a conditional GET that may answer 304. */
  get(url: string, validators?: Validators): Promise<HttpResult>;
}

export interface HttpClientOptions {
  fetchImpl?: typeof fetch;
  /** Per attempt, covering connect, headers and the whole body. Default 30 000. */
  timeoutMs?: number;
  /** Extra attempts after the first. Default 3. */
  retries?: number;
  /** First retry delay; doubled each retry, ±25 % jitter. Default 500. */
  backoffMs?: number;
  /** Jitter source in [0, 1). Default Math.random. */
  random?: () => number;
  /** Waits between attempts. Default a real timer. */
  sleep?: (ms: number) => Promise<void>;
  userAgent?: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRIES = 3;
export const DEFAULT_BACKOFF_MS = 500;
export const MAX_RETRY_AFTER_MS = 30_000;
export const DEFAULT_USER_AGENT = 'glacier/0.1 (+COVID-19 data platform)';

/** Host unreachable: fail fast, never retried (offline must never hang). */
const FAIL_FAST_CODES = new Set([
  'ENOTFOUND',
  'EAI_NODATA',
  'EAI_NONAME',
  'ECONNREFUSED',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
]);
/** Dropped connections: retried. */
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
/** Timeouts reported by the socket layer rather than by our AbortSignal: retried. */
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
/** Temporary DNS failure: retried once. */
const DNS_TEMPORARY = 'EAI_AGAIN';

type Attempt =
  | { kind: 'ok'; result: HttpResult }
  | { kind: 'status'; status: number; statusText: string; retryAfterMs?: number }
  | { kind: 'error'; error: unknown; phase: 'connect' | 'body'; timedOut: boolean };

/** Retry-After as milliseconds (delta-seconds or HTTP-date), capped; undefined when absent/unparseable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - now);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

function headerOrUndefined(headers: Headers, name: string): string | undefined {
  const v = headers.get(name);
  return v === null ? undefined : v;
}

function cancelBody(res: Response): void {
  res.body?.cancel().catch(() => {});
}

/** Read the whole body, failing when `signal` fires even if fetchImpl ignores it for the body. */
async function readBody(res: Response, signal: AbortSignal): Promise<Buffer> {
  if (signal.aborted) {
    cancelBody(res);
    throw signal.reason;
  }
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      cancelBody(res);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return Buffer.from(await Promise.race([res.arrayBuffer(), aborted]));
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
    aborted.catch(() => {});
  }
}

export function createHttpClient(opts: HttpClientOptions = {}): HttpClient {
  const fetchImpl = opts.fetchImpl ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, opts.retries ?? DEFAULT_RETRIES);
  const backoffMs = opts.backoffMs ?? DEFAULT_BACKOFF_MS;
  const random = opts.random ?? Math.random;
  const sleep = opts.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
  const userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;

  const backoff = (retryIndex: number): number =>
    Math.round(backoffMs * 2 ** retryIndex * (0.75 + 0.5 * random()));

  async function attempt(url: string, validators: Validators | undefined): Promise<Attempt> {
    const headers: Record<string, string> = { 'user-agent': userAgent, accept: '*/*' };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    const signal = AbortSignal.timeout(timeoutMs);
    let res: Response;
    try {
      res = await fetchImpl(url, { method: 'GET', headers, signal, redirect: 'follow' });
    } catch (error) {
      return { kind: 'error', error, phase: 'connect', timedOut: signal.aborted };
    }
    const etag = headerOrUndefined(res.headers, 'etag');
    const lastModified = headerOrUndefined(res.headers, 'last-modified');
    const withValidators = <T extends object>(r: T) => ({
      ...r,
      ...(etag !== undefined ? { etag } : {}),
      ...(lastModified !== undefined ? { lastModified } : {}),
    });
    if (res.status === 304) {
      cancelBody(res);
      return { kind: 'ok', result: withValidators({ status: 304 as const }) };
    }
    if (res.status >= 200 && res.status <= 299) {
      try {
        const body = await readBody(res, signal);
        return { kind: 'ok', result: withValidators({ status: 200 as const, body }) };
      } catch (error) {
        return { kind: 'error', error, phase: 'body', timedOut: signal.aborted };
      }
    }
    cancelBody(res);
    return {
      kind: 'status',
      status: res.status,
      statusText: res.statusText,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
    };
  }

  async function get(url: string, validators?: Validators): Promise<HttpResult> {
    new URL(url); // throws TypeError on a malformed URL: a configuration bug, not a network failure
    let eaiAgainRetried = false;
    for (let n = 0; ; n++) {
      const attempts = n + 1;
      const canRetry = n < retries;
      const outcome = await attempt(url, validators);
      if (outcome.kind === 'ok') return outcome.result;

      if (outcome.kind === 'status') {
        if (canRetry && isRetryableStatus(outcome.status)) {
          await sleep(outcome.retryAfterMs ?? backoff(n));
          continue;
        }
        throw httpStatusError(url, outcome.status, outcome.statusText, attempts);
      }

      const { error, phase } = outcome;
      if (error instanceof FetchError) throw error;
      const { code } = networkErrorDetails(error);
      const errName = (error as { name?: unknown } | null)?.name;
      const timedOut =
        outcome.timedOut || errName === 'TimeoutError' || (code !== undefined && TIMEOUT_CODES.has(code));
      if (timedOut) {
        if (canRetry) {
          await sleep(backoff(n));
          continue;
        }
        throw timeoutError(url, timeoutMs, attempts, error);
      }
      if (code !== undefined && FAIL_FAST_CODES.has(code)) {
        throw offlineError(url, error, { attempts });
      }
      if (code === DNS_TEMPORARY) {
        if (canRetry && !eaiAgainRetried) {
          eaiAgainRetried = true;
          await sleep(backoff(n));
          continue;
        }
        throw offlineError(url, error, { attempts });
      }
      if (code !== undefined && TRANSIENT_CODES.has(code)) {
        if (canRetry) {
          await sleep(backoff(n));
          continue;
        }
        throw offlineError(url, error, { attempts, duringBody: phase === 'body' });
      }
      // Any other failure of the network layer: report it as "cannot reach", without retrying.
      if (code !== undefined || error instanceof TypeError) {
        throw offlineError(url, error, { attempts, duringBody: phase === 'body' });
      }
      throw error;
    }
  }

  return { get };
}
