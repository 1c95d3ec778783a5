import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATASETS } from '../../catalog/index.js';
import type { Db } from '../../store/db.js';
import { sourceManifests, withBulkReads } from '../../store/read-bulk.js';
import { dataVersion } from '../../store/read-sources.js';
import { csvWorker, openCsvGzFile } from './csv-gz-file.js';
import { BULK_FORMATS, dataLicense, dataPackage, FILE_SUFFIX, type BulkFormat, type DataLicense, type WrittenFile } from './datapackage.js';
import { pageRows } from './fields.js';
import { openParquetFile, parquetWorker } from './parquet-file.js';
import { BULK_TABLES, type BulkTable } from './tables.js';
import type { FileWorker } from './worker-file.js';

export interface BuildRequest {
  db: Db;
  /** The folder the files end up in; written as `<dir>.partial-…` and renamed when complete. */
  dir: string;
  asOf: string | null;
  formats: readonly BulkFormat[];
  clock: () => Date;
  /** Awaited between pages of rows (the server passes a yield to its event loop). */
  tick?: () => Promise<void>;
  /** Only these tables (default: all). */
  tables?: readonly string[];
  /** Progress, one line per file. */
  log?: (message: string) => void;
}

export interface BuildResult {
  dir: string;
  dataVersion: number;
  /** False when the data changed during the build: the files were discarded. */
  complete: boolean;
  files: WrittenFile[];
  seconds: number;
}

export const DATAPACKAGE_FILE = 'datapackage.json';

/**
 * Writes every table in every format into a fresh folder, then `datapackage.json`, then renames
 * the folder into place: a reader sees either no build or a whole one. Rows are read page by page
 * (bounded memory). On PostgreSQL every read is from one snapshot (withBulkReads); on PGlite, when
 * the data version moved on during the build, the reads may mix two versions: the folder is
 * discarded and `complete` is false (the caller builds the new version).
 */
export async function buildBulk(r: BuildRequest): Promise<BuildResult> {
  const t0 = performance.now();
  const tick = r.tick ?? (() => Promise.resolve());
  const partial = `${r.dir}.partial-${process.pid}-${Date.now()}`;
  await mkdir(partial, { recursive: true });
  // One worker per format for the whole build, started with its first file.
  const workers: Workers = { parquet: parquetWorker(), csv: csvWorker() };
  try {
    const { version, files, changed } = await withBulkReads(r.db, async (db) => {
      const version = await dataVersion(db);
      const licenses = await licencesBySource(db);
      const files: WrittenFile[] = [];
      for (const table of BULK_TABLES.filter((t) => !r.tables || r.tables.includes(t.name))) {
        const tableLicenses = (await table.sources(db)).flatMap((s) => licenses.get(s) ?? []);
        files.push(...(await writeTable({ ...r, db }, table, workers, partial, tick, tableLicenses, version)));
      }
      return { version, files, changed: (await dataVersion(db)) !== version };
    });
    if (changed) {
      await rm(partial, { recursive: true, force: true });
      return { dir: r.dir, dataVersion: version, complete: false, files: [], seconds: (performance.now() - t0) / 1000 };
    }
    const descriptor = dataPackage({ dataVersion: version, asOf: r.asOf, created: r.clock().toISOString() }, files);
    await writeFile(path.join(partial, DATAPACKAGE_FILE), JSON.stringify(descriptor, null, 2) + '\n');
    await rm(r.dir, { recursive: true, force: true });
    await rename(partial, r.dir);
    return { dir: r.dir, dataVersion: version, complete: true, files, seconds: (performance.now() - t0) / 1000 };
  } catch (err) {
    await Promise.all([workers.parquet.terminate(), workers.csv.terminate()]);
    await rm(partial, { recursive: true, force: true });
    throw err;
  } finally {
    await Promise.all([workers.parquet.terminate(), workers.csv.terminate()]);
  }
}

interface Workers {
  parquet: FileWorker;
  csv: FileWorker;
}

/** One pass over a table's rows, written to every requested format at once. */
async function writeTable(r: BuildRequest, table: BulkTable, workers: Workers, dir: string, tick: () => Promise<void>, licenses: DataLicense[], version: number): Promise<WrittenFile[]> {
  const names = Object.fromEntries(BULK_FORMATS.map((f) => [f, `${table.name}${FILE_SUFFIX[f]}`])) as Record<BulkFormat, string>;
  const parquet = r.formats.includes('parquet')
    ? openParquetFile(workers.parquet, path.join(dir, names.parquet), table.fields, table.primaryKey, { 'glacier.data_version': String(version), 'glacier.as_of': r.asOf ?? '', 'glacier.table': table.name })
    : null;
  const csv = r.formats.includes('csv') ? openCsvGzFile(workers.csv, path.join(dir, names.csv), table.fields) : null;
  let rows = 0;
  try {
    for await (const page of table.rows({ db: r.db, asOf: r.asOf, tick })) {
      rows += pageRows(page);
      await Promise.all([parquet?.room(), csv?.room()]);
      // The CSV worker gets a copy of a long table's columns before the Parquet worker takes them
      // (moved there, not copied); without Parquet they move to the CSV worker.
      csv?.send(page, !parquet);
      parquet?.send(page);
    }
    await Promise.all([parquet?.close(), csv?.close()]);
  } catch (err) {
    // A worker failed (or the reads did): stop both; buildBulk deletes the partial folder.
    await Promise.all([parquet?.abort(), csv?.abort()]);
    throw err;
  }
  const out: WrittenFile[] = [];
  for (const format of r.formats) {
    const file = path.join(dir, names[format]);
    const written: WrittenFile = { table, format, path: names[format], rows, bytes: (await stat(file)).size, sha256: await sha256File(file), licenses: dedupe(licenses) };
    r.log?.(`${names[format]}: ${rows} rows, ${written.bytes} bytes`);
    out.push(written);
  }
  return out;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Each source's licence: from its manifest (series sources), else from its catalog entry (research sources). */
async function licencesBySource(db: Db): Promise<Map<string, DataLicense[]>> {
  const out = new Map<string, DataLicense[]>();
  for (const { id, manifest } of await sourceManifests(db)) {
    const l = manifest.license as { name?: string; url?: string; spdx?: string } | undefined;
    const entry = DATASETS.find((d) => d.connectors.includes(id));
    if (l?.name) out.set(id, [dataLicense({ name: l.name, url: l.url, spdx: l.spdx })]);
    else if (entry) out.set(id, [dataLicense(entry.license)]);
  }
  return out;
}

function dedupe(licenses: DataLicense[]): DataLicense[] {
  const seen = new Set<string>();
  return licenses.filter((l) => {
    const k = JSON.stringify(l);
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
