import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from './copy-binary.js';
import { siblingModule } from '../lib/sibling-module.js';
import type { Db } from './db.js';
import { parserTierUpCostly, withoutTierUp } from './pglite-tier-up.js';

const parsers = {
  [types.DATE]: (x: string) => x,
  [types.TIMESTAMPTZ]: (x: string) => new Date(x).toISOString(),
  [types.INT8]: (x: string) => Number(x),
  [types.NUMERIC]: (x: string) => Number(x),
};

// PGlite reads COPY input from one Blob; larger batches cost superlinear time, so input is
// cut into batches of about this many bytes.
const COPY_BATCH_BYTES = 4 << 20;

/**
 * Server settings of a database in a directory. shared_buffers: PGlite's default 128MB is
 * allocated inside the WebAssembly heap and all of it becomes resident (opening an existing
 * directory: 338 MB RSS, with 16MB 232 MB; the heap stays at its initial 128 MB instead of growing
 * to 189 MB). With the data in files the buffers do not save CPU on an ingest: evicted pages go to
 * the OS page cache. Default JHU ingest (bench/ingest-child.ts --scope jhu, binary COPY, load 13-17),
 * 128MB / 32MB / 16MB: process CPU 23.8 / 21.9 / 24.2 s, peak RSS 655 / 612 / 595 MB (with text
 * COPY 818-874 MB at 128MB, 782 at 32MB, 697-718 at 16MB). An in-memory database keeps the
 * default: there an evicted page is copied into the growing JS array of its in-memory file, and a
 * test ingest (store-suite, revisions across vintages) took 59 s instead of 44-47 s with 32MB.
 * maintenance_work_mem: the WebAssembly memory never shrinks, so a first load's key build (its sort)
 * spills to the directory's files past 8MB instead of growing that memory by the default 64MB
 * (default JHU ingest, peak RSS 672-685 -> 568-611 MB over 7 runs, same time).
 */
const DIRECTORY_SETTINGS = ['-c', 'shared_buffers=32MB', '-c', 'maintenance_work_mem=8MB'];

/**
 * Settings of every embedded database. wal_level=minimal: nothing reads an embedded database's WAL
 * (no replica, no archive), and a table created by the writing transaction then needs none: a first
 * load's partition is COPYed and keyed without WAL (jhu-global alone: 72 MB of WAL → 0.5 MB).
 */
const SETTINGS = ['-c', 'wal_level=minimal', '-c', 'max_wal_senders=0'];

/**
 * initdb of a new database without data checksums, which PostgreSQL 18's initdb (PGlite 0.5's) turns
 * on: every page written was checksummed in WebAssembly, and a page's first hint bits after a
 * checkpoint wrote the whole page to the WAL. An embedded database is rebuilt from its sources; a
 * PostgreSQL server keeps whatever its operator chose. The default JHU ingest wrote 1,209 MB to the
 * directory with both, 741 MB with neither (see src/ingest/README.md, seventh pass).
 */
const INITDB_PARAMS = ['--no-data-checksums'];

const execFileAsync = promisify(execFile);

/**
 * An embedded database: in `dir` (made first, in a child process, if the folder holds none), in
 * memory (`null`), or in memory from a copy of another (`image`, pgliteImage).
 */
export async function openPglite(dir: string | null, image?: Blob): Promise<Db> {
  if (dir && !image && !existsSync(join(dir, 'PG_VERSION'))) await createInChild(dir);
  return startPglite(dir, image);
}

/** Runs pglite-create.ts in a child process: a new database in `dir`. */
async function createInChild(dir: string): Promise<void> {
  const child = siblingModule(import.meta.url, 'pglite-create');
  try {
    await execFileAsync(process.execPath, [...child.execArgv, fileURLToPath(child.url), dir], { encoding: 'utf8' });
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new Error(`creating the embedded database in ${dir} failed: ${e.stderr?.trim() || e.message}`);
  }
}

/** Opens (or, in this process, creates) the database: openPglite without the child. */
export async function startPglite(dir: string | null, image?: Blob): Promise<Db> {
  if (dir) await mkdir(dir, { recursive: true });
  const pg = new PGlite({
    dataDir: dir ?? undefined, parsers, relaxedDurability: true, loadDataDir: image, initDbStartParams: INITDB_PARAMS,
    startParams: [...PGlite.defaultStartParams, ...SETTINGS, ...(dir ? DIRECTORY_SETTINGS : [])],
  });
  if (parserTierUpCostly()) parseFirstStatementUnoptimized(pg);
  await pg.waitReady;
  const db = wrap(pg, pg, blobReads(pg));
  OPENED.set(db, pg);
  return db;
}

