/**
 * The COVID-19 Forecast Hub's baseline (COVIDhub-baseline; reichlab covidModels/simplets
 * `fit_quantile_baseline` + `predict.quantile_baseline`): the median is last week's count, the
 * spread comes from the past one-week changes and their negatives (a symmetric distribution of
 * changes), horizons > 1 add independent changes by resampling, and counts are cut at 0.
 */
import mt19937 from '@stdlib/random-base-mt19937';
import { quantileType7, sortedFinite, type ModelResult, type QuantileForecast } from './quantiles.js';

export interface BaselineParams {
  levels: readonly number[];
  /** Horizons 1..horizons, in weeks. */
  horizons: number;
  /** Draws for horizons > 1; the Hub used 100,000. */
  samples?: number;
  /** Seed of the Mersenne Twister that shuffles the draws: the same input gives the same forecast. */
  seed?: number;
  /** Only the last this many one-week changes (default: all, as the Hub). */
  windowWeeks?: number;
}

export const BASELINE_DEFAULTS = { samples: 100_000, seed: 20200404 } as const;

/**
 * `weekly` ends with the reference week (the week ending on the reference date), which must be
 * known. Leading unknown and zero weeks are dropped first (as the Hub did: a series' first
 * non-zero week starts it), so that weeks before the epidemic reached the location do not
 * narrow the spread.
 */
export function baselineForecast(weekly: ArrayLike<number>, p: BaselineParams): ModelResult {
  const last = weekly[weekly.length - 1];
  if (weekly.length === 0 || !Number.isFinite(last)) return { ok: false, reason: 'the reference week’s count is unknown' };
  const first = firstUsedWeek(weekly);
  const changes: number[] = [];
  for (let i = first + 1; i < weekly.length; i++) {
    const d = weekly[i] - weekly[i - 1];
    if (Number.isFinite(d)) changes.push(d);
  }
  const used = p.windowWeeks ? changes.slice(-p.windowWeeks) : changes;
  if (used.length === 0) return { ok: false, reason: 'no two consecutive known weeks: no past change to learn the spread from' };
  const symmetric = sortedFinite([...used, ...used.map((d) => -d)]);
  const forecasts: QuantileForecast[] = [
    // Horizon 1 in closed form: the Hub's 100,000-point grid of the changes' type-7 quantile
    // function gives back the same quantiles, and cutting at 0 commutes with quantiles.
    { horizon: 1, levels: p.levels, values: Float64Array.from(p.levels, (q) => Math.max(0, last + quantileType7(symmetric, q))) },
  ];
  if (p.horizons > 1) forecasts.push(...resampledHorizons(symmetric, last, p));
  return { ok: true, forecasts };
}

/**
 * As the Hub's script: skip leading unknown weeks; if the series then starts at 0, start at its
 * first non-zero week, or the week before that when it is the last one (keeping one change);
 * a series of zeros only is kept whole.
 */
function firstUsedWeek(weekly: ArrayLike<number>): number {
  let first = 0;
  while (first < weekly.length - 1 && !Number.isFinite(weekly[first])) first++;
  if (weekly[first] !== 0) return first;
  let nonZero = first;
  while (nonZero < weekly.length && weekly[nonZero] === 0) nonZero++;
  if (nonZero === weekly.length) return first;
  return nonZero === weekly.length - 1 ? nonZero - 1 : nonZero;
}

/**
 * Horizons 2..H as the Hub: a grid of `samples` changes (the changes' quantiles at equally spaced
 * levels 0..1) is shuffled and added once per week to the running count; the median of the sum
 * is moved back to last week's count (the changes are symmetric, so the drift is sampling noise),
 * then counts below 0 become 0.
 */
function resampledHorizons(symmetric: Float64Array, last: number, p: BaselineParams): QuantileForecast[] {
  const n = p.samples ?? BASELINE_DEFAULTS.samples;
  const rand = mt19937.factory({ seed: p.seed ?? BASELINE_DEFAULTS.seed });
  const grid = Float64Array.from({ length: n }, (_, k) => quantileType7(symmetric, n === 1 ? 0.5 : k / (n - 1)));
  const running = grid.map((d) => last + d);
  const out: QuantileForecast[] = [];
  for (let h = 2; h <= p.horizons; h++) {
    shuffle(grid, () => rand() / (rand.MAX + 1));
    for (let i = 0; i < n; i++) running[i] += grid[i];
    const sorted = running.slice().sort();
    const shift = quantileType7(sorted, 0.5) - last;
    out.push({ horizon: h, levels: p.levels, values: Float64Array.from(p.levels, (q) => Math.max(0, quantileType7(sorted, q) - shift)) });
  }
  return out;
}

/** Fisher–Yates, in place. */
function shuffle(a: Float64Array, uniform: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
