import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { siblingModule } from '../lib/sibling-module.js';
import { QueryError } from './errors.js';
import type { TASKS, TaskName, TaskOutcome } from './model-worker.js';

/**
 * Model fits (SEIR, delay and incubation bootstraps) run in worker threads (piscina): their
 * numerics never touch the event loop, so the server keeps answering while a fit runs. Under tsx
 * or vitest the worker is the .ts source and needs tsx's loader; built, it is the .js file beside
 * this one. Threads start on the first task and end when idle.
 */
let pool: Piscina | null = null;

function modelPool(): Piscina {
  if (pool) return pool;
  const worker = siblingModule(import.meta.url, 'model-worker');
  pool = new Piscina({
    filename: worker.url.href,
    execArgv: worker.execArgv,
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, availableParallelism())),
    idleTimeout: 10_000,
  });
  return pool;
}

/** One task in a worker thread, with the same coded errors as in-process. */
export async function runOffThread<K extends TaskName>(task: K, input: Parameters<(typeof TASKS)[K]>[0]): Promise<ReturnType<(typeof TASKS)[K]>> {
  const out = (await modelPool().run({ task, input })) as TaskOutcome<ReturnType<(typeof TASKS)[K]>>;
  if ('result' in out) return out.result;
  if ('refusal' in out) throw new QueryError(out.refusal.code, out.refusal.message, out.refusal.parameter);
  throw new Error(`model worker (${task}): ${out.fault}`);
}
