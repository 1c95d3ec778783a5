import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from './payload.js';

export interface CachedValidators {
  etag?: string;
  lastModified?: string;
  /** The URL the bytes came from; validators are only sent back to the same URL. */
  url?: string;
}

export interface CachedRaw extends CachedValidators {
  raw: Buffer;
}

export interface RawCache {
  /** The last raw bytes kept for a source file, or null when there are none. */
  read(sourceId: string, fileId: string): Promise<CachedRaw | null>;
  /** Keep `raw` (as downloaded, compressed or not) and its validators; atomic. */
  write(sourceId: string, fileId: string, raw: Buffer, validators?: CachedValidators): Promise<void>;
}

interface Sidecar extends CachedValidators {
  sha256: string;
  bytes: number;
  savedAt: string;
}

const SIDECAR_SUFFIX = '.validators.json';

function checkId(kind: string, id: string): void {
  if (id === '' || id === '.' || id === '..' || /[/\\\0]/.test(id) || id.endsWith(SIDECAR_SUFFIX)) {
    throw new Error(`Invalid ${kind} for the raw cache: ${JSON.stringify(id)}`);
  }
}

async function writeAtomic(file: string, data: Buffer | string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => {});
    throw err;
  }
}

/**
 * Raw bytes per source file under `<dir>/<sourceId>/<fileId>`, validators in
 * `<fileId>.validators.json` beside them. The sidecar records the bytes' sha256; a sidecar that does
 * not match the bytes (e.g. a crash between the two renames) is ignored, so no stale validator can
 * make a 304 serve the wrong bytes.
 */
export function createRawCache(dir: string): RawCache {
  const files = (sourceId: string, fileId: string) => {
    checkId('source id', sourceId);
    checkId('file id', fileId);
    const data = path.join(dir, sourceId, fileId);
    return { data, sidecar: `${data}${SIDECAR_SUFFIX}` };
  };

  return {
    async read(sourceId, fileId) {
      const { data, sidecar } = files(sourceId, fileId);
      let raw: Buffer;
      try {
        raw = await readFile(data);
      } catch (err) {
        if ((err as { code?: unknown }).code === 'ENOENT') return null;
        throw err;
      }
      let meta: Partial<Sidecar> | null = null;
      try {
        meta = JSON.parse(await readFile(sidecar, 'utf8')) as Partial<Sidecar>;
      } catch {
        meta = null;
      }
      if (!meta || meta.sha256 !== sha256Hex(raw)) return { raw };
      const out: CachedRaw = { raw };
      if (typeof meta.etag === 'string') out.etag = meta.etag;
      if (typeof meta.lastModified === 'string') out.lastModified = meta.lastModified;
      if (typeof meta.url === 'string') out.url = meta.url;
      return out;
    },

    async write(sourceId, fileId, raw, validators = {}) {
      const { data, sidecar } = files(sourceId, fileId);
      await mkdir(path.dirname(data), { recursive: true });
      const meta: Sidecar = {
        ...(validators.etag !== undefined ? { etag: validators.etag } : {}),
        ...(validators.lastModified !== undefined ? { lastModified: validators.lastModified } : {}),
        ...(validators.url !== undefined ? { url: validators.url } : {}),
        sha256: sha256Hex(raw),
        bytes: raw.length,
        savedAt: new Date().toISOString(),
      };
      // Bytes first: until the sidecar is replaced, its sha256 no longer matches and it is ignored.
      await writeAtomic(data, raw);
      await writeAtomic(sidecar, `${JSON.stringify(meta, null, 2)}\n`);
    },
  };
}
