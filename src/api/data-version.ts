import type { Db } from '../store/db.js';
import { singleDatabase, VERSION_MOVED, type ReadRouting } from '../store/read-routing.js';

/**
 * The data version, read at most once per `ttlMs`: responses are cached by it, and an ingest
 * in another process (PostgreSQL) is picked up within that time. With a read replica, the
 * routing decides which database serves that version (src/store/read-routing.ts).
 */
export function createVersionTracker(reads: Db | ReadRouting, ttlMs = 1000) {
  const routing = 'pinned' in reads ? reads : singleDatabase(reads);
  let value = -1;
  let readAt = 0;
  let pending: Promise<number> | null = null;
  return {
    async current(): Promise<number> {
      if (Date.now() - readAt < ttlMs) return value;
      pending ??= routing
        .version()
        .then((v) => {
          value = v;
          readAt = Date.now();
          return v;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    /** Where reads go now ('primary' with one database). */
    readsFrom(): 'primary' | 'replica' {
      return routing.source;
    },
    /** After a write in this process: read again on the next request. */
    invalidate(): void {
      readAt = 0;
    },
    /**
     * Runs `build` with every query seeing the data at `version` (one snapshot with a replica; as is
     * with one database), or returns VERSION_MOVED when the data is already past it: the version is
     * then re-read on the next call.
     */
    async pinned<T>(version: number, build: () => Promise<T>): Promise<T | typeof VERSION_MOVED> {
      const out = await routing.pinned(version, build);
      if (out === VERSION_MOVED) readAt = 0;
      return out;
    },
  };
}
export type VersionTracker = ReturnType<typeof createVersionTracker>;
export { VERSION_MOVED };
