import { DEFAULT_SOLVER, solve, type Rhs, type SolverOptions } from './ode.js';

/**
 * Solves from day 0 to day `days` and returns the state at the start of every day
 * (row k = day k, k = 0..days), flattened. The right-hand side may change at `breaks`
 * (whole days, e.g. a change of transmission): each stretch between breaks is solved on its
 * own, so that no Runge–Kutta stage mixes the rates of two stretches.
 */
export function solveDaily(y0: Float64Array, days: number, breaks: readonly number[], rhsFrom: (day: number) => Rhs, solver: SolverOptions = DEFAULT_SOLVER): Float64Array {
  const dim = y0.length;
  const out = new Float64Array((days + 1) * dim);
  out.set(y0, 0);
  const cuts = [...new Set(breaks.filter((d) => d > 0 && d < days))].sort((a, b) => a - b);
  const bounds = [0, ...cuts, days];
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s], to = bounds[s + 1];
    if (to <= from) continue;
    const times = Array.from({ length: to - from }, (_, k) => from + k + 1);
    const start = out.subarray(from * dim, (from + 1) * dim);
    solve(rhsFrom(from), from, start, times, solver, out.subarray((from + 1) * dim, (to + 1) * dim));
  }
  return out;
}
