/**
 * src/ingest/fetch — everything that reads upstream bytes (HTTP or a local mirror), and nothing
 * that parses them.
 */
import type { SourceFileSpec } from '../../domain/source.js';
import { FetchError } from './errors.js';
import type { HttpClient, HttpResult } from './http.js';
import { readMirrorFile, type MirrorCandidate } from './mirror.js';
import { decodePayload } from './payload.js';
import type { RawCache } from './raw-cache.js';

export {
  FetchError,
  OFFLINE_HINT,
  isFetchError,
  type FetchErrorCode,
} from './errors.js';
export {
  createHttpClient,
  parseRetryAfter,
  DEFAULT_BACKOFF_MS,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  MAX_RETRY_AFTER_MS,
  type HttpClient,
  type HttpClientOptions,
  type HttpResult,
  type Validators,
} from './http.js';
export { listMirrorCandidates, readMirrorFile, type MirrorCandidate } from './mirror.js';
export { decodePayload, isGzip, sha256Hex, type DecodedPayload } from './payload.js';
export { createRawCache, type CachedRaw, type CachedValidators, type RawCache } from './raw-cache.js';

export interface FetchedFile {
  fileId: string;
  origin: 'upstream' | 'mirror';
  /** The URL or the absolute mirror path. */
  location: string;
  /** Byte count of the bytes as read (compressed if gzip). */
  bytes: number;
  /** sha256 (hex) of the bytes as read (compressed if gzip). */
  sha256: string;
  /** Decompressed content. */
  body: Buffer;
  /** Vintage date from the mirror file name; null upstream and for current mirror files. */
  issue: string | null;
  etag?: string;
  lastModified?: string;
  /** True when upstream answered 304 and the bytes came from the raw cache. */
  notModified: boolean;
}

function validatorsOf(r: { etag?: string; lastModified?: string }): { etag?: string; lastModified?: string } {
  return {
    ...(r.etag !== undefined ? { etag: r.etag } : {}),
    ...(r.lastModified !== undefined ? { lastModified: r.lastModified } : {}),
  };
}

/**
 * Download `spec.url`, as a conditional GET when the raw cache holds validators for it. A 200 is
 * decoded and then kept in the cache; a 304 is served from the cached bytes (a 304 with no usable
 * cache triggers one unconditional refetch).
 */
export async function fetchUpstream(
  http: HttpClient,
  cache: RawCache,
  sourceId: string,
  spec: SourceFileSpec,
): Promise<FetchedFile> {
  const url = spec.url;
  const cached = await cache.read(sourceId, spec.id);
  const usable = cached !== null && (cached.url === undefined || cached.url === url) ? cached : null;
  const conditional = usable !== null && (usable.etag !== undefined || usable.lastModified !== undefined);

  let res: HttpResult = await http.get(url, conditional ? validatorsOf(usable) : undefined);

  if (res.status === 304) {
    if (conditional) {
      const decoded = decodePayload(usable.raw, url);
      const validators = { ...validatorsOf(usable), ...validatorsOf(res) };
      if (validators.etag !== usable.etag || validators.lastModified !== usable.lastModified) {
        await cache.write(sourceId, spec.id, usable.raw, { ...validators, url });
      }
      return {
        fileId: spec.id,
        origin: 'upstream',
        location: url,
        bytes: decoded.bytes,
        sha256: decoded.sha256,
        body: decoded.body,
        issue: null,
        ...validators,
        notModified: true,
      };
    }
    res = await http.get(url);
    if (res.status === 304) {
      const hint = 'The server answered 304 Not Modified to an unconditional request; try again later or use --mirror DIR / GLACIER_MIRROR=DIR.';
      throw new FetchError('HTTP_STATUS', `HTTP 304 from ${url} without a cached copy to serve. ${hint}`, {
        url,
        status: 304,
        hint,
      });
    }
  }

  const decoded = decodePayload(res.body, url);
  const validators = validatorsOf(res);
  await cache.write(sourceId, spec.id, res.body, { ...validators, url });
  return {
    fileId: spec.id,
    origin: 'upstream',
    location: url,
    bytes: decoded.bytes,
    sha256: decoded.sha256,
    body: decoded.body,
    issue: null,
    ...validators,
    notModified: false,
  };
}

/** Read one mirror candidate and decode it. */
export async function readFromMirror(candidate: MirrorCandidate, spec: SourceFileSpec): Promise<FetchedFile> {
  const { raw } = await readMirrorFile(candidate);
  const decoded = decodePayload(raw, candidate.path);
  return {
    fileId: spec.id,
    origin: 'mirror',
    location: candidate.path,
    bytes: decoded.bytes,
    sha256: decoded.sha256,
    body: decoded.body,
    issue: candidate.issue,
    notModified: false,
  };
}
