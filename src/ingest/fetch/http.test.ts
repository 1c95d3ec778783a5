import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError, OFFLINE_HINT } from './errors.js';
import { createHttpClient, parseRetryAfter } from './http.js';

type Handler = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;
const servers: Server[] = [];

/** A local server on 127.0.0.1:<ephemeral>; `attempts()` counts the requests it received. */
async function serve(handler: Handler): Promise<{ url: string; attempts: () => number; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res, requests.length);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/file.csv`, attempts: () => requests.length, requests };
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

function recordingSleep() {
  const calls: number[] = [];
  return { calls, sleep: async (ms: number) => void calls.push(ms) };
}

async function rejection(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    return e as FetchError;
  }
  throw new Error('expected a rejection');
}

describe('createHttpClient', () => {
  it('returns body and validators on 200, sends a user agent and no conditional headers', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Thu, 09 Mar 2023 00:00:00 GMT' });
      res.end('a,b\n1,2\n');
    });
    const r = await createHttpClient({ userAgent: 'glacier-test' }).get(srv.url);
    expect(r.status).toBe(200);
    if (r.status !== 200) throw new Error('unreachable');
    expect(r.body.toString()).toBe('a,b\n1,2\n');
    expect(r.etag).toBe('"v1"');
    expect(r.lastModified).toBe('Thu, 09 Mar 2023 00:00:00 GMT');
    const h = srv.requests[0].headers;
    expect(h['user-agent']).toBe('glacier-test');
    expect(h['if-none-match']).toBeUndefined();
    expect(h['if-modified-since']).toBeUndefined();
  });

  it('sends If-None-Match / If-Modified-Since and reports 304', async () => {
    const srv = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
      } else {
        res.writeHead(200, { etag: '"v1"' });
        res.end('x');
      }
    });
    const r = await createHttpClient().get(srv.url, { etag: '"v1"', lastModified: 'Thu, 09 Mar 2023 00:00:00 GMT' });
    expect(r).toEqual({ status: 304, etag: '"v1"' });
    expect(srv.requests[0].headers['if-modified-since']).toBe('Thu, 09 Mar 2023 00:00:00 GMT');
  });

  it('keeps gzip file bytes as sent (no decoding here)', async () => {
    const gz = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3, 1, 2, 3]);
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(gz);
    });
    const r = await createHttpClient().get(srv.url);
    expect(r.status === 200 && r.body.equals(gz)).toBe(true);
  });

  it('retries 503 with doubling backoff, then succeeds', async () => {
    const srv = await serve((_req, res, n) => {
      if (n <= 2) {
        res.writeHead(503);
        res.end('busy');
      } else {
        res.writeHead(200);
        res.end('ok');
      }
    });
    const { calls, sleep } = recordingSleep();
    const r = await createHttpClient({ sleep, random: () => 0.5, backoffMs: 500 }).get(srv.url);
    expect(r.status).toBe(200);
    expect(srv.attempts()).toBe(3);
    expect(calls).toEqual([500, 1000]);
  });

  it('applies jitter from the injected random()', async () => {
    const srv = await serve((_req, res, n) => {
      res.writeHead(n === 1 ? 502 : 200);
      res.end();
    });
    const { calls, sleep } = recordingSleep();
    await createHttpClient({ sleep, random: () => 0, backoffMs: 400 }).get(srv.url);
    expect(calls).toEqual([300]);
  });

  it('honours Retry-After seconds (capped at 30 s)', async () => {
    const srv = await serve((_req, res, n) => {
      if (n === 1) res.writeHead(503, { 'retry-after': '2' });
      else if (n === 2) res.writeHead(429, { 'retry-after': '120' });
      else res.writeHead(200);
      res.end();
    });
    const { calls, sleep } = recordingSleep();
    const r = await createHttpClient({ sleep }).get(srv.url);
    expect(r.status).toBe(200);
    expect(calls).toEqual([2000, 30_000]);
  });

  it('gives up after the retries with HTTP_STATUS naming URL and status', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    const { calls, sleep } = recordingSleep();
    const err = await rejection(createHttpClient({ sleep, retries: 2 }).get(srv.url));
    expect(err).toBeInstanceOf(FetchError);
    expect(err.code).toBe('HTTP_STATUS');
    expect(err.status).toBe(500);
    expect(err.message).toContain(srv.url);
    expect(err.message).toContain('500');
    expect(srv.attempts()).toBe(3);
    expect(calls).toHaveLength(2);
  });

  it('does not retry 404', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(404);
      res.end('nope');
    });
    const { calls, sleep } = recordingSleep();
    const err = await rejection(createHttpClient({ sleep }).get(srv.url));
    expect(err.code).toBe('HTTP_STATUS');
    expect(err.status).toBe(404);
    expect(err.message).toMatch(/^HTTP 404 Not Found from http:\/\/127\.0\.0\.1:\d+\/file\.csv\. /);
    expect(srv.attempts()).toBe(1);
    expect(calls).toEqual([]);
  });

  it('fails fast with OFFLINE on connection refused', async () => {
    const srv = await serve(() => {});
    const s = servers.pop()!;
    await new Promise<void>((resolve) => s.close(() => resolve()));
    const { calls, sleep } = recordingSleep();
    const t0 = Date.now();
    const err = await rejection(createHttpClient({ sleep }).get(srv.url));
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(err.code).toBe('OFFLINE');
    expect(err.message).toMatch(/^Cannot reach 127\.0\.0\.1:\d+ \(connect ECONNREFUSED\)\. /);
    expect(err.message).toContain('--mirror DIR or GLACIER_MIRROR=DIR');
    expect(err.hint).toBe(OFFLINE_HINT);
    expect(calls).toEqual([]);
  });

  it('fails fast with OFFLINE on DNS failure (ENOTFOUND), without retrying', async () => {
    let calls = 0;
    const fetchImpl = (async () => {
      calls++;
      const cause = Object.assign(new Error('getaddrinfo ENOTFOUND raw.githubusercontent.com'), {
        code: 'ENOTFOUND',
        syscall: 'getaddrinfo',
      });
      throw new TypeError('fetch failed', { cause });
    }) as typeof fetch;
    const err = await rejection(
      createHttpClient({ fetchImpl, sleep: recordingSleep().sleep }).get('https://raw.githubusercontent.com/a/b.csv'),
    );
    expect(calls).toBe(1);
    expect(err.code).toBe('OFFLINE');
    expect(err.message).toBe(`Cannot reach raw.githubusercontent.com (getaddrinfo ENOTFOUND). ${OFFLINE_HINT}`);
  });

  it('retries EAI_AGAIN only once', async () => {
    let calls = 0;
    const fetchImpl = (async () => {
      calls++;
      const cause = Object.assign(new Error('getaddrinfo EAI_AGAIN h'), { code: 'EAI_AGAIN', syscall: 'getaddrinfo' });
      throw new TypeError('fetch failed', { cause });
    }) as typeof fetch;
    const err = await rejection(createHttpClient({ fetchImpl, sleep: recordingSleep().sleep, retries: 3 }).get('https://h/x'));
    expect(calls).toBe(2);
    expect(err.code).toBe('OFFLINE');
  });

  it('retries a reset connection, then succeeds', async () => {
    const srv = await serve((req, res, n) => {
      if (n === 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200);
      res.end('ok');
    });
    const { calls, sleep } = recordingSleep();
    const r = await createHttpClient({ sleep }).get(srv.url);
    expect(r.status === 200 && r.body.toString()).toBe('ok');
    expect(srv.attempts()).toBe(2);
    expect(calls).toHaveLength(1);
  });

  it('times out a server that sends headers and then stalls', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('partial');
    });
    const t0 = Date.now();
    const err = await rejection(createHttpClient({ timeoutMs: 150, retries: 0 }).get(srv.url));
    const elapsed = Date.now() - t0;
    expect(err.code).toBe('TIMEOUT');
    expect(err.message).toContain(srv.url);
    expect(err.message).toContain('150 ms');
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(900);
  });

  it('retries after a per-attempt timeout', async () => {
    const srv = await serve((_req, res, n) => {
      if (n === 1) return; // never answers
      res.writeHead(200);
      res.end('ok');
    });
    const { calls, sleep } = recordingSleep();
    const r = await createHttpClient({ timeoutMs: 100, retries: 1, sleep }).get(srv.url);
    expect(r.status).toBe(200);
    expect(srv.attempts()).toBe(2);
    expect(calls).toHaveLength(1);
  });

  it('rejects a malformed URL as a programming error', async () => {
    await expect(createHttpClient().get('not a url')).rejects.toThrow(TypeError);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, caps at 30 s, ignores junk', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter('999')).toBe(30_000);
    const now = Date.parse('2023-03-09T00:00:00Z');
    expect(parseRetryAfter('Thu, 09 Mar 2023 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 08 Mar 2023 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
