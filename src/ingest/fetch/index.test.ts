import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceFileSpec } from '../../domain/source.js';
import {
  createHttpClient,
  createRawCache,
  fetchUpstream,
  listMirrorCandidates,
  readFromMirror,
  type HttpClient,
  type HttpResult,
  type Validators,
} from './index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const SHARED = process.env.GLACIER_SHARED_DATA ?? path.resolve(repoRoot, '../shared/data');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const servers: Server[] = [];
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, requests };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'glacier-fetch-'));
});
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
  await rm(dir, { recursive: true, force: true });
});

const csv = Buffer.from('Province/State,Country/Region,Lat,Long,1/22/20\n,Afghanistan,33.9,67.7,0\n');

describe('fetchUpstream', () => {
  it('downloads on 200, caches, then serves a 304 from the cache with the same sha256', async () => {
    const gz = gzipSync(csv);
    const srv = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Thu, 09 Mar 2023 00:00:00 GMT' });
      res.end(gz);
    });
    const spec: SourceFileSpec = { id: 'confirmed', url: `${srv.base}/confirmed.csv`, mirror: [] };
    const http = createHttpClient({ sleep: async () => {} });
    const cache = createRawCache(dir);

    const first = await fetchUpstream(http, cache, 'jhu', spec);
    expect(first).toMatchObject({
      fileId: 'confirmed',
      origin: 'upstream',
      location: spec.url,
      bytes: gz.length,
      sha256: sha(gz),
      issue: null,
      etag: '"v1"',
      lastModified: 'Thu, 09 Mar 2023 00:00:00 GMT',
      notModified: false,
    });
    expect(first.body.equals(csv)).toBe(true);
    expect(srv.requests[0].headers['if-none-match']).toBeUndefined();

    const second = await fetchUpstream(http, cache, 'jhu', spec);
    expect(srv.requests[1].headers['if-none-match']).toBe('"v1"');
    expect(srv.requests[1].headers['if-modified-since']).toBe('Thu, 09 Mar 2023 00:00:00 GMT');
    expect(second.notModified).toBe(true);
    expect(second.sha256).toBe(first.sha256);
    expect(second.bytes).toBe(first.bytes);
    expect(second.body.equals(csv)).toBe(true);
    expect(second.etag).toBe('"v1"');
  });

  it('refetches unconditionally once when a 304 arrives without a usable cache', async () => {
    const calls: (Validators | undefined)[] = [];
    const http: HttpClient = {
      async get(_url, validators): Promise<HttpResult> {
        calls.push(validators);
        return calls.length === 1 ? { status: 304 } : { status: 200, body: csv, etag: '"e"' };
      },
    };
    const got = await fetchUpstream(http, createRawCache(dir), 's', { id: 'f', url: 'https://h/f.csv', mirror: [] });
    expect(calls).toEqual([undefined, undefined]);
    expect(got).toMatchObject({ notModified: false, sha256: sha(csv), etag: '"e"' });
  });

  it('does not send validators cached for another URL', async () => {
    const cache = createRawCache(dir);
    await cache.write('s', 'f', csv, { etag: '"old"', url: 'https://old/f.csv' });
    const calls: (Validators | undefined)[] = [];
    const http: HttpClient = {
      async get(_url, validators) {
        calls.push(validators);
        return { status: 200, body: csv };
      },
    };
    await fetchUpstream(http, cache, 's', { id: 'f', url: 'https://new/f.csv', mirror: [] });
    expect(calls).toEqual([undefined]);
    expect((await cache.read('s', 'f'))?.url).toBe('https://new/f.csv');
  });

  it('does not cache a corrupt gzip download', async () => {
    const cache = createRawCache(dir);
    const http: HttpClient = { get: async () => ({ status: 200, body: gzipSync(csv).subarray(0, 12) }) };
    await expect(fetchUpstream(http, cache, 's', { id: 'f', url: 'https://h/f.csv.gz', mirror: [] })).rejects.toMatchObject({
      code: 'CORRUPT_GZIP',
      message: expect.stringContaining('https://h/f.csv.gz'),
    });
    expect(await cache.read('s', 'f')).toBeNull();
  });
});

describe.skipIf(!existsSync(SHARED))('readFromMirror', () => {
  it('reads and decodes a gzip vintage, fingerprinting the compressed bytes', async () => {
    const spec: SourceFileSpec = {
      id: 'deaths',
      url: 'https://raw.githubusercontent.com/x/deaths.csv',
      mirror: ['jhu/vintages/deaths_global_asof_{date}.csv'],
    };
    const [c] = await listMirrorCandidates(SHARED, spec);
    const got = await readFromMirror(c, spec);
    expect(got).toMatchObject({ fileId: 'deaths', origin: 'mirror', location: c.path, issue: '2020-12-31', notModified: false });
    expect(got.body.subarray(0, 14).toString()).toBe('Province/State');
    expect(got.bytes).toBeLessThan(got.body.length);
    expect(got.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
