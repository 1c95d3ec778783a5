import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CopyBinaryRows } from './copy-binary.js';
import type { Db } from './db.js';
import { openPglite } from './db-pglite.js';

/**
 * A new embedded database in a directory, as `glacier start` makes one: a first load's rows go to
 * a table its transaction created, and PostgreSQL then writes them without WAL; pages are not
 * checksummed (db-pglite.ts says why).
 */
describe('an embedded database in a directory', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glacier-pglite-'));
    db = await openPglite(join(dir, 'db'));
  });
  afterAll(async () => {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const walBytes = async (d: Db) => Number((await d.query<{ b: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::int8 AS b`))[0].b);
  const rows = function* (count: number): Iterable<Uint8Array<ArrayBuffer>> {
    const out = new CopyBinaryRows();
    for (let n = 0; n < count; n++) {
      out.row(2, 8 + 12);
      out.int4(n);
      out.float8OrNull(n / 7);
    }
    yield out.take();
  };

  it('writes rows COPYed into a table its transaction created without WAL, and logs them into an older table', async () => {
    const count = 100_000; // about 4 MB of heap pages
    await db.exec('CREATE TABLE older (n integer, v double precision)');
    const fresh = await db.transaction(async (tx) => {
      const before = await walBytes(tx);
      await tx.exec('CREATE TABLE fresh (n integer, v double precision)');
      await tx.copyBinaryIn('fresh', ['n', 'v'], rows(count));
      await tx.exec('ALTER TABLE fresh ADD PRIMARY KEY (n)');
      return (await walBytes(tx)) - before;
    });
    const older = await db.transaction(async (tx) => {
      const before = await walBytes(tx);
      await tx.copyBinaryIn('older', ['n', 'v'], rows(count));
      return (await walBytes(tx)) - before;
    });
    expect(await db.query('SELECT count(*)::int8 AS n FROM fresh')).toEqual([{ n: count }]);
    expect(older).toBeGreaterThan(count * 15);
    expect(fresh).toBeLessThan(older / 20);
  });

  it('is made without data checksums', async () => {
    expect(await db.query(`SELECT current_setting('data_checksums') AS c, current_setting('wal_level') AS w`)).toEqual([{ c: 'off', w: 'minimal' }]);
  });
});
