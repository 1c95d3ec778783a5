import path from 'node:path';
import type { Config } from '../config.js';
import { createHttpClient, createRawCache } from '../ingest/fetch/index.js';
import type { FileOrigin } from '../ingest/provide-files.js';
import { openDb, type Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';

/** Opens the configured database and brings its schema up to date. */
export async function openStore(config: Config): Promise<Db> {
  const db = await openDb(config.database);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

/** Runs `use` on the opened store and closes it however `use` ends. */
export async function withStore<T>(config: Config, use: (db: Db) => Promise<T>): Promise<T> {
  const db = await openStore(config);
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

/** Upstream URLs by default; the mirror folder when one is configured. */
export function fileOrigin(config: Config): FileOrigin {
  if (config.mirror) return { kind: 'mirror', root: config.mirror };
  return { kind: 'upstream', http: createHttpClient(), cache: createRawCache(path.join(config.dataDir, 'raw')) };
}
