import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from './config.js';

/**
 * Child processes of the benchmark: each measured job runs in a Node process of its own
 * (TypeScript through tsx's loader), so its peak RSS and its event loop are its own.
 */

const running = new Set<ChildProcess>();
let stopping = false;

function spawnTs(script: string, args: string[]): ChildProcess {
  if (stopping) throw new Error(`not starting ${script}: the benchmark is stopping`);
  // BENCH_CPU_PROF=<dir>: each child writes a V8 CPU profile there when it exits (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: process.env,
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** True once killChildren() has been called (Ctrl-C or the end of the run). */
export const isStopping = (): boolean => stopping;

/**
 * Kills the children still running (each by its own pid) and waits for them to exit; no
 * child starts afterwards. Used at the end of a run and on Ctrl-C.
 */
export async function killChildren(): Promise<void> {
  stopping = true;
  const alive = [...running].filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(
    alive.map(
      (c) =>
        new Promise<void>((resolve) => {
          const hard = setTimeout(() => c.kill('SIGKILL'), 5_000);
          c.once('exit', () => {
            clearTimeout(hard);
            resolve();
          });
          c.kill('SIGTERM');
        }),
    ),
  );
}

/** Runs a script to its end and parses the JSON on the last line of its stdout. */
export function runJsonChild<T>(script: string, args: string[] = []): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = spawnTs(script, args);
    child.stdin!.on('error', () => {});
    child.stdin!.end();
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`${script} ${args.join(' ')} exited with ${signal ?? code}\n${tail(err || out)}`));
        return;
      }
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no JSON result; stdout ends: ${tail(out)}\n${tail(err)}`));
      }
    });
  });
}

export interface ServerChild<T> {
  info: T;
  pid: number;
  /** Asks the child to close (it closes its app and database on end of stdin), then waits. */
  stop(): Promise<void>;
}

/**
 * Starts a long-running script that prints one JSON line once it is ready (for a server: its
 * ports) and keeps running until its stdin ends. If this process dies, the pipe closes and
 * the child stops by itself.
 */
export function startServerChild<T>(script: string, args: string[] = [], readyTimeoutMs = 60_000): Promise<ServerChild<T>> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(script, args);
    child.stdin!.on('error', () => {});
    let out = '';
    let err = '';
    let ready = false;
    const exited = new Promise<void>((r) => child.once('close', () => r()));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`${script} did not get ready within ${readyTimeoutMs} ms\n${tail(err)}`));
    }, readyTimeoutMs);
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (ready || nl < 0) return;
      ready = true;
      clearTimeout(timer);
      try {
        const info = JSON.parse(out.slice(0, nl)) as T;
        resolve({
          info,
          pid: child.pid!,
          async stop() {
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.stdin!.end();
            const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            await exited;
            clearTimeout(killer);
          },
        });
      } catch {
        child.kill('SIGTERM');
        reject(new Error(`${script} printed no JSON on its first line: ${tail(out)}`));
      }
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`${script} exited with ${signal ?? code} before getting ready\n${tail(err || out)}`));
    });
  });
}

function tail(s: string, lines = 25): string {
  return s.trim().split('\n').slice(-lines).join('\n');
}
