import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { inject } from 'vitest';
import type { Db } from '../src/store/db.js';
import { openPglite, pgliteImage } from '../src/store/db-pglite.js';
import { openPostgres } from '../src/store/db-postgres.js';
import { migrate } from '../src/store/migrate.js';
import { openFreshPglite, openTestDb, TEST_PG_URL, type DbTarget, type TestDb } from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of this run's fixture images (test/global-setup.ts), shared by every test file. */
    fixtureCache: string;
    /** Hash of the code and data the fixtures are built from (test/global-setup.ts): part of their names. */
    fixtureVersion: string;
  }
}

/**
 * A database holding what `build` writes, built once per test run and database kind, then copied
 * for each suite: several suites need the same ingested fixture, and ingesting it again in each
 * cost minutes of the suite's time. Embedded: an image of the data folder, opened in memory.
 * PostgreSQL: a template database, copied with CREATE DATABASE … TEMPLATE. Each caller gets its
 * own copy, so a suite may write to it. Outside a vitest run with the global setup, it builds
 * directly.
 *
 * `builtIn`: the file (an import.meta.url) whose code `build` is, when it is a test file: the
 * run's version (test/global-setup.ts) leaves *.test.ts out, so the file's own text goes into the
 * fixture's name, and a kept cache never serves what an earlier text of the suite built.
 */
export async function cachedTestDb(target: DbTarget, key: string, build: (db: Db) => Promise<void>, builtIn?: string, base?: BaseFixture): Promise<TestDb> {
  const dir = provided('fixtureCache');
  if (!dir) {
    const t = await openTestDb(target);
    if (base) await base.build(t.db);
    await build(t.db);
    return t;
  }
  // Versioned: a cache that outlives the run (GLACIER_FIXTURE_CACHE) never serves a fixture built by other code.
  const suite = builtIn ? `_${createHash('sha256').update(readFileSync(fileURLToPath(builtIn))).digest('hex').slice(0, 8)}` : '';
  const own = versioned(`${key}${suite}`);
  if (target === 'pglite') return pgliteCopy(dir, own, build, base && (() => pgliteCopy(dir, versioned(base.key), base.build)));
  return postgresCopy(dir, own, build, base && (() => postgresTemplate(dir, versioned(base.key), base.build)));
}

/** A fixture's name in the cache: its key and the run's version of the code and data. */
function versioned(key: string): string {
  return `${key}_${provided('fixtureVersion') ?? 'unversioned'}`;
}

/**
 * A fixture another one starts from (`cachedTestDb`'s `base`: built, or copied from the run's
 * build, before `build` adds to it), instead of building what both hold twice. Its key is its
 * own fixture's: the API fixture with the research data is the API fixture's copy plus the
 * research sources.
 */
export interface BaseFixture {
  key: string;
  build: (db: Db) => Promise<void>;
}

/**
 * A folder `build` fills (the dashboard's production build), built once per run and copied to
 * `dest` for each suite, whose server then reads its own copy. Outside a vitest run with the
 * global setup, `build` fills `dest` directly.
 */
export async function cachedFolder(key: string, dest: string, build: (dir: string) => void | Promise<void>): Promise<void> {
  const dir = provided('fixtureCache');
  if (!dir) return void (await build(dest));
  const name = `${key}_${provided('fixtureVersion') ?? 'unversioned'}.folder`;
  const folder = path.join(dir, name);
  await buildOnce(dir, name, async () => {
    await build(folder);
  });
  await rm(dest, { recursive: true, force: true });
  await cp(folder, dest, { recursive: true });
}

function provided(name: 'fixtureCache' | 'fixtureVersion'): string | null {
  try {
    return inject(name) ?? null;
  } catch {
    return null;
  }
}

/**
 * A copy of a new, migrated in-memory PGlite database, made once per run (what openTestDb('pglite')
 * opens in a vitest run with the global setup); null outside one.
 */
export async function migratedPgliteCopy(): Promise<TestDb | null> {
  const dir = provided('fixtureCache');
  if (!dir) return null;
  return pgliteCopy(dir, versioned('migrated'), async () => {}, openFreshPglite);
}

async function pgliteCopy(dir: string, key: string, build: (db: Db) => Promise<void>, open: () => Promise<TestDb> = () => openTestDb('pglite')): Promise<TestDb> {
  const file = path.join(dir, `${key}.pglite.tar`);
  await buildOnce(dir, `${key}.pglite`, async () => {
    const t = await open();
    await build(t.db);
    const image = await pgliteImage(t.db);
    await t.drop();
    await writeFile(`${file}.part`, Buffer.from(await image.arrayBuffer()));
    await rename(`${file}.part`, file);
  });
  const db = await openPglite(null, new Blob([await readFile(file)]));
  return { db, drop: () => db.close() };
}

/** Template and copies are named after the run's folder, so the global teardown finds them all. */
export function runDatabasePrefix(dir: string): string {
  return `glacier_fx_${path.basename(dir).replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
}

function databaseUrl(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The run's template database of fixture `key`, built by one process of the run (`base`: starting as a copy of that template). */
async function postgresTemplate(dir: string, key: string, build: (db: Db) => Promise<void>, base?: () => Promise<string>): Promise<string> {
  const prefix = runDatabasePrefix(dir);
  const named = `${prefix}_${key.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
  // PostgreSQL cuts names at 63 bytes: a longer one is named by a hash of the key instead.
  const template = named.length <= 63 ? named : `${prefix}_${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
  await buildOnce(dir, `${key}.postgres`, async () => {
    const from = base ? await base() : null;
    const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
    try {
      // Left half-built by an earlier run that shared the cache and was stopped (test/global-setup.ts).
      await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.unsafe(from ? `CREATE DATABASE ${template} TEMPLATE ${from}` : `CREATE DATABASE ${template}`);
    } finally {
      await admin.end();
    }
    const db = openPostgres(databaseUrl(template));
    try {
      await migrate(db);
      await build(db);
    } finally {
      await db.close();
    }
  });
  return template;
}

async function postgresCopy(dir: string, key: string, build: (db: Db) => Promise<void>, base?: () => Promise<string>): Promise<TestDb> {
  const prefix = runDatabasePrefix(dir);
  const template = await postgresTemplate(dir, key, build, base);
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  try {
    const copy = `${prefix}_copy_${randomBytes(5).toString('hex')}`;
    await admin.unsafe(`CREATE DATABASE ${copy} TEMPLATE ${template}`);
    const db = openPostgres(databaseUrl(copy));
    return {
      db,
      async drop() {
        await db.close();
        const a = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
        await a.unsafe(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
        await a.end();
      },
    };
  } finally {
    await admin.end();
  }
}

/**
 * Runs `build` in exactly one process of the run (a lock folder made with mkdir, which is atomic);
 * the others wait for its mark, and fail with its error if it failed.
 */
async function buildOnce(dir: string, name: string, build: () => Promise<void>): Promise<void> {
  const ready = path.join(dir, `${name}.ready`);
  const failed = path.join(dir, `${name}.failed`);
  let builder = true;
  try {
    await mkdir(path.join(dir, `${name}.lock`));
  } catch {
    builder = false;
  }
  if (builder) {
    try {
      await build();
      await writeFile(ready, '');
    } catch (err) {
      await writeFile(failed, (err as Error).stack ?? String(err));
      throw err;
    }
    return;
  }
  for (;;) {
    if (existsSync(ready)) return;
    if (existsSync(failed)) throw new Error(`fixture ${name} failed to build in another suite:\n${await readFile(failed, 'utf8')}`);
    await sleep(100);
  }
}
