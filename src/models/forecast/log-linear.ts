/**
 * Log-linear growth with a damped trend: a straight line fitted by least squares to the logarithm
 * of the last few weekly counts (each is 7 × the 7-day average on its Saturday, so this is the
 * recent growth of the 7-day average, sampled weekly), carried forward 1–4 weeks with the growth
 * rate multiplied by φ each week (Gardner & McKenzie's damped trend): waves turn, and an undamped
 * exponential overshoots at every turn. The spread comes from the model's own past errors: the
 * same damped forecast made at each of the previous weeks (on the data as known now, never
 * later), compared on the log scale with what followed; those errors and their negatives give the
 * quantiles, horizon by horizon (as the Hub baseline does with its one-week changes).
 * See docs/models/forecast.md for the choice of φ and the error window, measured.
 */
import { quantileType7, sortedFinite, type ModelResult, type QuantileForecast } from './quantiles.js';

export interface LogLinearParams {
  levels: readonly number[];
  horizons: number;
  /** Weeks fitted, ending with the forecast's origin week; all must be known. */
  windowWeeks?: number;
  /**
   * φ in [0, 1]: the weekly growth rate is multiplied by φ each week ahead, so the log count h
   * weeks ahead is the fitted level + slope·(φ + φ² + … + φʰ). 1: undamped exponential; 0: flat.
   */
  damping?: number;
  /** Past origins (weeks before the reference week) whose errors give the spread. */
  errorWeeks?: number;
  /** Fewest past errors a horizon needs. */
  minErrors?: number;
  /**
   * Added before the logarithm. 0 (default): only weeks with a positive count are fitted — a week
   * of 0 amid thousands is a reporting pause, and log(0 + 1) would read it as a collapse (then a
   * 1000-fold rebound); a window holding one is not used. 1 fits log(count + 1) instead.
   */
  offset?: number;
}

/**
 * φ = 0.5 and 26 weeks of past errors were chosen on the pseudo-backtest's first year
 * (2020-07..2021-06) and checked on the second (docs/models/forecast.md).
 */
export const LOG_LINEAR_DEFAULTS = { windowWeeks: 3, damping: 0.5, errorWeeks: 26, minErrors: 4, offset: 0 } as const;

export interface LineFit {
  intercept: number;
  /** Growth rate per week on the log scale at the origin: counts are multiplied by e^slope that week. */
  slope: number;
}

/** Ordinary least squares of y on x. */
export function fitLine(x: readonly number[], y: readonly number[]): LineFit {
  const n = x.length;
  const meanX = x.reduce((a, b) => a + b, 0) / n;
  const meanY = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - meanX) ** 2;
    sxy += (x[i] - meanX) * (y[i] - meanY);
  }
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

/** φ + φ² + … + φʰ: the weeks of growth, at the origin's rate, that h damped weeks add up to (h when φ = 1). */
export function dampedWeeks(h: number, damping: number): number {
  let sum = 0;
  let factor = 1;
  for (let k = 1; k <= h; k++) {
    factor *= damping;
    sum += factor;
  }
  return sum;
}

/** The line through log(count + offset) of the `window` weeks ending at `origin` (x = 0 at the origin), or null if one cannot be fitted. */
function fitAt(logs: Float64Array, origin: number, window: number): LineFit | null {
  if (origin - window + 1 < 0) return null;
  const x: number[] = [];
  const y: number[] = [];
  for (let i = origin - window + 1; i <= origin; i++) {
    if (!Number.isFinite(logs[i])) return null;
    x.push(i - origin);
    y.push(logs[i]);
  }
  return fitLine(x, y);
}

/**
 * `weekly` ends with the reference week. Weeks that are unknown, negative (a revision, not a
 * count) or, with the default offset 0, zero cannot be fitted: a window holding one is skipped as
 * an origin of past errors, and the forecast itself needs its own window whole.
 */
export function logLinearForecast(weekly: ArrayLike<number>, p: LogLinearParams): ModelResult & { fit?: LineFit } {
  const window = p.windowWeeks ?? LOG_LINEAR_DEFAULTS.windowWeeks;
  const damping = p.damping ?? LOG_LINEAR_DEFAULTS.damping;
  const errorWeeks = p.errorWeeks ?? LOG_LINEAR_DEFAULTS.errorWeeks;
  const minErrors = p.minErrors ?? LOG_LINEAR_DEFAULTS.minErrors;
  const offset = p.offset ?? LOG_LINEAR_DEFAULTS.offset;
  if (!(damping >= 0 && damping <= 1)) throw new RangeError(`damping must be in [0, 1], got ${damping}`);
  const last = weekly.length - 1;
  const logs = Float64Array.from(weekly, (v) => (Number.isFinite(v) && v >= 0 && v + offset > 0 ? Math.log(v + offset) : Number.NaN));
  const fit = fitAt(logs, last, window);
  if (!fit) return { ok: false, reason: `the last ${window} weeks must all be known and ${offset > 0 ? 'not negative' : 'positive'}` };
  const forecasts: QuantileForecast[] = [];
  for (let h = 1; h <= p.horizons; h++) {
    const weeks = dampedWeeks(h, damping);
    // Errors of the damped forecasts h weeks ahead made at the previous origins whose target week is known.
    const errors: number[] = [];
    for (let origin = last - h; origin >= Math.max(0, last - errorWeeks); origin--) {
      const past = fitAt(logs, origin, window);
      if (past && Number.isFinite(logs[origin + h])) errors.push(logs[origin + h] - (past.intercept + past.slope * weeks));
    }
    if (errors.length < minErrors) return { ok: false, reason: `${errors.length} past ${h}-week errors in the last ${errorWeeks} weeks; the spread needs ${minErrors}` };
    const spread = sortedFinite([...errors, ...errors.map((e) => -e)]);
    const centre = fit.intercept + fit.slope * weeks;
    forecasts.push({ horizon: h, levels: p.levels, values: Float64Array.from(p.levels, (q) => Math.max(0, Math.exp(centre + quantileType7(spread, q)) - offset)) });
  }
  return { ok: true, forecasts, fit };
}
