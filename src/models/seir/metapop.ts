import { E, F, I, localFlows, localRates, PATCH_STATE, R, S, writeInitialState } from './compartments.js';
import { solveDaily } from './daily-solve.js';
import type { SolverOptions } from './ode.js';
import { betaOn, checkParams, ModelInputError, type EpidemicParams, type InitialState, type Transmission } from './params.js';
import { MAX_SIMULATION_DAYS, trajectoryOf, type Trajectory } from './simulate.js';

/** One population of the network (a city). */
export interface Patch {
  name: string;
  population: number;
  initial: InitialState;
  /** Its own transmission schedule; default the shared one. */
  beta?: Transmission;
}

/**
 * A metapopulation SIR/SEIR: patches with their own epidemics, linked by daily travel. The disease
 * parameters are shared; `mobility[i][j]` is the share of the people in patch i who travel to patch
 * j per day (a rate per day, continuous in time; the diagonal is ignored). Travellers of every living compartment move
 * alike, so infection spreads with the exposed and infectious; nobody travels once dead.
 * Travel is balanced when N_i·m_ij = N_j·m_ji: the patches' populations then stay constant
 * (exactly so without deaths).
 */
export interface MetapopParams extends Omit<EpidemicParams, 'population' | 'initial'> {
  patches: readonly Patch[];
  mobility: readonly (readonly number[])[];
}

export interface MetapopTrajectory {
  patches: { name: string; trajectory: Trajectory }[];
}

const TRAVELLING = [S, E, I, R, F];

export function simulateMetapop(p: MetapopParams, days: number, solver?: SolverOptions): MetapopTrajectory {
  const n = p.patches.length;
  if (n < 1) throw new ModelInputError('patches', 'give at least one patch');
  if (!Number.isInteger(days) || days < 1 || days > MAX_SIMULATION_DAYS) throw new RangeError(`days must be a whole number in 1..${MAX_SIMULATION_DAYS}`);
  const single = p.patches.map((patch, i) => {
    const q: EpidemicParams = { ...p, population: patch.population, initial: patch.initial, beta: patch.beta ?? p.beta };
    checkParams(q, `patches[${i}].`);
    return q;
  });
  const m = checkMobility(p.mobility, n);
  const outRate = m.map((row, i) => row.reduce((s, v, j) => (j === i ? s : s + v), 0));
  const y0 = new Float64Array(n * PATCH_STATE);
  single.forEach((q, i) => writeInitialState(q, y0, i * PATCH_STATE));
  const delay = p.reportingDelay ?? 0;
  const breaks = single.flatMap((q) => q.beta.changes.map((c) => c.day + delay));

  // As simulate(): rows are days −delay..days (see solveStates there).
  const states = solveDaily(y0, days + delay, breaks, (row) => {
    const rates = single.map((q) => localRates(q, betaOn(q.beta, row - delay)));
    return (_t, y, dy) => {
      for (let i = 0; i < n; i++) localFlows(y, i * PATCH_STATE, rates[i], dy);
      for (let i = 0; i < n; i++) {
        const oi = i * PATCH_STATE;
        for (const c of TRAVELLING) {
          let inflow = 0;
          for (let j = 0; j < n; j++) if (j !== i && m[j][i] !== 0) inflow += m[j][i] * y[j * PATCH_STATE + c];
          dy[oi + c] += inflow - outRate[i] * y[oi + c];
        }
      }
    };
  }, solver);
  return { patches: p.patches.map((patch, i) => ({ name: patch.name, trajectory: trajectoryOf(states, n * PATCH_STATE, i * PATCH_STATE, days, p.reporting, delay) })) };
}

function checkMobility(m: readonly (readonly number[])[], n: number): number[][] {
  if (m.length !== n) throw new ModelInputError('mobility', `must be ${n} × ${n} (one row per patch), got ${m.length} rows`);
  return m.map((row, i) => {
    if (row.length !== n) throw new ModelInputError(`mobility[${i}]`, `must have ${n} entries, got ${row.length}`);
    row.forEach((v, j) => {
      if (!(Number.isFinite(v) && v >= 0)) throw new ModelInputError(`mobility[${i}][${j}]`, `must be a share per day ≥ 0 (got ${v})`);
    });
    return [...row];
  });
}
