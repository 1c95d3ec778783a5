import type { Budget } from './budget.js';
import { logLikelihood } from './likelihood.js';
import { OdeStepLimitError, type SolverOptions } from './ode.js';
import type { FitProblem, ParameterSpace } from './parameter-space.js';
import { simulateCounts } from './simulate.js';

/** −log-likelihood of θ (plus a penalty outside the bounds): what the optimiser minimises. */
export type Objective = (theta: Float64Array) => number;

/**
 * The solver for fitting: Dormand–Prince at a relative tolerance of 1e-6, where the
 * log-likelihood of a 98-day German series stays within 5e-4 of its value at 1e-11 along a line
 * of R0 values — far below the 0.01 the profile's root search resolves — at about 60 % of the
 * work of 1e-8.
 */
export const FIT_SOLVER: SolverOptions = { method: 'dopri5', rtol: 1e-6, atol: 1e-6, maxSteps: 100_000 };

export function makeObjective(p: FitProblem, space: ParameterSpace, budget: Budget, solver: SolverOptions = FIT_SOLVER): Objective {
  const days = p.cases.length;
  return (raw) => {
    budget.spend();
    const { theta, penalty } = space.clamp(raw);
    const { params, dispersion } = space.params(theta);
    let ll: number;
    try {
      const t = simulateCounts(params, days, solver);
      ll = logLikelihood(p.likelihood, p.cases, t.cases, dispersion.cases);
      if (p.deaths) ll += logLikelihood(p.likelihood, p.deaths, t.deaths, dispersion.deaths);
    } catch (err) {
      if (err instanceof OdeStepLimitError) return Number.POSITIVE_INFINITY;
      throw err;
    }
    return -ll + penalty;
  };
}