/**
 * PGlite's first SQL statement on an opened database, the one that first calls the SQL parser,
 * is `_initArrayTypes()` (PGlite 0.5), which runs after every other await of its start:
 * wrapped here on the instance, before the start gets there, so that the parser keeps its
 * baseline code (pglite-tier-up.ts; Node 24: 812 → 307 MB for opening a database). Only the
 * functions that statement calls first stay unoptimized: every source on PGlite, Node 24, run
 * side by side, 803 → 709 MB at 51.5 → 49.5 s. A new folder's database is made in a child
 * process (pglite-create.ts). pglite-tier-up.test.ts fails if PGlite's start
 * changes so that this no longer holds.
 */
function parseFirstStatementUnoptimized(pg: PGlite): void {
  const start = pg as unknown as { _initArrayTypes?: () => Promise<void> };
  const first = start._initArrayTypes?.bind(pg);
  if (first) start._initArrayTypes = () => withoutTierUp(first);
}

/**
 * An uncompressed tar of an open embedded database's data folder: `openPglite(null, image)` opens
 * a copy of it in memory (the test suites build one fixture and open copies, instead of ingesting
 * the same files again in every suite).
 *
 * Taken after a checkpoint and without the WAL segments the copy does not need (those before the
 * checkpoint's redo point, and the recycled ones after the current one): a copy then starts
 * without replaying the build's WAL. The API fixture's image: 317 → 166 MB, opening a copy
 * 2.8 → 1.3 s of CPU (2026-12-07).
 */
export async function pgliteImage(db: Db): Promise<Blob> {
  const pg = OPENED.get(db);
  if (!pg) throw new Error('pgliteImage: not an embedded database opened by openPglite');
  await pg.exec('CHECKPOINT');
  const [{ redo, current }] = (
    await pg.query<{ redo: string; current: string }>('SELECT redo_wal_file AS redo, pg_walfile_name(pg_current_wal_lsn()) AS current FROM pg_control_checkpoint()')
  ).rows;
  const image = new Uint8Array(await (await pg.dumpDataDir('none')).arrayBuffer());
  return new Blob([withoutWalSegments(image, (name) => name >= redo && name <= current)]);
}

/**
 * The tar `image` without the WAL segment files (pg_wal/<24 hex digits>) whose name `keep` refuses;
 * every other entry (and a pax header before a kept entry) as it was.
 */
