import type { Db } from '../store/db.js';
import { dataVersion } from '../store/read-sources.js';

/**
 * The data version, read at most once per `ttlMs`: responses are cached by it, and an ingest
 * in another process (PostgreSQL) is picked up within that time.
 */
export function createVersionTracker(db: Db, ttlMs = 1000) {
  let value = -1;
  let readAt = 0;
  let pending: Promise<number> | null = null;
  return {
    async current(): Promise<number> {
      if (Date.now() - readAt < ttlMs) return value;
      pending ??= dataVersion(db)
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
    /** After a write in this process: read again on the next request. */
    invalidate(): void {
      readAt = 0;
    },
  };
}
export type VersionTracker = ReturnType<typeof createVersionTracker>;
