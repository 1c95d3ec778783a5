import { bootstrapDelay, bootstrapIncubation, DelayInputError, type DelayBootstrap, type FitDelayOptions, type FitIncubationOptions, type BootstrapOptions } from '../models/delays/index.js';
import { fitEpidemic, type FitOptions, type FitResult } from '../models/seir/fit.js';
import { QueryError } from './errors.js';
import { modelError } from './seir-params.js';

/**
 * Runs in a worker thread (model-pool.ts): model fits are up to seconds of pure numerics that
 * would otherwise hold the server's event loop. Each task is a pure function of structured-
 * clonable input; errors become data here, where their classes are known.
 */
export const TASKS = {
  seirFit: (o: FitOptions): FitResult => fitEpidemic(o),
  delayBootstrap: (o: FitDelayOptions & BootstrapOptions): DelayBootstrap => bootstrapDelay(o),
  incubationBootstrap: (o: FitIncubationOptions & BootstrapOptions): DelayBootstrap => bootstrapIncubation(o),
};
export type TaskName = keyof typeof TASKS;

/** What crosses back from the worker: the result, a coded refusal, or a fault. */
export type TaskOutcome<T> = { result: T } | { refusal: { code: QueryError['code']; message: string; parameter?: string } } | { fault: string };

function refusalOf(err: unknown): QueryError | null {
  if (err instanceof DelayInputError) return new QueryError('ERR_MODEL_INPUT', err.message, err.parameter);
  const e = modelError(err);
  return e instanceof QueryError ? e : null;
}

export default function runTask({ task, input }: { task: TaskName; input: unknown }): TaskOutcome<unknown> {
  try {
    return { result: (TASKS[task] as (i: unknown) => unknown)(input) };
  } catch (err) {
    const e = refusalOf(err);
    if (e) return { refusal: { code: e.code, message: e.message, parameter: e.parameter } };
    return { fault: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}
