/**
 * Quantile levels and quantile arithmetic shared by the forecast models (docs/models/forecast.md).
 * Levels are the COVID-19 Forecast Hub's: 23 for deaths, 7 for cases.
 */

export type ForecastTarget = 'case' | 'death';
export const FORECAST_TARGETS: readonly ForecastTarget[] = ['case', 'death'];

/** 0.01, 0.025, 0.05, 0.10, …, 0.95, 0.975, 0.99 (written as decimals, not summed, so 0.15 is 0.15). */
export const QUANTILES_23: readonly number[] = [0.01, 0.025, ...Array.from({ length: 19 }, (_, i) => (5 * (i + 1)) / 100), 0.975, 0.99];

/** The Hub's case levels: the 95 %, 80 % and 50 % intervals and the median. */
export const QUANTILES_7: readonly number[] = [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975];

/** Cases use 7 levels and deaths 23, as the Hub asked of its teams. */
export function levelsFor(target: ForecastTarget): readonly number[] {
  return target === 'case' ? QUANTILES_7 : QUANTILES_23;
}

/** One horizon of a model's forecast: values[i] is the quantile at levels[i], non-decreasing. */
export interface QuantileForecast {
  /** Weeks after the reference week (1 = the week ending 7 days after the reference date). */
  horizon: number;
  levels: readonly number[];
  values: Float64Array;
}

/** A model's answer: quantiles for every horizon, or why it could not forecast. */
export type ModelResult = { ok: true; forecasts: QuantileForecast[] } | { ok: false; reason: string };

/**
 * The p-quantile of sorted values by linear interpolation between order statistics:
 * R's default `quantile(type = 7)`, which the Hub's baseline uses (h = (n − 1)p).
 */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/** Sorted copy of the finite values. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return Float64Array.from(out).sort();
}
