import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './db.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
// Any constant works; it only has to be the same for every Glacier process on a database.
const MIGRATION_LOCK = 7_420_001;

export interface MigrationResult {
  applied: string[];
  current: number;
}

/**
 * Applies the numbered SQL migrations (NNN_name.sql) the database has not seen, in order,
 * in one transaction under an advisory lock, so concurrent starts cannot race. Safe to
 * run on every start.
 */
export async function migrate(db: Db, dir: URL = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f)).sort();
  const sources = await Promise.all(files.map(async (f) => ({ file: f, version: Number(f.slice(0, 3)), sql: await readFile(new URL(f, dir), 'utf8') })));
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: string[] = [];
    for (const m of sources) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.file]);
      applied.push(m.file);
    }
    return { applied, current: sources.length ? sources[sources.length - 1].version : 0 };
  });
}
