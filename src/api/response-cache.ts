import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryError } from '../query/errors.js';
import { VERSION_MOVED, type VersionTracker } from './data-version.js';

type Encoding = 'br' | 'gzip';

export interface CachedBody {
  version: number;
  etag: string;
  contentType: string;
  body: Buffer;
  /** Compressed copies, made on the first request that accepts them. */
  encoded: Partial<Record<Encoding, Buffer>>;
}

/**
 * GET responses cached by data version: until the data changes, a request costs a map
 * lookup, and a compressed copy is made once per encoding instead of once per request.
 * Bodies above `maxEntryBytes` are streamed and not kept. Least recently used entries go
 * first when the total passes `maxBytes`.
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
    this.grow(entry.body.length);
  }

  /** Accounts for a compressed copy added to an entry. */
  grow(bytes: number): void {
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.body.length + (e.encoded.br?.length ?? 0) + (e.encoded.gzip?.length ?? 0);
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
/** Below this size compression costs more than it saves. */
const COMPRESS_ABOVE = 1024;

/**
 * Answers a GET from the cache, with 304 for a matching If-None-Match, or builds the body
 * with `build(version)`. The ETag is the data version plus the request URL.
 */
export async function sendCached(req: FastifyRequest, reply: FastifyReply, cache: ResponseCache, build: (version: number) => Promise<Body>): Promise<FastifyReply> {
  for (let attempt = 1; ; attempt++) {
    const version = await cache.versions.current();
    const entry = cache.get(req.url, version);
    if (entry) return sendEntry(req, reply, cache, entry);
    const etag = `"v${version}-${createHash('sha1').update(req.url).digest('base64url').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return reply.code(304).header('etag', etag).send();
    // With a read replica the body is built in one snapshot at `version`; a snapshot already past it
    // (the replica replayed an ingest since the version was read) means: read the version again.
    const built = await cache.versions.pinned(version, () => build(version));
    if (built === VERSION_MOVED) {
      if (attempt < MAX_VERSION_ATTEMPTS) continue;
      throw new QueryError('ERR_UNAVAILABLE', 'the data changed while this answer was being built; try again shortly', undefined, 1);
    }
    if ('stream' in built) return reply.header('etag', etag).header('cache-control', CACHE_CONTROL).type(built.contentType).send(built.stream());
    const fresh: CachedBody = { version, etag, contentType: built.contentType, body: Buffer.isBuffer(built.body) ? built.body : Buffer.from(built.body), encoded: {} };
    cache.set(req.url, fresh);
    return sendEntry(req, reply, cache, fresh);
  }
}

const MAX_VERSION_ATTEMPTS = 3;

function sendEntry(req: FastifyRequest, reply: FastifyReply, cache: ResponseCache, entry: CachedBody): FastifyReply {
  if (req.headers['if-none-match'] === entry.etag) return reply.code(304).header('etag', entry.etag).send();
  reply.header('etag', entry.etag).header('cache-control', CACHE_CONTROL).type(entry.contentType);
  const encoding = entry.body.length > COMPRESS_ABOVE ? acceptedEncoding(req.headers['accept-encoding']) : null;
  if (!encoding) return reply.send(entry.body);
  let encoded = entry.encoded[encoding];
  if (!encoded) {
    encoded = encoding === 'br' ? brotliCompressSync(entry.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 6 } }) : gzipSync(entry.body);
    entry.encoded[encoding] = encoded;
    cache.grow(encoded.length);
  }
  return reply.header('content-encoding', encoding).header('vary', 'accept-encoding').send(encoded);
}

/** br when the client takes it, else gzip, else none (q=0 excludes an encoding). */
function acceptedEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const accepted = new Set(
    header
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}
