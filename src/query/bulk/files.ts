import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { QueryError } from '../errors.js';
import { DATAPACKAGE_FILE } from './build.js';

/**
 * The bulk files on disk: `<dataDir>/bulk/v<data version>/` holds one complete build (its
 * datapackage.json is written last, the folder renamed into place), `v<n>.partial-…` one being
 * written. What the API lists and serves, and the prune rule.
 */

export const bulkRoot = (dataDir: string) => path.join(dataDir, 'bulk');
export const versionDir = (root: string, version: number) => path.join(root, `v${version}`);

/** How many complete builds are kept: the current one and the one before (downloads in flight finish). */
export const KEEP_BUILDS = 2;
/** A partial folder older than this is left over from a process that died; pruned. */
export const STALE_PARTIAL_MS = 3_600_000;

/** File names a client may ask for: a table stem and a known suffix, nothing that could leave the folder. */
const FILE_NAME = /^[a-z0-9][a-z0-9-]{0,63}(\.parquet|\.csv\.gz|\.json)$/;

export interface BulkListing {
  /** The data version the API is serving now. */
  data_version: number;
  /** ready: the files below are of the current version; building: they are older (or absent) and a build is due. */
  status: 'ready' | 'building';
  /** The data version the listed files were built from (null: none built yet). */
  files_version: number | null;
  created: string | null;
  datapackage: string | null;
  files: BulkFileEntry[];
}

export interface BulkFileEntry {
  name: string;
  table: string;
  format: string;
  media_type: string;
  rows: number;
  bytes: number;
  sha256: string;
  url: string;
}

interface Descriptor {
  created: string;
  resources: { name: string; path: string; format: string; mediatype: string; rows: number; bytes: number; hash: string }[];
}

/** Data versions of the complete builds under `root`, newest first. */
export async function builtVersions(root: string): Promise<number[]> {
  const names = await readdir(root).catch(() => [] as string[]);
  const versions: number[] = [];
  for (const n of names) {
    const m = /^v(\d+)$/.exec(n);
    if (m && (await exists(path.join(root, n, DATAPACKAGE_FILE)))) versions.push(Number(m[1]));
  }
  return versions.sort((a, b) => b - a);
}

/** The listing of the newest complete build, with whether it is of the current version. */
export async function listBulk(root: string, currentVersion: number, urlPrefix: string): Promise<BulkListing> {
  const [newest] = await builtVersions(root);
  if (newest === undefined) return { data_version: currentVersion, status: 'building', files_version: null, created: null, datapackage: null, files: [] };
  const d = JSON.parse(await readFile(path.join(versionDir(root, newest), DATAPACKAGE_FILE), 'utf8')) as Descriptor;
  return {
    data_version: currentVersion,
    status: newest >= currentVersion ? 'ready' : 'building',
    files_version: newest,
    created: d.created,
    datapackage: `${urlPrefix}${DATAPACKAGE_FILE}`,
    files: d.resources.map((r) => ({
      name: r.path,
      table: r.name.slice(0, -(r.format.length + 1)),
      format: r.format,
      media_type: r.mediatype,
      rows: r.rows,
      bytes: r.bytes,
      sha256: r.hash.replace(/^sha256:/, ''),
      url: `${urlPrefix}${r.path}`,
    })),
  };
}

/**
 * Where a requested file is: in the newest complete build. A name that is not a bulk file name
 * (`..`, slashes, other suffixes) or not in the build is ERR_BULK_FILE_NOT_FOUND; no build at all
 * yet is ERR_BULK_NOT_READY (try again after Retry-After).
 */
export async function locateBulkFile(root: string, name: string): Promise<{ dir: string; name: string; version: number }> {
  if (!FILE_NAME.test(name)) throw new QueryError('ERR_BULK_FILE_NOT_FOUND', `"${name}" is not a bulk file name (see /v1/bulk)`, 'file');
  const [newest] = await builtVersions(root);
  if (newest === undefined) throw new QueryError('ERR_BULK_NOT_READY', 'the bulk files are being built; try again shortly', 'file', 60);
  const dir = versionDir(root, newest);
  if (!(await exists(path.join(dir, name)))) throw new QueryError('ERR_BULK_FILE_NOT_FOUND', `no bulk file "${name}" (see /v1/bulk)`, 'file');
  return { dir, name, version: newest };
}

/**
 * The prune rule: keep the KEEP_BUILDS newest complete builds (the current and the one before,
 * so a download of the previous one can finish or resume), delete older builds and partial
 * folders older than STALE_PARTIAL_MS. Returns the names deleted.
 */
export async function pruneBulk(root: string, now: Date): Promise<string[]> {
  const keep = new Set((await builtVersions(root)).slice(0, KEEP_BUILDS).map((v) => `v${v}`));
  const deleted: string[] = [];
  for (const n of await readdir(root).catch(() => [] as string[])) {
    const full = path.join(root, n);
    const partial = /^v\d+\.partial-/.test(n);
    const old = partial ? now.getTime() - (await stat(full)).mtimeMs > STALE_PARTIAL_MS : /^v\d+$/.test(n) && !keep.has(n);
    if (old) {
      await rm(full, { recursive: true, force: true });
      deleted.push(n);
    }
  }
  return deleted;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}

/** The media type a file is served with (the gzip CSV as a gzip file, not as Content-Encoding: its bytes are the file's). */
export function bulkFileMediaType(name: string): string {
  if (name.endsWith('.parquet')) return 'application/vnd.apache.parquet';
  if (name.endsWith('.csv.gz')) return 'application/gzip';
  return 'application/json; charset=utf-8';
}
