import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { FitOptions, FitResult } from '../models/seir/fit.js';
import { QueryError } from './errors.js';
import type { FitOutcome } from './seir-fit-worker.js';

/**
 * SEIR fits run in worker threads (piscina): their numerics never touch the event loop, so the
 * server keeps answering while a fit runs. Under tsx or vitest the worker is the .ts source and
 * needs tsx's loader; built, it is the .js file beside this one. Threads start on the first fit
 * and end when idle.
 */
let pool: Piscina | null = null;

function fitPool(): Piscina {
  if (pool) return pool;
  const source = import.meta.url.endsWith('.ts');
  pool = new Piscina({
    filename: new URL(`./seir-fit-worker.${source ? 'ts' : 'js'}`, import.meta.url).href,
    execArgv: source ? ['--import', 'tsx'] : [],
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, availableParallelism())),
    idleTimeout: 10_000,
  });
  return pool;
}

/** fitEpidemic in a worker thread, with the same coded errors. */
export async function fitOffThread(o: FitOptions): Promise<FitResult> {
  const out = (await fitPool().run(o)) as FitOutcome;
  if ('fit' in out) return out.fit;
  if ('refusal' in out) throw new QueryError(out.refusal.code, out.refusal.message, out.refusal.parameter);
  throw new Error(`SEIR fit worker: ${out.fault}`);
}
