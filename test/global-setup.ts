import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { TEST_PG_URL } from './databases.js';
import { runDatabasePrefix } from './fixture-cache.js';
import { SHARED_DATA } from './shared-data.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * One folder per test run for the fixtures the suites share (test/fixture-cache.ts), in memory
 * where the machine has /dev/shm; removed afterwards with every database the run made.
 *
 * GLACIER_FIXTURE_CACHE names a folder that several runs share instead (CI's Node 24 and Node 20
 * passes: .ci/run). Fixtures there are named after a hash of the code and data that build them, so
 * a run after a change builds its own. With GLACIER_FIXTURE_CACHE_KEEP=1 the run leaves the folder
 * and its template databases for the next run; without, its teardown removes them as usual.
 */
export default async function setup(project: TestProject) {
  const shared = process.env.GLACIER_FIXTURE_CACHE;
  let dir: string;
  if (shared) {
    dir = path.resolve(shared);
    await mkdir(dir, { recursive: true });
    await forgetUnfinished(dir);
  } else {
    dir = await mkdtemp(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'glacier-fixtures-'));
  }
  project.provide('fixtureCache', dir);
  project.provide('fixtureVersion', await fixtureVersion());
  const keep = Boolean(shared) && process.env.GLACIER_FIXTURE_CACHE_KEEP === '1';
  return async () => {
    // Kept: only the suites' copies go (each suite drops its own; these are what a failed one left).
    if (!keep) await rm(dir, { recursive: true, force: true });
    await dropDatabases(keep ? `${runDatabasePrefix(dir)}_copy_` : runDatabasePrefix(dir));
  };
}

/**
 * A fixture an earlier run failed to build, or was stopped building, is built again: its lock
 * would otherwise keep this run waiting, or failing with that run's error.
 */
async function forgetUnfinished(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.lock')) continue;
    const fixture = path.join(dir, name.slice(0, -'.lock'.length));
    if (existsSync(`${fixture}.ready`)) continue;
    await rm(`${fixture}.failed`, { force: true });
    await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

async function dropDatabases(prefix: string): Promise<void> {
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const made = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE starts_with(datname, ${prefix})`;
    for (const { datname } of made) await admin.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } catch {
    // No PostgreSQL (GLACIER_TEST_TARGETS=pglite): nothing was made there.
  } finally {
    await admin.end();
  }
}

/**
 * A short hash of what the fixtures are built from: the product's code (src/, web/, openapi.json),
 * the tests' helpers (test/, *.test.ts left out), the locked dependencies, and the data files'
 * names, sizes and times.
 * Coarser than each fixture's own inputs, but never stale.
 */
async function fixtureVersion(): Promise<string> {
  const hash = createHash('sha256');
  const code = (await Promise.all(['src', 'test', 'web'].map((d) => files(path.join(ROOT, d))))).flat().filter((f) => !f.endsWith('.test.ts')).sort();
  for (const f of [...code, path.join(ROOT, 'package-lock.json'), path.join(ROOT, 'openapi.json')]) {
    hash.update(path.relative(ROOT, f)).update('\0').update(await readFile(f)).update('\0');
  }
  for (const f of (await files(SHARED_DATA)).sort()) {
    const s = await stat(f);
    hash.update(`${path.relative(SHARED_DATA, f)}\0${s.size}\0${s.mtimeMs}\0`);
  }
  return hash.digest('hex').slice(0, 10);
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
