import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractExamples, normaliseOutput, withOutputs, type Example } from '../course/lesson-blocks.js';
import { inPool, ROOT, runExample, runProcess, TSX_IMPORT, type ExampleRun } from '../course/run-example.js';
import { serveCourse, type CourseServer } from '../course/serve-course.js';

/**
 * The course (docs/course/) runs: every runnable example of every lesson (```bash, ```ts,
 * ```python; docs/course/README.md "For authors") is run against the API over the course
 * database (test/course/course-db.ts lists its sources), each in its own process, and must print
 * exactly its ```output block (trailing whitespace aside). The Chinese lesson (docs/course/zh/)
 * must hold the same examples and outputs, byte for byte, in the same order; they run once.
 * The figures in docs/course/figures/ must be what scripts/course-figures.ts draws from the same
 * server.
 *
 * GLACIER_COURSE_UPDATE=1 writes the actual outputs into the output blocks of both languages
 * and the figures into docs/course/figures/ instead of comparing (for authors; never in CI).
 */
const COURSE = path.join(ROOT, 'docs/course');
const FIGURES = path.join(COURSE, 'figures');
const UPDATE = process.env.GLACIER_COURSE_UPDATE === '1';
/** Examples run two at a time (the machine has two cores; each is mostly waiting on the server). */
const PARALLEL = 2;
const EXAMPLE_TIMEOUT_MS = 60_000;

const LESSONS = readdirSync(COURSE).filter((f) => /^\d\d-.+\.md$/.test(f)).sort();

function readLesson(file: string): { text: string; examples: Example[]; problems: string[] } {
  const text = readFileSync(file, 'utf8');
  return { text, ...extractExamples(text) };
}

function failure(lesson: string, e: Example, run: ExampleRun): string | null {
  const where = `docs/course/${lesson}:${e.line} (${e.lang})`;
  if (run.timedOut) return `${where}: did not finish within ${EXAMPLE_TIMEOUT_MS / 1000} s\n${run.stderr}`;
  if (run.status !== 0) return `${where}: exited with status ${run.status}\n--- stderr\n${run.stderr}\n--- stdout\n${run.stdout}`;
  return null;
}

describe('the course: every example prints what its lesson shows', () => {
  let server: CourseServer;
  beforeAll(async () => {
    server = await serveCourse();
  }, 180_000);
  afterAll(async () => server?.close());

  it('has lessons', () => {
    expect(LESSONS.length).toBeGreaterThan(0);
  });

  describe.each(LESSONS)('%s', (lesson) => {
    const en = path.join(COURSE, lesson);
    const zh = path.join(COURSE, 'zh', lesson);

    it('has the same examples and outputs in English and Chinese', () => {
      const a = readLesson(en);
      expect(a.problems, `docs/course/${lesson}`).toEqual([]);
      expect(existsSync(zh), `docs/course/zh/${lesson} is missing`).toBe(true);
      const b = readLesson(zh);
      expect(b.problems, `docs/course/zh/${lesson}`).toEqual([]);
      const shape = (x: Example[]) => x.map((e) => ({ lang: e.lang, code: e.code, output: e.output }));
      expect(shape(b.examples), `docs/course/zh/${lesson} must hold the examples of docs/course/${lesson}, byte for byte, in order`).toEqual(shape(a.examples));
    });

    it('runs every example and prints its output block', async () => {
      const lessonEn = readLesson(en);
      expect(lessonEn.problems, `docs/course/${lesson}`).toEqual([]);
      const runs = await inPool(
        lessonEn.examples.map((e) => () => runExample(e.lang, e.code, server.url, EXAMPLE_TIMEOUT_MS)),
        PARALLEL,
      );
      const failures = lessonEn.examples.map((e, i) => failure(lesson, e, runs[i]));
      if (UPDATE) {
        const outputs = runs.map((r, i) => (failures[i] ? null : r.stdout));
        writeFileSync(en, withOutputs(lessonEn.text, lessonEn.examples, outputs));
        if (existsSync(zh)) {
          const lessonZh = readLesson(zh);
          // Only where the Chinese example is the English one (the identity test reports the rest).
          const zhOutputs = lessonZh.examples.map((z, i) => (lessonEn.examples[i]?.code === z.code && lessonEn.examples[i]?.lang === z.lang ? outputs[i] : null));
          writeFileSync(zh, withOutputs(lessonZh.text, lessonZh.examples, zhOutputs));
        }
      }
      for (const f of failures) if (f) expect.soft(f).toBe(null);
      if (UPDATE) return;
      lessonEn.examples.forEach((e, i) => {
        if (failures[i]) return;
        expect.soft(normaliseOutput(runs[i].stdout), `docs/course/${lesson}:${e.line} (${e.lang}) printed something else than its output block`).toBe(normaliseOutput(e.output));
      });
    }, 300_000);
  });

  it('has the figures scripts/course-figures.ts draws from the API (docs/course/figures)', async () => {
    const out = UPDATE ? FIGURES : await mkdtemp(path.join(tmpdir(), 'glacier-course-figures-'));
    try {
      const r = await runProcess(process.execPath, ['--import', TSX_IMPORT, path.join(ROOT, 'scripts/course-figures.ts'), '--out', out], {
        cwd: ROOT,
        env: { ...process.env, GLACIER_URL: server.url },
        timeoutMs: 120_000,
      });
      expect(r.status, `scripts/course-figures.ts failed:\n${r.stderr}`).toBe(0);
      const drawn = readdirSync(out).filter((f) => f.endsWith('.svg')).sort();
      expect(drawn.length).toBeGreaterThan(0);
      const committed = existsSync(FIGURES) ? readdirSync(FIGURES).filter((f) => f.endsWith('.svg')).sort() : [];
      expect(committed, 'docs/course/figures holds exactly the figures the script draws (GLACIER_COURSE_UPDATE=1 writes them)').toEqual(drawn);
      for (const f of drawn) {
        expect.soft(readFileSync(path.join(out, f), 'utf8') === readFileSync(path.join(FIGURES, f), 'utf8'), `docs/course/figures/${f} differs from what the script draws now (GLACIER_COURSE_UPDATE=1 rewrites it)`).toBe(true);
      }
    } finally {
      if (!UPDATE) await rm(out, { recursive: true, force: true });
    }
  }, 180_000);
});
