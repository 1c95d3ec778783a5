/**
 * One HTTP GET with its latency, for the serving benchmark's own clients (distinct URLs,
 * the storm and its poller), which need each answer's status, headers and body rather than
 * a load generator's totals.
 */
import http from 'node:http';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** From sending the request to the last byte of the body. */
  ms: number;
}

/**
 * GETs `url` through `agent` (keep-alive pools decide the connections); rejects on a network
 * error or when no complete answer arrives within `timeoutMs`.
 */
export function getAnswer(url: string, agent: http.Agent, timeoutMs: number, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - t0 });
      });
      res.on('error', fail);
    });
    // A deadline on the whole answer, not on socket idleness: a server that trickles bytes still fails.
    const timer = setTimeout(() => req.destroy(new Error(`GET ${url}: no complete answer within ${timeoutMs} ms`)), timeoutMs);
    function fail(err: Error) {
      clearTimeout(timer);
      reject(err);
    }
    req.on('error', fail);
  });
}

/** GET that must answer 200; returns the parsed JSON body. For the unmeasured discovery requests. */
export async function getJson<T>(url: string, agent: http.Agent, timeoutMs = 120_000): Promise<T> {
  const a = await getAnswer(url, agent, timeoutMs);
  if (a.status !== 200) throw new Error(`GET ${url} answered ${a.status}: ${a.body.subarray(0, 300).toString('utf8')}`);
  return JSON.parse(a.body.toString('utf8')) as T;
}

/** Nearest-rank percentile (q in 0..1) of unsorted values; 0 for none. */
export function percentile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The start of a body for an error line: one line, at most `max` characters. */
export const bodyExcerpt = (body: Buffer, max = 200): string => body.subarray(0, max).toString('utf8').replace(/\s+/g, ' ');
