import { fitEpidemic, type FitOptions, type FitResult } from '../models/seir/fit.js';
import { QueryError } from './errors.js';
import { modelError } from './seir-params.js';

/** What crosses back from the worker: the fit, a coded refusal, or a fault (structured-clonable). */
export type FitOutcome = { fit: FitResult } | { refusal: { code: QueryError['code']; message: string; parameter?: string } } | { fault: string };

/**
 * Runs in a worker thread (seir-fit-pool.ts): a fit is seconds of pure numerics that would
 * otherwise hold the server's event loop. Errors become data here, where their classes are known.
 */
export default function fitInWorkerThread(o: FitOptions): FitOutcome {
  try {
    return { fit: fitEpidemic(o) };
  } catch (err) {
    const e = modelError(err);
    if (e instanceof QueryError) return { refusal: { code: e.code, message: e.message, parameter: e.parameter } };
    return { fault: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}
