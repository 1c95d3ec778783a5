/**
 * The incubation period from doubly interval-censored cases — infection known to lie in an
 * exposure window, onset known to a day (or window) — with the likelihood of Backer, Klinkenberg
 * & Wallinga (Eurosurveillance 2020;25(5):2000062). docs/models/delays.md.
 */
import { type BootstrapOptions, type DelayBootstrap, type DelayFit, type GroupedProblem, bootstrapProblem, checkBootstrapOptions, checkDistribution, checkFamily, fitFull, negLogLikelihood, summarizeFit } from './core.js';
import { DelayInputError } from './errors.js';
import { type DelayDistribution, type DelayFamily, integratedCdfPairs, momentStart, toUnconstrained } from './families.js';

/**
 * One case, in integer day numbers (any epoch: only differences matter). Exposure on the days
 * exposureStart … exposureEnd inclusive; onset on the days onsetStart … onsetEnd inclusive
 * (onsetEnd defaults to onsetStart: onset known to the day).
 */
export interface IncubationCase {
  exposureStart: number;
  exposureEnd: number;
  onsetStart: number;
  onsetEnd?: number;
}

export interface FitIncubationOptions {
  cases: readonly IncubationCase[];
  family: DelayFamily;
}

/**
 * Refuses an empty list, non-integer day numbers, an exposure window ending before it starts, an
 * onset window ending before it starts, and an onset before the exposure start (counting them).
 */
export function checkCases(cases: readonly IncubationCase[]): void {
  if (!Array.isArray(cases) || cases.length === 0) throw new DelayInputError('at least one case is needed', 'cases');
  let bad = 0, first = -1, why = '';
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i] ?? ({} as IncubationCase);
    const onsetEnd = c.onsetEnd ?? c.onsetStart;
    let reason = '';
    for (const [k, v] of [['exposureStart', c.exposureStart], ['exposureEnd', c.exposureEnd], ['onsetStart', c.onsetStart], ['onsetEnd', onsetEnd]] as const) {
      if (!(typeof v === 'number' && Number.isInteger(v))) { reason = `${k} must be an integer day number (got ${v})`; break; }
    }
    if (!reason) {
      if (c.exposureEnd < c.exposureStart) reason = `the exposure window ends (${c.exposureEnd}) before it starts (${c.exposureStart})`;
      else if (onsetEnd < c.onsetStart) reason = `the onset window ends (${onsetEnd}) before it starts (${c.onsetStart})`;
      else if (c.onsetStart < c.exposureStart) reason = `onset (${c.onsetStart}) before the exposure starts (${c.exposureStart})`;
    }
    if (reason) { bad++; if (first < 0) { first = i; why = reason; } }
  }
  if (bad > 0) throw new DelayInputError(`${bad} of ${cases.length} cases refused; the first, #${first}: ${why}`, 'cases', bad, first);
}

/**
 * The grouped doubly interval-censored likelihood. With E0 = exposureStart, O0 = onsetStart,
 * O1 = onsetEnd + 1 and E1 = min(exposureEnd + 1, O1) (infection cannot follow onset, as Backer
 * et al. truncate the window), infection t ~ Uniform[E0, E1) and
 *
 *   P_i = (1/(E1 − E0)) ∫_{E0}^{E1} [F(O1 − t) − F(O0 − t)] dt
 *       = (1/(E1 − E0)) [G(O1 − E0) − G(O1 − E1) − G(O0 − E0) + G(O0 − E1)],
 *
 * G(x) = ∫₀ˣ F — exactly, in closed form (families.ts). The same sum with H(x) = ∫ₓ^∞ S in place
 * of G is equal (G − H = x − μ, and the x and μ terms cancel); the one with the smaller terms,
 * hence less cancellation, is used. P_i depends on the case only through O0 − E0, O1 − E0 and
 * E1 − E0, so cases are grouped by that triple.
 */
