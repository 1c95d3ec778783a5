/**
 * Weekly incident counts for epiweeks (Sunday–Saturday, named by their Saturday, as the
 * Forecast Hub's targets) from a daily cumulative series with gaps.
 */
import { weekday } from '../../domain/dates.js';

export interface CumulativeSeries {
  /** Day number (days since 1970-01-01) of index 0. */
  start: number;
  /** Cumulative count per day; NaN where nothing was reported that day. */
  cumulative: ArrayLike<number>;
  /**
   * Non-zero at a day whose value must not be differenced with earlier days: another source
   * takes over there, at a level of its own.
   */
  breaks?: ArrayLike<number>;
}

export interface WeeklySeries {
  /** Day number of the Saturday that ends week 0; week i ends 7·i days later. */
  firstWeekEnd: number;
  /** Incident count of each week; NaN where unknown. Negative where the source revised its total down. */
  values: Float64Array;
}

export interface WeeklyOptions {
  /** Last day to use (a forecast's reference date): later values are never read. Default: the series' end. */
  until?: number;
  /**
   * A cumulative value is in force at a Saturday when it was reported at most this many days
   * before it. 6 (default) asks for a report within the week ending that Saturday: a weekly
   * report on any weekday counts, a series that stopped does not go on as zeros.
   */
  maxStaleDays?: number;
}

export const SATURDAY = 5;

export function isSaturday(day: number): boolean {
  return weekday(day) === SATURDAY;
}

/** The Saturday on or before a day (the end of the last epiweek that has ended by then). */
export function saturdayOnOrBefore(day: number): number {
  return day - ((weekday(day) - SATURDAY + 7) % 7);
}

export function saturdayOnOrAfter(day: number): number {
  return day + ((SATURDAY - weekday(day) + 7) % 7);
}

/**
 * Week ending Saturday S = cumulative in force at S − cumulative in force at S − 7, where the
 * value in force is the last one reported on or before that day (within maxStaleDays). A week
 * is unknown when either end is unknown or when a source takes over between its ends.
 * Weeks run from the first Saturday on or after the series' start to the last Saturday on or
 * before `until` (or the series' end).
 */
export function weeklyIncidence(series: CumulativeSeries, options: WeeklyOptions = {}): WeeklySeries {
  const { start, cumulative, breaks } = series;
  const maxStale = options.maxStaleDays ?? 6;
  const end = Math.min(start + cumulative.length - 1, options.until ?? Number.POSITIVE_INFINITY);
  const firstWeekEnd = saturdayOnOrAfter(start);
  const lastWeekEnd = options.until !== undefined ? saturdayOnOrBefore(options.until) : saturdayOnOrBefore(end);
  const weeks = lastWeekEnd >= firstWeekEnd ? (lastWeekEnd - firstWeekEnd) / 7 + 1 : 0;
  const values = new Float64Array(weeks).fill(Number.NaN);
  if (weeks === 0) return { firstWeekEnd, values };

  // Index of the value in force and of the last break, for every day up to `end`.
  const n = Math.max(0, end - start + 1);
  const inForce = new Int32Array(n).fill(-1);
  const lastBreak = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    inForce[i] = Number.isNaN(cumulative[i]) ? (i > 0 ? inForce[i - 1] : -1) : i;
    lastBreak[i] = breaks && breaks[i] && !Number.isNaN(cumulative[i]) ? i : i > 0 ? lastBreak[i - 1] : -1;
  }
  const valueAt = (day: number): number => {
    const i = day - start;
    if (i < 0 || i >= n) return -1;
    const j = inForce[i];
    return j >= 0 && i - j <= maxStale ? j : -1;
  };
  for (let w = 0; w < weeks; w++) {
    const saturday = firstWeekEnd + 7 * w;
    const b = valueAt(saturday);
    const a = valueAt(saturday - 7);
    if (a < 0 || b < 0 || lastBreak[b] > a) continue;
    values[w] = cumulative[b] - cumulative[a];
  }
  return { firstWeekEnd, values };
}
