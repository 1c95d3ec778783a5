import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VersionTracker } from './data-version.js';

export interface CachedBody {
  version: number;
  etag: string;
  contentType: string;
  body: Buffer;
}

/**
 * GET responses cached by data version: a request costs one map lookup until the data
 * changes. Bodies above `maxEntryBytes` are streamed and not kept. Least recently used
 * entries go first when the total passes `maxBytes`.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedBody>();
  private bytes = 0;
  private version = -1;

  constructor(
    readonly versions: VersionTracker,
    readonly maxBytes = 64 << 20,
    readonly maxEntryBytes = 8 << 20,
  ) {}

  get(key: string, version: number): CachedBody | undefined {
    this.sync(version);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, entry: CachedBody): void {
    this.sync(entry.version);
    if (entry.body.length > this.maxEntryBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length;
    }
  }

  private sync(version: number): void {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
  }
}

export type Body = { contentType: string; body: string | Buffer } | { contentType: string; stream: () => Readable };

export const CACHE_CONTROL = 'public, max-age=60';

/**
 * Answers a GET from the cache, with 304 for a matching If-None-Match, or builds the body
 * with `build(version)`. The ETag is the data version plus the request URL.
 */
export async function sendCached(req: FastifyRequest, reply: FastifyReply, cache: ResponseCache, build: (version: number) => Promise<Body>): Promise<FastifyReply> {
  const version = await cache.versions.current();
  const etag = `"v${version}-${createHash('sha1').update(req.url).digest('base64url').slice(0, 16)}"`;
  if (req.headers['if-none-match'] === etag) return reply.code(304).header('etag', etag).send();
  const hit = cache.get(req.url, version);
  if (hit) return reply.header('etag', etag).header('cache-control', CACHE_CONTROL).type(hit.contentType).send(hit.body);
  const built = await build(version);
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
  if ('stream' in built) return reply.type(built.contentType).send(built.stream());
  const body = Buffer.isBuffer(built.body) ? built.body : Buffer.from(built.body);
  cache.set(req.url, { version, etag, contentType: built.contentType, body });
  return reply.type(built.contentType).send(body);
}
