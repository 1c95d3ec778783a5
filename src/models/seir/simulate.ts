import { COMPARTMENTS, D, E, F, I, INFECTIONS, localFlows, localRates, ONSETS, PATCH_STATE, R, S, writeInitialState } from './compartments.js';
import { solveDaily } from './daily-solve.js';
import type { SolverOptions } from './ode.js';
import { betaOn, checkParams, type EpidemicParams } from './params.js';

/** Compartment sizes at the start of each day (length days + 1). */
export type CompartmentSeries = Record<(typeof COMPARTMENTS)[number], Float64Array>;

/** A model run: states at the start of each day, and what flowed during each day. */
export interface Trajectory extends CompartmentSeries {
  days: number;
  /** New infections during day k (S → E, or S → I in SIR), k = 0..days − 1. */
  infections: Float64Array;
  /** New infectious people during day k (E → I; SIR: = infections). */
  onsets: Float64Array;
  /** Reported cases during day k: reporting × onsets of day k − reportingDelay. */
  cases: Float64Array;
  /** New deaths during day k. */
  deaths: Float64Array;
}

export const MAX_SIMULATION_DAYS = 5000;

/** Runs the deterministic SIR/SEIR model for `days` days from the day-0 state. */
export function simulate(p: EpidemicParams, days: number, solver?: SolverOptions): Trajectory {
  return trajectoryOf(solveStates(p, days, solver), PATCH_STATE, 0, days, p.reporting, p.reportingDelay ?? 0);
}

/** Only the expected reported cases and deaths per day: what a fit scores, without the rest of a Trajectory. */
export function simulateCounts(p: EpidemicParams, days: number, solver?: SolverOptions): { cases: Float64Array; deaths: Float64Array } {
  const states = solveStates(p, days, solver);
  const cases = new Float64Array(days), deaths = new Float64Array(days);
  const lag = (p.reportingDelay ?? 0) * PATCH_STATE;
  for (let k = 0, o = 0; k < days; k++, o += PATCH_STATE) {
    cases[k] = p.reporting * (states[o + PATCH_STATE + ONSETS] - states[o + ONSETS]);
    deaths[k] = states[lag + o + PATCH_STATE + D] - states[lag + o + D];
  }
  return { cases, deaths };
}

/**
 * The states at the start of each day −delay..days, flattened (PATCH_STATE per day; row r is day
 * r − delay), so that the people reported on days 0..days − 1 became infectious inside the run.
 */
function solveStates(p: EpidemicParams, days: number, solver?: SolverOptions): Float64Array {
  checkParams(p);
  if (!Number.isInteger(days) || days < 1 || days > MAX_SIMULATION_DAYS) throw new RangeError(`days must be a whole number in 1..${MAX_SIMULATION_DAYS}`);
  const delay = p.reportingDelay ?? 0;
  const y0 = new Float64Array(PATCH_STATE);
  writeInitialState(p, y0, 0);
  return solveDaily(y0, days + delay, p.beta.changes.map((c) => c.day + delay), (row) => {
    const rates = localRates(p, betaOn(p.beta, row - delay));
    return (_t, y, dy) => localFlows(y, 0, rates, dy);
  }, solver);
}

/**
 * Reads one population's trajectory out of flattened daily states (row stride `dim`, offset `o`)
 * whose row r is day r − delay: cases on day k are the onsets of day k − delay, the rest day k's.
 */
export function trajectoryOf(states: Float64Array, dim: number, o0: number, days: number, reporting: number, delay = 0): Trajectory {
  const o = o0 + delay * dim;
  const column = (c: number) => {
    const out = new Float64Array(days + 1);
    for (let k = 0; k <= days; k++) out[k] = states[k * dim + o + c];
    return out;
  };
  const daily = (c: number, sign = 1) => {
    const out = new Float64Array(days);
    for (let k = 0; k < days; k++) out[k] = sign * (states[(k + 1) * dim + o + c] - states[k * dim + o + c]);
    return out;
  };
  const onsets = daily(ONSETS);
  const cases = new Float64Array(days);
  for (let k = 0; k < days; k++) cases[k] = reporting * (states[(k + 1) * dim + o0 + ONSETS] - states[k * dim + o0 + ONSETS]);
  return {
    days,
    susceptible: column(S),
    exposed: column(E),
    infectious: column(I),
    recovered: column(R),
    dying: column(F),
    dead: column(D),
    infections: daily(INFECTIONS),
    onsets,
    cases,
    deaths: daily(D),
  };
}
