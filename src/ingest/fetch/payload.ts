import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { FetchError } from './errors.js';

export interface DecodedPayload {
  /** The content, decompressed when the bytes were gzip. */
  body: Buffer;
  /** Byte count of the bytes as read (compressed when gzip). */
  bytes: number;
  /** sha256 (hex) of the bytes as read (compressed when gzip). */
  sha256: string;
  /** True when the bytes were gzip and have been decompressed. */
  compressed: boolean;
}

export function isGzip(raw: Uint8Array): boolean {
  return raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
}

export function sha256Hex(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex');
}

/**
 * Fingerprint raw bytes and decompress them when they are gzip (decided by the 1f 8b magic, not by
 * the name). `name` (a path or URL) only labels errors.
 */
export function decodePayload(raw: Buffer, name: string): DecodedPayload {
  const bytes = raw.length;
  const sha256 = sha256Hex(raw);
  if (!isGzip(raw)) return { body: raw, bytes, sha256, compressed: false };
  let body: Buffer;
  try {
    body = gunzipSync(raw);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const hint = 'The copy is damaged (truncated or corrupted); delete it and fetch it again.';
    throw new FetchError('CORRUPT_GZIP', `${name} is not valid gzip (${why}). ${hint}`, { hint, cause: err });
  }
  return { body, bytes, sha256, compressed: true };
}
