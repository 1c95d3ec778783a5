import { mkdir } from 'node:fs/promises';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from './copy-binary.js';
import type { Db } from './db.js';

const parsers = {
  [types.DATE]: (x: string) => x,
  [types.TIMESTAMPTZ]: (x: string) => new Date(x).toISOString(),
  [types.INT8]: (x: string) => Number(x),
  [types.NUMERIC]: (x: string) => Number(x),
};

// PGlite reads COPY input from one Blob; larger batches cost superlinear time, so input is
// cut into batches of about this many bytes.
const COPY_BATCH_BYTES = 4 << 20;

export async function openPglite(dir: string | null, image?: Blob): Promise<Db> {
  if (dir) await mkdir(dir, { recursive: true });
  const pg = new PGlite({ dataDir: dir ?? undefined, parsers, relaxedDurability: true, loadDataDir: image });
  await pg.waitReady;
  const db = wrap(pg, pg);
  OPENED.set(db, pg);
  return db;
}

/**
 * An uncompressed tar of an open embedded database's data folder: `openPglite(null, image)` opens
 * a copy of it in memory (the test suites build one fixture and open copies, instead of ingesting
 * the same files again in every suite).
 */
export async function pgliteImage(db: Db): Promise<Blob> {
  const pg = OPENED.get(db);
  if (!pg) throw new Error('pgliteImage: not an embedded database opened by openPglite');
  return pg.dumpDataDir('none');
}

const OPENED = new WeakMap<Db, PGlite>();

type Queryable = Pick<Transaction, 'query' | 'exec'>;

function wrap(conn: Queryable, root: PGlite | null): Db {
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
      const sql = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`;
      let batch: string[] = [];
      let size = 0;
      const flush = async () => {
        if (size === 0) return;
        await conn.query(sql, [], { blob: new Blob(batch) });
        batch = [];
        size = 0;
      };
      for await (const chunk of chunks) {
        batch.push(chunk);
        size += chunk.length;
        if (size >= COPY_BATCH_BYTES) await flush();
      }
      await flush();
    },
    async copyBinaryIn(table, columns, chunks) {
      const sql = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT binary)`;
      let batch: Uint8Array<ArrayBuffer>[] = [COPY_BINARY_HEADER];
      let size = 0;
      const flush = async () => {
        if (size === 0) return;
        batch.push(COPY_BINARY_TRAILER);
        await conn.query(sql, [], { blob: new Blob(batch) });
        batch = [COPY_BINARY_HEADER];
        size = 0;
      };
      for (const chunk of chunks) {
        batch.push(chunk);
        size += chunk.length;
        if (size >= COPY_BATCH_BYTES) await flush();
      }
      await flush();
    },
    async transaction(fn) {
      if (!root) throw new Error('nested transactions are not supported');
      return root.transaction((tx) => fn(wrap(tx, null)));
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
