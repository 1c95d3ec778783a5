import type { Db } from './db.js';

export type Locked<T> = { acquired: true; value: T } | { acquired: false };

/**
 * Runs `fn` while holding the ingest lock, or does not run it when another process holds it.
 * PostgreSQL: a session advisory lock on a connection reserved for the call (released however
 * `fn` ends, and by the server if the process dies), keyed by the schema so two Glacier
 * installations in one database do not block each other. PGlite: one process owns the database
 * folder, and this process never runs two refreshes at once, so there is nothing to lock.
 */
export async function withIngestLock<T>(db: Db, fn: () => Promise<T>): Promise<Locked<T>> {
  if (db.kind === 'pglite') return { acquired: true, value: await fn() };
  return db.session(async (session) => {
    const [row] = await session.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext('glacier.ingest'), hashtext(current_schema())) AS ok`);
    if (!row.ok) return { acquired: false };
    try {
      return { acquired: true, value: await fn() };
    } finally {
      await session.query(`SELECT pg_advisory_unlock(hashtext('glacier.ingest'), hashtext(current_schema()))`);
    }
  });
}

/**
 * Inside a source run's transaction, before it writes what runs share (series ranks,
 * populations): waits until no other run of this installation is doing so, and holds the turn
 * until the transaction ends (the data version, bumped last by every run, is one row: its row
 * lock orders those updates by itself). Source runs may then overlap on PostgreSQL (each writes its own
 * rows); their commits come one at a time, so a run re-ranks groups with every committed series
 * in view and two runs never lock each other's rows in opposite orders. PGlite runs one run at
 * a time on its one connection: nothing to wait for.
 */
export async function takeCommitTurn(tx: Db): Promise<void> {
  if (tx.kind === 'pglite') return;
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('glacier.commit'), hashtext(current_schema()))`);
}
