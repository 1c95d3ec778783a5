import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { TEST_PG_URL } from './databases.js';
import { runDatabasePrefix } from './fixture-cache.js';

/**
 * One folder per test run for the fixtures the suites share (test/fixture-cache.ts), in memory
 * where the machine has /dev/shm; removed afterwards with every database the run made.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'glacier-fixtures-'));
  project.provide('fixtureCache', dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
    const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      const made = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE ${`${runDatabasePrefix(dir)}%`}`;
      for (const { datname } of made) await admin.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    } catch {
      // No PostgreSQL (GLACIER_TEST_TARGETS=pglite): nothing was made there.
    } finally {
      await admin.end();
    }
  };
}
