/**
 * Interval-censored maximum-likelihood fits of a delay distribution (gamma, lognormal, Weibull)
 * to line-list delays known only to whole days, their bootstrap, and the discretised pmf other
 * models use. docs/models/delays.md.
 */
import { type BootstrapOptions, type DelayBootstrap, type DelayFit, type GroupedProblem, bootstrapProblem, checkBootstrapOptions, checkDistribution, checkFamily, fitFull, negLogLikelihood, summarizeFit } from './core.js';
import { DelayInputError } from './errors.js';
import { type DelayDistribution, type DelayFamily, DELAY_FAMILIES, cdfPairs, momentStart, toUnconstrained } from './families.js';

/** A delay known to lie in [lo, hi) days: a delay of d whole days observed daily is [d, d + 1). hi may be Infinity (right-censored: still waiting). */
export interface DelayInterval {
  lo: number;
  hi: number;
}

export interface FitDelayOptions {
  intervals: readonly DelayInterval[];
  family: DelayFamily;
}

/** Whole-day delays d as the intervals [d, d + 1) (d = 0 → [0, 1)). */
export function intervalsFromDays(days: readonly number[]): DelayInterval[] {
  return days.map((d) => ({ lo: d, hi: d + 1 }));
}

/** Refuses an empty list and any interval with lo < 0, a non-finite lo, a NaN hi or hi ≤ lo (counting them). */
export function checkIntervals(intervals: readonly DelayInterval[]): void {
  if (!Array.isArray(intervals) || intervals.length === 0) throw new DelayInputError('at least one interval is needed', 'intervals');
  let bad = 0, first = -1, why = '';
  for (let i = 0; i < intervals.length; i++) {
    const { lo, hi } = intervals[i] ?? ({} as DelayInterval);
    let reason = '';
    if (typeof lo !== 'number' || !Number.isFinite(lo)) reason = `lo must be a finite number (got ${lo})`;
    else if (typeof hi !== 'number' || Number.isNaN(hi)) reason = `hi must be a number (got ${hi})`;
    else if (lo < 0) reason = `lo must be ≥ 0: a negative delay (got ${lo})`;
    else if (!(hi > lo)) reason = `hi must exceed lo (got [${lo}, ${hi}))`;
    if (reason) { bad++; if (first < 0) { first = i; why = reason; } }
  }
  if (bad > 0) throw new DelayInputError(`${bad} of ${intervals.length} intervals refused; the first, #${first}: ${why}`, 'intervals', bad, first);
}

/**
 * The grouped likelihood of interval-censored delays: P_j = F(hi_j) − F(lo_j), computed as
 * S(lo) − S(hi) when lo is in the upper half of the distribution (no digits lost in the tail).
 * The CDF is evaluated once per distinct end point per likelihood evaluation.
 */
export function intervalProblem(intervals: readonly DelayInterval[], family: DelayFamily, forFit = true): GroupedProblem {
  checkIntervals(intervals);
  const n = intervals.length;
  const byKey = new Map<string, number>();
  const pats: DelayInterval[] = [];
  const caseIndex = new Int32Array(n);
  const countsList: number[] = [];
  let sum = 0, sumSq = 0, sumW2 = 0;
  for (let i = 0; i < n; i++) {
    const { lo, hi } = intervals[i];
    const key = `${lo},${hi}`;
    let j = byKey.get(key);
    if (j === undefined) { j = pats.length; byKey.set(key, j); pats.push({ lo, hi }); countsList.push(0); }
    countsList[j]++;
    caseIndex[i] = j;
    const mid = Number.isFinite(hi) ? (lo + hi) / 2 : lo + 1;
    const w = Number.isFinite(hi) ? hi - lo : 0;
    sum += mid; sumSq += mid * mid; sumW2 += w * w;
  }
  if (forFit && pats.length < 2) throw new DelayInputError(`all ${n} delays lie in the one interval [${pats[0].lo}, ${pats[0].hi}): any distribution with its mass there fits them perfectly, so no distribution can be estimated (at least two distinct intervals are needed)`, 'intervals');
  const values = [...new Set(pats.flatMap((p) => [p.lo, p.hi]))].sort((a, b) => a - b);
  const pointIndex = new Map(values.map((v, i) => [v, i]));
  const points = Float64Array.from(values);
  const loI = Int32Array.from(pats, (p) => pointIndex.get(p.lo)!);
  const hiI = Int32Array.from(pats, (p) => pointIndex.get(p.hi)!);
  const lower = new Float64Array(points.length), upper = new Float64Array(points.length);
  const size = pats.length;
  const mean = sum / n;
  // Midpoints, plus the variance of a delay spread uniformly over its interval (w²/12).
  const variance = Math.max(0, sumSq / n - mean * mean) + sumW2 / n / 12;
  return {
    family,
    n,
    size,
    counts: Float64Array.from(countsList),
    caseIndex,
    start: momentStart(family, mean, variance),
    logProbs(p1, p2, out) {
      cdfPairs(family, p1, p2, points, lower, upper);
      for (let j = 0; j < size; j++) {
        const a = loI[j], b = hiI[j];
        out[j] = Math.log(lower[a] >= 0.5 ? upper[a] - upper[b] : lower[b] - lower[a]);
      }
    },
  };
}

