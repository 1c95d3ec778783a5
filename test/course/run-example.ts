import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BlockLang } from './lesson-blocks.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The repository's tsx, loaded into this Node (CI: Node 24), so TypeScript examples run as `npx tsx` would run them. */
export const TSX_IMPORT = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
/** Debian's python3, which has Debian's python3-pandas (the pyenv python3 first on PATH has no pandas). */
export const PYTHON = process.env.GLACIER_COURSE_PYTHON ?? '/usr/bin/python3';

export interface ExampleRun {
  stdout: string;
  stderr: string;
  /** Exit status; null when killed (timeout). */
  status: number | null;
  timedOut: boolean;
}

/**
 * Runs one example in a process of its own, in an empty temporary folder, with only
 * GLACIER_URL (and PATH, HOME, a UTF-8 locale, UTC) in its environment.
 */
export async function runExample(lang: BlockLang, code: string, glacierUrl: string, timeoutMs = 60_000): Promise<ExampleRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'glacier-course-'));
  try {
    let cmd: string;
    let args: string[];
    if (lang === 'bash') {
      cmd = 'bash';
      args = ['-e', '-o', 'pipefail', '-c', code];
    } else if (lang === 'ts') {
      // .mts: an ES module, so top-level await works without a package.json beside it.
      const file = path.join(dir, 'example.mts');
      await writeFile(file, code);
      cmd = process.execPath;
      args = ['--import', TSX_IMPORT, file];
    } else {
      const file = path.join(dir, 'example.py');
      await writeFile(file, code);
      cmd = PYTHON;
      args = [file];
    }
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? dir,
      GLACIER_URL: glacierUrl,
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TZ: 'UTC',
      NO_COLOR: '1',
      PYTHONIOENCODING: 'utf-8',
      PYTHONDONTWRITEBYTECODE: '1',
    };
    return await runProcess(cmd, args, { cwd: dir, env, timeoutMs });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a command without blocking the event loop (the API under test answers from this same
 * process), collecting its output; killed after `timeoutMs`.
 */
export function runProcess(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<ExampleRun> {
  return new Promise<ExampleRun>((resolve, reject) => {
    // A process group of its own, so that a timeout kills what the example started too (curl
    // under bash), whose open pipes would otherwise keep the run from ending.
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), status, timedOut });
    });
  });
}

/** Runs `jobs` with at most `limit` at a time, results in input order. */
export async function inPool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}
