import { discretiseSerialInterval, type ShiftedGammaSerialInterval } from './discr-si.js';
import { RtInputError } from './errors.js';
import { unitGammaQuantiles } from './gamma.js';
import { INSUFFICIENT_DATA, probBelowOne, trendFromProbBelowOne, type RtWindowTrend } from './trend.js';

/**
 * The instantaneous reproduction number R over time windows (Cori et al., AJE 2013), exactly as
 * EpiEstim 2.2-4's estimate_R computes it for methods "parametric_si" and "non_parametric_si":
 * a Gamma prior on R, a Poisson renewal likelihood, hence a Gamma posterior per window. See
 * docs/models/rt.md.
 */

export type SerialIntervalSpec =
  | ({ kind: 'parametric' } & ShiftedGammaSerialInterval)
  /** w_0, w_1, …: P(serial interval = k days); w_0 must be 0 and the sum 1 (± 0.01, as EpiEstim). */
  | { kind: 'distribution'; weights: readonly number[] };

/** Day indices are 0-based into the incidence; EpiEstim's t_start is start + 1. */
export type RtWindows =
  | { kind: 'sliding'; length: number }
  | { kind: 'given'; start: readonly number[]; end: readonly number[] };

export interface RtPrior {
  mean: number;
  sd: number;
}

export interface RtConfig {
  serialInterval: SerialIntervalSpec;
  /** Default: sliding windows of 7 days, the first starting on day index 1 (EpiEstim's t_start = 2..T-6). */
  windows?: RtWindows;
  /** Gamma prior on R; default mean 5, sd 5 (EpiEstim). */
  prior?: RtPrior;
  /** Aimed posterior coefficient of variation (EpiEstim's cv_posterior, 0.3). */
  cvPosterior?: number;
  /** Cori et al.'s advice: estimate once this many cases have been seen (12). */
  minCumulativeCases?: number;
  /**
   * EpiEstim counts every case of the first day as imported: they infect others but are not
   * infected by the series, and windows start on day index 1 or later. false reads day 0 like
   * any other (infectivity 0), as the published worked examples do.
   */
  firstDayImported?: boolean;
}

export const RT_DEFAULTS = { window: 7, prior: { mean: 5, sd: 5 }, cvPosterior: 0.3, minCumulativeCases: 12 } as const;

/**
 * Why a window is too early to trust. Checked in order on the leading windows until one passes
 * them all (later windows are never early): before_mean_si — it ends within one mean serial
 * interval of the start (EpiEstim gives no estimate); few_cumulative_cases — fewer than
 * minCumulativeCases cases by its end (Cori et al.); low_window_incidence — too few cases in it
 * for the aimed posterior CV (EpiEstim's warning, which it checks on the first window only).
 */
export type EarlyReason = 'before_mean_si' | 'few_cumulative_cases' | 'low_window_incidence';

/** The posterior summary EpiEstim reports for a window. */
export interface RtPosterior {
  mean: number;
  sd: number;
  median: number;
  q0_025: number;
  q0_05: number;
  q0_25: number;
  q0_75: number;
  q0_95: number;
  q0_975: number;
}

export interface RtWindowEstimate extends RtPosterior {
  start: number;
  end: number;
  /** Cases in the window. */
  cases: number;
  /** Σ over the window of the overall infectivity Λ_t = Σ_k w_k I_{t−k}. */
  infectivity: number;
  /** Gamma posterior of R. */
  shape: number;
  scale: number;
  probBelowOne: number;
  /** EpiNow2's label, or insufficient_data when the window holds fewer than minWindowCases cases. */
  trend: RtWindowTrend;
  early: EarlyReason | null;
}

export interface RtEstimate {
  /** The discrete serial interval used, w_0..w_T (EpiEstim pads it with zeros to T + 1). */
  serialInterval: Float64Array;
  /** Mean and sd of that discrete distribution (EpiEstim's SI.Moments). */
  serialIntervalMean: number;
  serialIntervalSd: number;
  prior: { shape: number; scale: number };
  /** Cases a window needs for the aimed posterior CV: ceil(1 / cv² − prior shape). */
  minWindowCases: number;
  windows: RtWindowEstimate[];
}

