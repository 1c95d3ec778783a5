import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDb, type Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';

/**
 * The store suites run on every target: in-memory PGlite and the real PostgreSQL server
 * (GLACIER_TEST_PG, default the local test database). Each PostgreSQL suite gets a schema of
 * its own, dropped afterwards, so suites can run in parallel.
 */
export const TEST_PG_URL = process.env.GLACIER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDb {
  db: Db;
  drop(): Promise<void>;
}

export type DbTarget = 'pglite' | 'postgres';
/** GLACIER_TEST_TARGETS=pglite (or postgres) narrows the suites to one target while debugging. */
export const DB_TARGETS: DbTarget[] = (process.env.GLACIER_TEST_TARGETS?.split(',') as DbTarget[] | undefined) ?? ['pglite', 'postgres'];

/** `migrations`: a folder of migrations to apply instead of src/store/migrations (a test of a migration applies those before it). */
export async function openTestDb(target: DbTarget, migrations?: URL): Promise<TestDb> {
  if (target === 'pglite') {
    // In a vitest run with the global setup: a copy of the run's one migrated empty database
    // (test/fixture-cache.ts), about 0.5 s of CPU instead of the 3-3.5 s of a new one (initdb, migrate).
    if (process.env.VITEST && !migrations) {
      const copy = await (await import('./fixture-cache.js')).migratedPgliteCopy();
      if (copy) return copy;
    }
    return openFreshPglite(migrations);
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE SCHEMA ${schema}`);
  } catch (err) {
    await admin.end();
    throw new Error(`PostgreSQL tests need a server at ${TEST_PG_URL} (set GLACIER_TEST_PG): ${(err as Error).message}`);
  }
  const db = await openDb({ kind: 'postgres', url: TEST_PG_URL, schema });
  await migrate(db, migrations);
  return {
    db,
    async drop() {
      await db.close();
      await admin.unsafe(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** A new in-memory PGlite database (initdb), migrated. */
export async function openFreshPglite(migrations?: URL): Promise<TestDb> {
  const db = await openDb({ kind: 'pglite-memory' });
  await migrate(db, migrations);
  return { db, drop: () => db.close() };
}
