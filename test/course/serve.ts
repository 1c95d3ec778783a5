/**
 * For course authors: the API over the course database (test/course/course-db.ts) on
 * 127.0.0.1:8080 (or PORT), to try a lesson's examples by hand before the runner fills in their
 * outputs (`GLACIER_COURSE_UPDATE=1 npx vitest run test/e2e/course.e2e.test.ts`).
 *
 *   npx tsx test/course/serve.ts            # then: export GLACIER_URL=http://127.0.0.1:8080
 */
import { serveCourse } from './serve-course.js';

const server = await serveCourse(undefined, Number(process.env.PORT ?? 8080));
console.log(`course API at ${server.url} (Ctrl-C stops it and drops the database)`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