function withoutWalSegments(image: Uint8Array, keep: (segment: string) => boolean): Uint8Array<ArrayBuffer> {
  const decoder = new TextDecoder();
  const text = (at: number, len: number) => {
    const b = image.subarray(at, at + len);
    const end = b.indexOf(0);
    return decoder.decode(end < 0 ? b : b.subarray(0, end));
  };
  const parts: Uint8Array[] = [];
  let pending: Uint8Array | null = null; // a pax or GNU long-name header, kept with the entry it precedes
  let at = 0;
  while (at + 512 <= image.length) {
    if (image.subarray(at, at + 512).every((b) => b === 0)) break;
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(image[at + 156]);
    const next = at + 512 + Math.ceil(size / 512) * 512;
    const entry = image.subarray(at, next);
    const prefix = text(at + 345, 155);
    const name = (prefix ? `${prefix}/` : '') + text(at, 100);
    if (type === 'x' || type === 'L') {
      pending = pending ? concat([pending, entry]) : entry;
    } else {
      const segment = /(?:^|\/)pg_wal\/([0-9A-F]{24})$/.exec(name)?.[1];
      if (!segment || keep(segment)) parts.push(...(pending ? [pending] : []), entry);
      pending = null;
    }
    at = next;
  }
  parts.push(new Uint8Array(1024)); // the end of the archive: two zero blocks
  return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

const OPENED = new WeakMap<Db, PGlite>();

type Queryable = Pick<Transaction, 'query' | 'exec'>;

function wrap(conn: Queryable, root: PGlite | null, input: CopyInput): Db {
  const db: Db = {
    kind: 'pglite',
    async query<T>(text: string, params: unknown[] = []) {
      const r = await conn.query<T>(text, params);
      return r.rows;
    },
    async exec(text: string) {
      await conn.exec(text);
    },
    async copyIn(table, columns, chunks) {
      await copyInBatches(conn, input, `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, chunks);
    },
    async copyBinaryIn(table, columns, chunks) {
      // Each batch is a whole binary COPY stream: header, rows, trailer.
      await copyInBatches(conn, input, `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT binary)`, chunks, [COPY_BINARY_HEADER, COPY_BINARY_TRAILER]);
    },
    async transaction(fn) {
      if (!root) throw new Error('nested transactions are not supported');
      return root.transaction((tx) => fn(wrap(tx, null, input)));
    },
    async session(fn) {
      return fn(db);
    },
    async close() {
      if (root) await root.close();
    },
  };
  return db;
}

/**
 * Runs `sql` (a COPY from PGlite's /dev/blob) once per COPY_BATCH_BYTES of chunks, each batch
 * between `frame`'s head and tail (the binary format's header and trailer).
 *
 * Every batch is gathered into one buffer, resized to it, and handed to PGlite as the blob's bytes:
 * PGlite 0.5 reads a COPY's input through `blob.arrayBuffer()` only and lets go of it when the
 * statement ends. A real Blob copied each batch twice more (into the Blob, and out of it into a new
 * ArrayBuffer), garbage left to the collector: peak RSS of the default JHU ingest 612-713 MB with
 * Blobs, 543-566 MB without; every source 918-925 MB, 679-757 MB without (2026-12-07, alternated).
 */
async function copyInBatches(
  conn: Queryable,
  input: CopyInput,
  sql: string,
  chunks: Iterable<string | Uint8Array<ArrayBuffer>> | AsyncIterable<string | Uint8Array<ArrayBuffer>>,
  frame: [head: Uint8Array<ArrayBuffer>, tail: Uint8Array<ArrayBuffer>] | null = null,
): Promise<void> {
  const [head, tail] = frame ?? [new Uint8Array(0), new Uint8Array(0)];
  let buffer = resizableBuffer(2 * COPY_BATCH_BYTES);
  let parts: Uint8Array[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const total = head.length + size + tail.length;
    if (total > buffer.maxByteLength) buffer = resizableBuffer(total);
    buffer.resize(total);
    const bytes = new Uint8Array(buffer);
    let at = 0;
    for (const part of [head, ...parts, tail]) {
      bytes.set(part, at);
      at += part.length;
    }
    parts = [];
    size = 0;
    // PGlite asks for the bytes when this statement starts, under its lock: from then until the
    // statement ends, the device reads (blobReads) are this batch's.
    const blob = { arrayBuffer: async () => ((input.bytes = bytes), bytes.buffer) } as unknown as Blob;
    try {
      await conn.query(sql, [], { blob });
    } finally {
      if (input.bytes === bytes) input.bytes = null;
    }
  };
  for await (const chunk of chunks) {
    const part = typeof chunk === 'string' ? utf8.encode(chunk) : chunk;
    parts.push(part);
    size += part.length;
    if (size >= COPY_BATCH_BYTES) await flush();
  }
  await flush();
}

const utf8 = new TextEncoder();

/** The batch a COPY of this database is reading, while it reads it (every COPY goes through copyInBatches). */
interface CopyInput {
  bytes: Uint8Array | null;
}

type DeviceRead = (stream: unknown, heap: Int8Array, offset: number, length: number, position: number) => number;

/**
 * PGlite 0.5's /dev/blob device (64, 0) copies a COPY's input into the WebAssembly heap one byte at
 * a time in JavaScript: 389 ms of jhu-daily's CPU on PGlite. Its read is replaced by one that copies
 * the batch copyInBatches handed over with one `set` (23 ms), the same bytes PGlite's own read takes
 * from that batch; any other blob goes to PGlite's own read. Where the device is not found (another
 * PGlite), nothing is replaced.
 */
function blobReads(pg: PGlite): CopyInput {
  const input: CopyInput = { bytes: null };
  const fs = (pg as unknown as { Module?: { FS?: { makedev(major: number, minor: number): number; devices: Record<number, { stream_ops?: { read?: DeviceRead } }> } } }).Module?.FS;
  const ops = fs?.devices[fs.makedev(64, 0)]?.stream_ops;
  const own = ops?.read;
  if (!ops || !own) return input;
  ops.read = (stream, heap, offset, length, position) => {
    const bytes = input.bytes;
    if (!bytes) return own(stream, heap, offset, length, position);
    if (position >= bytes.length) return 0;
    const n = Math.min(bytes.length - position, length);
    new Uint8Array(heap.buffer, heap.byteOffset + offset, n).set(bytes.subarray(position, position + n));
    return n;
  };
  return input;
}

/** ES2024's resizable ArrayBuffer (Node 20 has it; ES2023's lib types do not). */
type ResizableBuffer = ArrayBuffer & { resize(byteLength: number): void; readonly maxByteLength: number };

function resizableBuffer(maxByteLength: number): ResizableBuffer {
  return new (ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableBuffer)(0, { maxByteLength });
}
