import { Budget, type BudgetLimits } from './budget.js';
import { startingValues } from './fit-start.js';
import { countObserved } from './likelihood.js';
import { nelderMead, type NelderMeadResult } from './nelder-mead.js';
import { FIT_SOLVER, makeObjective } from './objective.js';
import type { SolverOptions } from './ode.js';
import { parameterSpace, type FitProblem } from './parameter-space.js';
import { ModelInputError, type EpidemicParams } from './params.js';
import { profileInterval } from './profile.js';
import { createRng } from './rng.js';
import { simulate, type Trajectory } from './simulate.js';

export interface FitOptions extends FitProblem {
  /** Nelder–Mead runs: the first from the data-driven guess, the others from seeded jitters of it. */
  starts: number;
  seed: number;
  /** 95 % profile-likelihood intervals for every segment's R, or none. */
  intervals: 'profile' | 'none';
  budget: BudgetLimits;
  solver?: SolverOptions;
}

export interface Estimate {
  name: string;
  value: number;
  /** 95 % profile-likelihood bounds (null: not computed, or open at the search bound). */
  lower: number | null;
  upper: number | null;
}

export interface FitResult {
  /** The fitted model, ready for simulate() and scenarios. */
  params: EpidemicParams;
  /** Every free parameter on its natural scale (R0, R1…, seed, then gamma, reporting, ifr, dispersions if free). */
  estimates: Estimate[];
  /** β/γ of the first segment, with its interval. */
  r0: Estimate;
  /** Each transmission segment: first day, β, R = β/γ with interval. */
  segments: { day: number; beta: number; r: Estimate }[];
  logLik: number;
  /** 2k − 2ℓ, k = free parameters. */
  aic: number;
  observations: number;
  freeParameters: number;
  /** The fitted model over the observed days. */
  fitted: Trajectory;
  optimizer: { method: 'nelder-mead'; starts: number; startLogLiks: number[]; startsAgreeing: number; evaluations: number; converged: boolean };
}

/** Starts jitter the guess by this standard deviation on the log/logit scale. */
const START_JITTER = 0.5;

/** Maximum-likelihood fit of SIR/SEIR to daily cases (and deaths) with several Nelder–Mead starts. */
export function fitEpidemic(o: FitOptions): FitResult {
  checkProblem(o);
  const space = parameterSpace(o);
  const budget = new Budget(o.budget);
  const objective = makeObjective(o, space, budget, o.solver ?? FIT_SOLVER);
  const n = space.specs.length;
  const nm = (x0: Float64Array, step: number) => nelderMead(objective, x0, { step, maxEvaluations: 300 + 150 * n, xTolerance: 1e-4, fTolerance: 1e-6 });

  const guess = space.fromNatural(startingValues(o, space));
  const rng = createRng(o.seed);
  const runs: NelderMeadResult[] = [];
  for (let s = 0; s < o.starts; s++) runs.push(nm(s === 0 ? guess : guess.map((v) => v + START_JITTER * rng.normal()), 0.3));
  let best = runs.reduce((a, b) => (b.f < a.f ? b : a));
  // Restart from the best point until it stops improving: a simplex can stall on a ridge.
  for (let k = 0; k < 6; k++) {
    const r = nm(best.x, 0.05);
    const gain = best.f - r.f;
    if (r.f < best.f) best = r;
    if (gain < 1e-4) break;
  }
  const theta = space.clamp(best.x).theta;
  const fHat = objective(theta);
  const natural = space.toNatural(theta);
  const estimates: Estimate[] = space.specs.map((s, i) => ({ name: s.name, value: natural[i], lower: null, upper: null }));
  if (o.intervals === 'profile') {
    for (const i of space.rIndex) Object.assign(estimates[i], profileInterval(objective, space, theta, fHat, i));
  }
  const { params } = space.params(theta);
  const observations = countObserved(o.cases) + countObserved(o.deaths);
  const rs = space.rIndex.map((i) => estimates[i]);
  return {
    params,
    estimates,
    r0: rs[0],
    segments: rs.map((r, k) => ({ day: k === 0 ? 0 : o.changeDays[k - 1], beta: r.value * params.gamma, r })),
    logLik: -fHat,
    aic: 2 * n + 2 * fHat,
    observations,
    freeParameters: n,
    fitted: simulate(params, o.cases.length, o.solver),
    optimizer: {
      method: 'nelder-mead',
      starts: o.starts,
      startLogLiks: runs.map((r) => -r.f),
      startsAgreeing: runs.filter((r) => r.f - fHat < 0.5).length,
      evaluations: budget.evaluations,
      converged: best.converged,
    },
  };
}

function checkProblem(o: FitOptions): void {
  const n = o.cases.length;
  if (o.deaths && o.deaths.length !== n) throw new ModelInputError('deaths', `must have as many days as cases (${n})`);
  let last = 0;
  o.changeDays.forEach((d, i) => {
    if (!Number.isInteger(d) || d <= last || d >= n) throw new ModelInputError(`changes[${i}]`, `must fall inside the observed days, after the first day and in increasing order`);
    last = d;
  });
  const free = 2 + o.changeDays.length + Number(o.free.gamma) + Number(o.free.reporting);
  if (countObserved(o.cases) < 2 * free + 5) throw new ModelInputError('cases', `too few known days (${countObserved(o.cases)}) for ${free} fitted parameters; give at least ${2 * free + 5}`);
  if (!(o.starts >= 1)) throw new ModelInputError('starts', 'must be at least 1');
}
