/**
 * Scores of quantile forecasts, as Bracher, Ray, Gneiting & Reich (2021, "Evaluating epidemic
 * forecasts in an interval format") and scoringutils' `wis()` / `interval_coverage()` with their
 * defaults (weigh = TRUE, count_median_twice = FALSE).
 */

/**
 * Interval score of the central (1 − alpha) interval [lower, upper]:
 * (u − l) + (2/α)(l − y)·1(y < l) + (2/α)(y − u)·1(y > u).
 */
export function intervalScore(lower: number, upper: number, observed: number, alpha: number): number {
  return upper - lower + (2 / alpha) * Math.max(0, lower - observed) + (2 / alpha) * Math.max(0, observed - upper);
}

/** The central intervals a symmetric level set forms: levels i and n − 1 − i, alpha = 2·level. */
export function centralIntervals(levels: readonly number[]): { lower: number; upper: number; alpha: number }[] {
  const out: { lower: number; upper: number; alpha: number }[] = [];
  for (let i = 0; i < levels.length; i++) {
    const j = levels.length - 1 - i;
    if (levels[i] >= 0.5) break;
    if (Math.abs(levels[i] + levels[j] - 1) > 1e-9) throw new Error(`levels ${levels[i]} and ${levels[j]} do not form a central interval`);
    out.push({ lower: i, upper: j, alpha: 2 * levels[i] });
  }
  return out;
}

function medianIndex(levels: readonly number[]): number {
  const m = levels.findIndex((q) => Math.abs(q - 0.5) < 1e-9);
  if (m < 0) throw new Error('the levels have no median (0.5)');
  return m;
}

/**
 * WIS = (w₀·|y − m| + Σₖ wₖ·ISₐₖ) / (K + ½), w₀ = ½, wₖ = αₖ/2, over the K central intervals the
 * levels form and the median m. Equivalently Σ pinball losses of the 2K + 1 quantiles / (K + ½),
 * since (α/2)·ISₐ is the sum of the pinball losses of its two bounds.
 */
export function weightedIntervalScore(levels: readonly number[], values: ArrayLike<number>, observed: number): number {
  const intervals = centralIntervals(levels);
  let sum = 0.5 * Math.abs(observed - values[medianIndex(levels)]);
  for (const k of intervals) sum += (k.alpha / 2) * intervalScore(values[k.lower], values[k.upper], observed, k.alpha);
  return sum / (intervals.length + 0.5);
}

/** Whether the observation lies in the central interval of `range` percent, bounds included (scoringutils). */
export function intervalCoverage(levels: readonly number[], values: ArrayLike<number>, observed: number, range: number): boolean {
  const lowLevel = (100 - range) / 200;
  const lo = levels.findIndex((q) => Math.abs(q - lowLevel) < 1e-9);
  const hi = levels.findIndex((q) => Math.abs(q - (1 - lowLevel)) < 1e-9);
  if (lo < 0 || hi < 0) throw new Error(`the levels do not form the ${range}% interval`);
  return values[lo] <= observed && observed <= values[hi];
}

export interface ForecastScore {
  wis: number;
  /** |y − median|. */
  aeMedian: number;
  coverage50: boolean;
  coverage95: boolean;
}

export function scoreForecast(levels: readonly number[], values: ArrayLike<number>, observed: number): ForecastScore {
  return {
    wis: weightedIntervalScore(levels, values, observed),
    aeMedian: Math.abs(observed - values[medianIndex(levels)]),
    coverage50: intervalCoverage(levels, values, observed, 50),
    coverage95: intervalCoverage(levels, values, observed, 95),
  };
}

/**
 * Relative WIS of a model: its mean WIS over the targets both it and the baseline were scored on,
 * divided by the baseline's mean WIS over the same targets. When every model is scored on the
 * same targets this equals the Hub's pairwise-tournament version (Cramer et al. 2022: the
 * geometric mean of pairwise ratios, scaled by the baseline's), since every pairwise ratio is
 * then a ratio of plain means. Null when there is no shared target or the baseline's WIS is 0.
 */
export function relativeWis(model: ReadonlyMap<string, number>, baseline: ReadonlyMap<string, number>): number | null {
  let a = 0;
  let b = 0;
  let n = 0;
  for (const [key, wis] of model) {
    const base = baseline.get(key);
    if (base === undefined) continue;
    a += wis;
    b += base;
    n++;
  }
  return n === 0 || b === 0 ? null : a / b;
}