/**
 * The interval-censored MLE: maximises Σ_i log(F(hi_i) − F(lo_i)) over the family's two
 * parameters (Nelder–Mead on log-parameters from a moment-based start, restarted until it no
 * longer improves).
 */
export function fitDelay(o: FitDelayOptions): DelayFit {
  const problem = intervalProblem(o.intervals, checkFamily(o.family));
  return summarizeFit(problem, fitFull(problem));
}

/** Each family fitted to the same intervals, sorted by AIC (best first). Default: all three. */
export function fitDelays(o: { intervals: readonly DelayInterval[]; families?: readonly DelayFamily[] }): DelayFit[] {
  const families = o.families ?? DELAY_FAMILIES;
  if (!Array.isArray(families) || families.length === 0) throw new DelayInputError('at least one family is needed', 'families');
  checkIntervals(o.intervals);
  return [...new Set(families)].map((family) => fitDelay({ intervals: o.intervals, family })).sort((a, b) => a.aic - b.aic);
}

/** fitDelay plus a case-resampling bootstrap (percentile 95 % intervals). */
export function bootstrapDelay(o: FitDelayOptions & BootstrapOptions): DelayBootstrap {
  const problem = intervalProblem(o.intervals, checkFamily(o.family));
  const { samples, seed } = checkBootstrapOptions(o);
  const full = fitFull(problem);
  return bootstrapProblem(problem, summarizeFit(problem, full), full, samples, seed);
}

/** Σ_i log(F(hi_i) − F(lo_i)) for given parameters (the function fitDelay maximises). */
export function delayLogLikelihood(o: { intervals: readonly DelayInterval[]; distribution: DelayDistribution }): number {
  const [family, p1, p2] = checkDistribution(o.distribution);
  const problem = intervalProblem(o.intervals, family, false);
  return -negLogLikelihood(problem, problem.counts)(toUnconstrained(family, p1, p2));
}

/**
 * The discretised delay: P(delay = d) = F(d + 1) − F(d) for whole days d = 0 … maxDays (a delay
 * of d whole days means a continuous delay in [d, d + 1)), divided by F(maxDays + 1) so the
 * weights sum to 1 — the mass beyond maxDays is dropped, so choose maxDays at or beyond the p99.
 */
export function delayPmf(distribution: DelayDistribution, maxDays: number): Float64Array {
  if (!(Number.isInteger(maxDays) && maxDays >= 0 && maxDays <= 10_000)) throw new DelayInputError(`must be an integer from 0 to 10000; got ${maxDays}`, 'maxDays');
  const [family, p1, p2] = checkDistribution(distribution);
  const points = Float64Array.from({ length: maxDays + 2 }, (_, i) => i);
  const lower = new Float64Array(points.length), upper = new Float64Array(points.length);
  cdfPairs(family, p1, p2, points, lower, upper);
  const pmf = new Float64Array(maxDays + 1);
  for (let d = 0; d <= maxDays; d++) pmf[d] = lower[d] >= 0.5 ? upper[d] - upper[d + 1] : lower[d + 1] - lower[d];
  let total = 0;
  for (let d = 0; d <= maxDays; d++) total += pmf[d];
  for (let d = 0; d <= maxDays; d++) pmf[d] /= total;
  return pmf;
}
