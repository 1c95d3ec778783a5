import { gammaCdfScale } from './gamma.js';

/** EpiNow2's labels for the direction of an epidemic, from P(R < 1). */
export type RtTrend = 'increasing' | 'likely_increasing' | 'stable' | 'likely_decreasing' | 'decreasing';

/**
 * A window with fewer cases than the aimed posterior CV needs: its posterior is mostly the
 * prior (mean 5, sd 5 gives P(R < 1) = 0.18 with no data at all), so no direction is claimed.
 */
export const INSUFFICIENT_DATA = 'insufficient_data';
export type RtWindowTrend = RtTrend | typeof INSUFFICIENT_DATA;

/** Upper bounds on P(R < 1) for each label, as EpiNow2's map_prob_change (R/utilities.R). */
export const RT_TREND_THRESHOLDS: readonly [number, RtTrend][] = [
  [0.05, 'increasing'],
  [0.4, 'likely_increasing'],
  [0.6, 'stable'],
  [0.95, 'likely_decreasing'],
];

export function trendFromProbBelowOne(p: number): RtTrend {
  for (const [bound, label] of RT_TREND_THRESHOLDS) if (p < bound) return label;
  return 'decreasing';
}

/** P(R < 1) under a Gamma(shape, scale) posterior. */
export function probBelowOne(shape: number, scale: number): number {
  return gammaCdfScale(1, shape, scale);
}