export function incubationProblem(cases: readonly IncubationCase[], family: DelayFamily, forFit = true): GroupedProblem {
  checkCases(cases);
  const n = cases.length;
  const byKey = new Map<string, number>();
  const pats: { a: number; b: number; c: number; d: number; w: number }[] = [];
  const caseIndex = new Int32Array(n);
  const countsList: number[] = [];
  let sum = 0, sumSq = 0, sumW2 = 0;
  for (let i = 0; i < n; i++) {
    const cs = cases[i];
    const e0 = cs.exposureStart, o0 = cs.onsetStart, o1 = (cs.onsetEnd ?? cs.onsetStart) + 1;
    const e1 = Math.min(cs.exposureEnd + 1, o1);
    const key = `${o0 - e0},${o1 - e0},${e1 - e0}`;
    let j = byKey.get(key);
    if (j === undefined) {
      j = pats.length;
      byKey.set(key, j);
      pats.push({ a: o1 - e0, b: o1 - e1, c: o0 - e0, d: o0 - e1, w: e1 - e0 });
      countsList.push(0);
    }
    countsList[j]++;
    caseIndex[i] = j;
    const mid = (o0 + o1) / 2 - (e0 + e1) / 2;
    sum += mid; sumSq += mid * mid; sumW2 += (e1 - e0) ** 2 + (o1 - o0) ** 2;
  }
  if (forFit && pats.length < 2) throw new DelayInputError(`all ${n} cases have the same exposure and onset windows (up to a shift in time): many distributions fit them equally well, so none can be estimated (at least two distinct patterns are needed)`, 'cases');
  const values = [...new Set(pats.flatMap((p) => [p.a, p.b, p.c, p.d]))].sort((x, y) => x - y);
  const pointIndex = new Map(values.map((v, i) => [v, i]));
  const points = Float64Array.from(values);
  const ia = Int32Array.from(pats, (p) => pointIndex.get(p.a)!);
  const ib = Int32Array.from(pats, (p) => pointIndex.get(p.b)!);
  const ic = Int32Array.from(pats, (p) => pointIndex.get(p.c)!);
  const id = Int32Array.from(pats, (p) => pointIndex.get(p.d)!);
  const logW = Float64Array.from(pats, (p) => Math.log(p.w));
  const g = new Float64Array(points.length), h = new Float64Array(points.length);
  const size = pats.length;
  const mean = sum / n;
  const variance = Math.max(0, sumSq / n - mean * mean) + sumW2 / n / 12;
  return {
    family,
    n,
    size,
    counts: Float64Array.from(countsList),
    caseIndex,
    start: momentStart(family, mean, variance),
    logProbs(p1, p2, out) {
      integratedCdfPairs(family, p1, p2, points, g, h);
      for (let j = 0; j < size; j++) {
        const A = ia[j], B = ib[j], C = ic[j], D = id[j];
        const magG = Math.abs(g[A]) + Math.abs(g[B]) + Math.abs(g[C]) + Math.abs(g[D]);
        const magH = Math.abs(h[A]) + Math.abs(h[B]) + Math.abs(h[C]) + Math.abs(h[D]);
        const s = magG <= magH ? g[A] - g[B] - g[C] + g[D] : h[A] - h[B] - h[C] + h[D];
        out[j] = Math.log(s) - logW[j];
      }
    },
  };
}

/** The doubly interval-censored MLE of the incubation period (same outputs as fitDelay). */
export function fitIncubation(o: FitIncubationOptions): DelayFit {
  const problem = incubationProblem(o.cases, checkFamily(o.family));
  return summarizeFit(problem, fitFull(problem));
}

/** fitIncubation plus a case-resampling bootstrap (percentile 95 % intervals). */
export function bootstrapIncubation(o: FitIncubationOptions & BootstrapOptions): DelayBootstrap {
  const problem = incubationProblem(o.cases, checkFamily(o.family));
  const { samples, seed } = checkBootstrapOptions(o);
  const full = fitFull(problem);
  return bootstrapProblem(problem, summarizeFit(problem, full), full, samples, seed);
}

/** Σ_i log P_i for given parameters (the function fitIncubation maximises). */
export function incubationLogLikelihood(o: { cases: readonly IncubationCase[]; distribution: DelayDistribution }): number {
  const [family, p1, p2] = checkDistribution(o.distribution);
  const problem = incubationProblem(o.cases, family, false);
  return -negLogLikelihood(problem, problem.counts)(toUnconstrained(family, p1, p2));
}

/** log P_i of each case for given parameters (for checks against an independent quadrature). */
export function incubationCaseLogProbs(o: { cases: readonly IncubationCase[]; distribution: DelayDistribution }): Float64Array {
  const [family, p1, p2] = checkDistribution(o.distribution);
  const problem = incubationProblem(o.cases, family, false);
  const perPattern = new Float64Array(problem.size);
  problem.logProbs(p1, p2, perPattern);
  return Float64Array.from(problem.caseIndex, (j) => perPattern[j]);
}
