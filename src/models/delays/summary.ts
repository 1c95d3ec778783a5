/**
 * The empirical summary of whole-day delays from a line list: n, mean, sd, median, quantiles
 * (type 7, R's default) and the histogram by day. docs/models/delays.md.
 */
import { quantileType7 } from './core.js';
import { DelayInputError } from './errors.js';

/** The probabilities reported (as Rt reports its posterior). */
export const DELAY_QUANTILE_PROBS = [0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975] as const;

/** Longer delays (27 years) are data errors, and would make the day-by-day histogram huge. */
export const MAX_DELAY_DAYS = 10_000;

export interface DelaySummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 denominator); NaN for n = 1. */
  sd: number;
  median: number;
  min: number;
  max: number;
  /** Type 7 quantiles at DELAY_QUANTILE_PROBS: with h = (n − 1)p, x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), x sorted, 0-based. */
  quantiles: { probability: number; value: number }[];
  /** Cases with a delay of d days, for every d from 0 to max (zero counts included). */
  histogram: { day: number; count: number }[];
}

/**
 * Delays must be whole days ≥ 0. A negative delay (confirmation before onset, onset before
 * exposure) is a data error the caller has to report, not a value to summarise: the whole input
 * is refused with a DelayInputError whose `count` says how many there are and `index` the first.
 * So is a NaN, a non-integer, a delay above MAX_DELAY_DAYS (10,000), or an empty list.
 */
export function summarizeDelays(days: readonly number[]): DelaySummary {
  if (!Array.isArray(days) || days.length === 0) throw new DelayInputError('at least one delay is needed', 'days');
  let negative = 0, firstNegative = -1, invalid = 0, firstInvalid = -1, tooLong = 0, firstTooLong = -1;
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (!(typeof d === 'number' && Number.isInteger(d))) { invalid++; if (firstInvalid < 0) firstInvalid = i; }
    else if (d < 0) { negative++; if (firstNegative < 0) firstNegative = i; }
    else if (d > MAX_DELAY_DAYS) { tooLong++; if (firstTooLong < 0) firstTooLong = i; }
  }
  if (invalid > 0) throw new DelayInputError(`${invalid} of ${days.length} delays are not whole numbers of days (the first, #${firstInvalid}: ${days[firstInvalid]})`, 'days', invalid, firstInvalid);
  if (negative > 0) throw new DelayInputError(`${negative} of ${days.length} delays are negative (the first, #${firstNegative}: ${days[firstNegative]})`, 'days', negative, firstNegative);
  if (tooLong > 0) throw new DelayInputError(`${tooLong} of ${days.length} delays exceed ${MAX_DELAY_DAYS} days (the first, #${firstTooLong}: ${days[firstTooLong]})`, 'days', tooLong, firstTooLong);
  const n = days.length;
  const sorted = Float64Array.from(days).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i] - mean) ** 2;
  const max = sorted[n - 1];
  const counts = new Array<number>(max + 1).fill(0);
  for (let i = 0; i < n; i++) counts[sorted[i]]++;
  return {
    n,
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN,
    median: quantileType7(sorted, 0.5),
    min: sorted[0],
    max,
    quantiles: DELAY_QUANTILE_PROBS.map((p) => ({ probability: p, value: quantileType7(sorted, p) })),
    histogram: counts.map((count, day) => ({ day, count })),
  };
}