export function estimateRt(incidence: ArrayLike<number>, config: RtConfig): RtEstimate {
  const n = incidence.length;
  for (let t = 0; t < n; t++) {
    const v = incidence[t];
    if (!Number.isFinite(v)) throw new RtInputError('incidence', `day ${t} is unknown; fill or cut the series first (a missing day is not a zero)`);
    if (v < 0) throw new RtInputError('incidence', `day ${t} is negative (${v}); incidence must be ≥ 0`);
  }
  const prior = config.prior ?? RT_DEFAULTS.prior;
  if (!(prior.mean > 0 && Number.isFinite(prior.mean))) throw new RtInputError('mean_prior', `must be > 0; got ${prior.mean}`);
  if (!(prior.sd > 0 && Number.isFinite(prior.sd))) throw new RtInputError('std_prior', `must be > 0; got ${prior.sd}`);
  const cv = config.cvPosterior ?? RT_DEFAULTS.cvPosterior;
  if (!(cv > 0)) throw new RtInputError('cv_posterior', `must be > 0; got ${cv}`);
  const firstDayImported = config.firstDayImported ?? true;
  const { start, end } = windowBounds(config.windows ?? { kind: 'sliding', length: RT_DEFAULTS.window }, n, firstDayImported);

  const w = serialIntervalWeights(config.serialInterval, n);
  let siMean = 0;
  let siSecond = 0;
  for (let k = 0; k < w.length; k++) (siMean += k * w[k]), (siSecond += k * k * w[k]);
  const lambda = overallInfectivity(incidence, w, firstDayImported);

  const aPrior = (prior.mean / prior.sd) ** 2;
  const bPrior = prior.sd ** 2 / prior.mean;
  const minWindowCases = Math.ceil(1 / cv ** 2 - aPrior);
  const minCumulative = config.minCumulativeCases ?? RT_DEFAULTS.minCumulativeCases;
  const cumulative = new Float64Array(n);
  for (let t = 0, c = 0; t < n; t++) cumulative[t] = c += incidence[t];

  const windows: RtWindowEstimate[] = [];
  let started = false;
  for (let i = 0; i < start.length; i++) {
    const s = start[i];
    const e = end[i];
    // Summed day by day (not as differences of running totals) to keep full precision.
    let cases = 0;
    let infectivity = 0;
    for (let t = s; t <= e; t++) (cases += incidence[t]), (infectivity += lambda[t]);
    let early: EarlyReason | null = null;
    if (!started) {
      if (e + 1 <= siMean) early = 'before_mean_si';
      else if (cumulative[e] < minCumulative) early = 'few_cumulative_cases';
      else if (cases < minWindowCases) early = 'low_window_incidence';
      else started = true;
    }
    const shape = aPrior + cases;
    const scale = 1 / (1 / bPrior + infectivity);
    const q = unitGammaQuantiles(shape);
    const pBelow = probBelowOne(shape, scale);
    windows.push({
      start: s, end: e, cases, infectivity, shape, scale,
      mean: shape * scale, sd: Math.sqrt(shape) * scale, median: q[3] * scale,
      q0_025: q[0] * scale, q0_05: q[1] * scale, q0_25: q[2] * scale, q0_75: q[4] * scale, q0_95: q[5] * scale, q0_975: q[6] * scale,
      probBelowOne: pBelow, trend: cases < minWindowCases ? INSUFFICIENT_DATA : trendFromProbBelowOne(pBelow), early,
    });
  }
  return {
    serialInterval: w,
    serialIntervalMean: siMean,
    serialIntervalSd: Math.sqrt(siSecond - siMean * siMean),
    prior: { shape: aPrior, scale: bPrior },
    minWindowCases,
    windows,
  };
}

/**
 * Λ_t = Σ_{k≥1} w_k I_{t−k}, the infectiousness of the cases before day t (EpiEstim's
 * overall_infectivity). Day 0 has no past: NaN as in EpiEstim, or 0 when it is not imported.
 */
export function overallInfectivity(incidence: ArrayLike<number>, w: ArrayLike<number>, firstDayImported = true): Float64Array {
  const n = incidence.length;
  let support = w.length;
  while (support > 0 && w[support - 1] === 0) support--; // trailing zeros add nothing
  const lambda = new Float64Array(n);
  lambda[0] = firstDayImported ? Number.NaN : 0;
  for (let t = 1; t < n; t++) {
    const kMax = Math.min(t, support - 1);
    let sum = 0;
    for (let k = 1; k <= kMax; k++) sum += w[k] * incidence[t - k];
    lambda[t] = sum;
  }
  return lambda;
}

/** The discrete SI over 0..n, as EpiEstim builds it: discr_si(0..n-1) or the given vector, zero-padded to n + 1. */
function serialIntervalWeights(si: SerialIntervalSpec, n: number): Float64Array {
  if (si.kind === 'parametric') {
    const w = new Float64Array(n + 1);
    w.set(discretiseSerialInterval(si, n));
    return w;
  }
  const given = si.weights;
  if (given.length === 0) throw new RtInputError('si_distr', 'is empty');
  if (given.some((v) => !Number.isFinite(v) || v < 0)) throw new RtInputError('si_distr', 'must hold numbers ≥ 0');
  if (given[0] !== 0) throw new RtInputError('si_distr', `its first value (serial interval of 0 days) must be 0; got ${given[0]}`);
  const sum = given.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 0.01) throw new RtInputError('si_distr', `must sum to 1 (± 0.01); sums to ${sum}`);
  const w = new Float64Array(Math.max(given.length, n + 1));
  w.set(given);
  return w;
}

function windowBounds(windows: RtWindows, n: number, firstDayImported: boolean): { start: number[]; end: number[] } {
  const first = firstDayImported ? 1 : 0;
  if (windows.kind === 'sliding') {
    const len = windows.length;
    if (!Number.isInteger(len) || len < 1) throw new RtInputError('window', `must be a whole number of days ≥ 1; got ${len}`);
    if (n - len < first) throw new RtInputError('window', `the series has ${n} usable days; a ${len}-day window needs at least ${len + first}`, true);
    const start: number[] = [];
    const end: number[] = [];
    for (let s = first; s + len <= n; s++) start.push(s), end.push(s + len - 1);
    return { start, end };
  }
  const { start, end } = windows;
  if (start.length !== end.length) throw new RtInputError('t_end', `${end.length} window ends for ${start.length} starts`);
  for (let i = 0; i < start.length; i++) {
    if (!Number.isInteger(start[i]) || start[i] < first || start[i] >= n) throw new RtInputError('t_start', `window ${i} starts on day ${start[i]}; starts must be whole days in ${first}..${n - 1}`);
    if (!Number.isInteger(end[i]) || end[i] < start[i] || end[i] >= n) throw new RtInputError('t_end', `window ${i} ends on day ${end[i]}; ends must be whole days in ${start[i]}..${n - 1}`);
  }
  return { start: [...start], end: [...end] };
}
