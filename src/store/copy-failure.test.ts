import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_TARGETS, openTestDb, type TestDb } from '../../test/databases.js';
import { CopyBinaryRows } from './copy-binary.js';

/**
 * A COPY the server rejects (here a duplicate key, found after the client has sent all its rows)
 * must fail the write with the server's message and leave nothing stored. postgres.js 3.4.9 never
 * settled the stream in that case (porsager/postgres#1173): an ingest hung for good with its
 * transaction open. patches/postgres+3.4.9.patch (applied by `npm ci` through patch-package) fixes it.
 */
describe.each(DB_TARGETS)('a COPY the server rejects (%s)', (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(target);
    await t.db.exec('CREATE TABLE copy_reject (n integer PRIMARY KEY)');
  });
  afterAll(async () => t?.drop());

  const rows = 50_000; // every value 1,000 times: the first duplicate is row 1,001
  function* text(): Iterable<string> {
    for (let k = 0; k < rows; k += 5000) yield Array.from({ length: 5000 }, (_, i) => `${(k + i) % 1000}\n`).join('');
  }
  function* binary(): Iterable<Uint8Array<ArrayBuffer>> {
    const out = new CopyBinaryRows(1 << 16);
    for (let k = 0; k < rows; k++) {
      out.row(1, 8);
      out.int4(k % 1000);
    }
    yield out.take();
  }

  it.each([
    ['text', (db: TestDb['db']) => db.copyIn('copy_reject', ['n'], text())],
    ['binary', (db: TestDb['db']) => db.copyBinaryIn('copy_reject', ['n'], binary())],
  ] as const)('%s: rejects with the server message within seconds, the transaction rolls back, the connection goes on', async (_, copy) => {
    const settled = t.db.transaction(async (tx) => copy(tx));
    const hung = new Promise((resolve) => setTimeout(() => resolve('hung'), 20_000).unref());
    await expect(Promise.race([settled, hung])).rejects.toThrow(/duplicate key/);
    const [{ n }] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM copy_reject');
    expect(n).toBe(0);
  });
});
