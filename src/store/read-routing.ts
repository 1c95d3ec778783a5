import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './db.js';
import { dataVersion } from './read-sources.js';

/**
 * Where the API's reads go, and which data version they see.
 *
 * One database: reads go to it and the version is read from it (the fast path, unchanged).
 *
 * A primary and a streaming replica (DATABASE_READ_URL), two hazards and their answers:
 * 1. The replica lags. `version()` reads the primary's version together with its WAL position
 *    (pg_current_wal_lsn(), at or past the commit that set that version: data and version bump
 *    commit in one transaction), then asks the replica whether it has replayed that far. Only then
 *    are reads served by the replica; until it has, they go to the primary. A process never moves
 *    back to an older version, and the replica never serves a version the primary has moved past
 *    by more than the tracker's re-read interval.
 * 2. A replayed commit between two queries of one request would mix two versions. `pinned()` runs
 *    the request's queries in one read-only REPEATABLE READ transaction whose first query reads the
 *    version: every query sees that one snapshot, and a snapshot at another version than the one
 *    the answer is labelled with is reported (`VERSION_MOVED`) so the caller re-reads the version.
 */
export interface ReadRouting {
  /** The database the API reads from: inside `pinned()`, its queries run in the pinned snapshot. */
  readonly db: Db;
  /** The data version reads are served at now. */
  version(): Promise<number>;
  /** Runs `fn` with every query of `db` seeing the data at `version`, or VERSION_MOVED if the data is past it. */
  pinned<T>(version: number, fn: () => Promise<T>): Promise<T | typeof VERSION_MOVED>;
  /** Which database served the last version read ('primary' with one database). */
  readonly source: 'primary' | 'replica';
}

export const VERSION_MOVED = Symbol('version moved');

/** One database: no routing, no pinning (queries of a request are not held in one transaction). */
export function singleDatabase(db: Db): ReadRouting {
  return { db, version: () => dataVersion(db), pinned: (_version, fn) => fn(), source: 'primary' };
}

export function replicatedReads(primary: Db, replica: Db, log: (message: string, err?: unknown) => void = () => {}): ReadRouting & { closeReplica(): Promise<void> } {
  const snapshot = new AsyncLocalStorage<Db>();
  let current: Db = primary;
  let source: 'primary' | 'replica' = 'primary';
  const target = () => snapshot.getStore() ?? current;

  /** Reads outside a pinned snapshot go to the database that served the last version read; writes to the primary. */
  const db: Db = {
    kind: 'postgres',
    query: (text, params) => target().query(text, params),
    exec: (text) => primary.exec(text),
    copyIn: (table, columns, chunks) => primary.copyIn(table, columns, chunks),
    copyBinaryIn: (table, columns, chunks) => primary.copyBinaryIn(table, columns, chunks),
    transaction: (fn, options) => target().transaction(fn, options),
    session: (fn) => target().session(fn),
    // The primary belongs to whoever opened it; the replica's pool is closed by `closeReplica()`.
    close: async () => {},
  };

  return {
    db,
    closeReplica: () => replica.close(),
    get source() {
      return source;
    },
    async version() {
      const [p] = await primary.query<{ version: number; lsn: string }>('SELECT version, pg_current_wal_lsn()::text AS lsn FROM data_version');
      let replayed: { version: number; replayed: boolean | null } | undefined;
      try {
        [replayed] = await replica.query<{ version: number; replayed: boolean | null }>(
          'SELECT version, pg_last_wal_replay_lsn() >= $1::text::pg_lsn AS replayed FROM data_version',
          [p.lsn],
        );
      } catch (err) {
        // A replica that is down or restarting: the primary serves until it is back.
        if (source === 'replica') log('read replica unavailable; reading from the primary', err);
      }
      const next = replayed?.replayed === true ? 'replica' : 'primary';
      if (next !== source) log(next === 'replica' ? 'read replica has replayed the current version; reading from it' : 'read replica behind the primary; reading from the primary');
      source = next;
      current = next === 'replica' ? replica : primary;
      return next === 'replica' ? replayed!.version : p.version;
    },
    async pinned<T>(version: number, fn: () => Promise<T>): Promise<T | typeof VERSION_MOVED> {
      return current.transaction(
        async (tx) => {
          if ((await dataVersion(tx)) !== version) return VERSION_MOVED;
          return snapshot.run(tx, fn);
        },
        { readOnlySnapshot: true },
      );
    },
  };
}
