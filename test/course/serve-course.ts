import type { AddressInfo } from 'node:net';
import { buildApp, type App } from '../../src/api/app.js';
import { DB_TARGETS, type DbTarget, type TestDb } from '../databases.js';
import { courseDb } from './course-db.js';

/**
 * The database target the course runs on: PostgreSQL, whose course database builds faster
 * (21 s against 36 s on PGlite, measured on the shared 2-core machine), unless
 * GLACIER_TEST_TARGETS leaves it out.
 */
export const COURSE_TARGET: DbTarget = DB_TARGETS.includes('postgres') ? 'postgres' : DB_TARGETS[0];

export interface CourseServer {
  url: string;
  app: App;
  close(): Promise<void>;
}

/** The API over the course database, listening on a free loopback port (or `port`). */
export async function serveCourse(target: DbTarget = COURSE_TARGET, port = 0): Promise<CourseServer> {
  const t: TestDb = await courseDb(target);
  const app = await buildApp({ db: t.db, versionTtlMs: 0, webRoot: null });
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    async close() {
      await app.close();
      await t.drop();
    },
  };
}
