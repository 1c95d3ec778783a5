/**
 * Forecasts and their evaluation read from the store: the pure models of src/models/forecast fed
 * with readObserved(). Used by the /v1/models/forecast and /v1/models/evaluation routes and by
 * `glacier forecast` / `glacier backtest`.
 */
import { dayNumber, isoFromDay } from '../domain/dates.js';
import { backtest, weeklyUpTo, type BacktestResult } from '../models/forecast/backtest.js';
import { FORECAST_MODELS, runModels, type ForecastModel } from '../models/forecast/models.js';
import type { ForecastTarget, ModelResult } from '../models/forecast/quantiles.js';
import { isSaturday, saturdayOnOrAfter, saturdayOnOrBefore, weeklyIncidence, type CumulativeSeries } from '../models/forecast/weekly.js';
import type { Db } from '../store/db.js';
import { QueryError } from './errors.js';
import { dateRange } from './params.js';
import { noData, readObserved, type ObservedSeries } from './model-input.js';

/** The stored cumulative metric a target counts. */
export const TARGET_METRIC: Record<ForecastTarget, string> = { case: 'confirmed', death: 'deaths' };

/** Most reference dates one evaluation request scores (each is a versioned read and a model run). */
export const MAX_REFERENCE_DATES = 60;

export function modelsOf(model: ForecastModel | 'all'): ForecastModel[] {
  return model === 'all' ? [...FORECAST_MODELS] : [model];
}

/**
 * The observed series as the models take it. A day where a different source takes over (its
 * daily change is unknown although its value is known, after earlier values) is a break: weeks
 * are never differenced across it.
 */
export function toCumulative(o: ObservedSeries): CumulativeSeries {
  if (o.start === null) return { start: 0, cumulative: new Float64Array(0) };
  const breaks = new Uint8Array(o.cumulative.length);
  let seen = false;
  for (let i = 0; i < o.cumulative.length; i++) {
    if (Number.isNaN(o.cumulative[i])) continue;
    if (seen && Number.isNaN(o.daily[i])) breaks[i] = 1;
    seen = true;
  }
  return { start: dayNumber(o.start), cumulative: o.cumulative, breaks };
}

export interface ForecastRequest {
  location: string;
  target: ForecastTarget;
  referenceDate: string;
  /** Data as known on this date; default: the reference date (no look-ahead). */
  asOf?: string | null;
  source?: string;
  models: ForecastModel[];
}

export interface ForecastOutcome {
  referenceDate: number;
  asOf: string;
  metric: string;
  sources: string[];
  /** The reference week's count (the last observed week), null when unknown. */
  lastWeek: number | null;
  results: Map<ForecastModel, ModelResult>;
}

export function requireSaturday(date: string, parameter: string): number {
  const day = dayNumber(date);
  if (!isSaturday(day)) {
    throw new QueryError('ERR_NOT_SATURDAY', `${parameter}: ${date} is not a Saturday; forecasts start from the end of an epiweek (the Saturday before is ${isoFromDay(saturdayOnOrBefore(day))})`, parameter);
  }
  return day;
}

/** One forecast from the data as known on the reference date (or `asOf`). */
export async function forecastAt(db: Db, r: ForecastRequest): Promise<ForecastOutcome> {
  const day = requireSaturday(r.referenceDate, 'reference_date');
  const asOf = r.asOf ?? r.referenceDate;
  const metric = TARGET_METRIC[r.target];
  const observed = await readObserved(db, { location: r.location, metric, asOf, source: r.source, to: r.referenceDate });
  if (observed.start === null) throw noData(observed);
  const weekly = weeklyUpTo(weeklyIncidence(toCumulative(observed), { until: day }), day);
  const last = weekly.length ? weekly[weekly.length - 1] : Number.NaN;
  return {
    referenceDate: day, asOf, metric, sources: observed.sources,
    lastWeek: Number.isFinite(last) ? last : null,
    results: runModels(weekly, r.models, { target: r.target }),
  };
}

export interface EvaluationRequest {
  location: string;
  target: ForecastTarget;
  from: string;
  to: string;
  source?: string;
  models: ForecastModel[];
  /**
   * true (default): each forecast sees the data as known on its reference date. false: the latest
   * data cut at each reference date — a pseudo-backtest for stores without vintages near the
   * dates; optimistic, since later revisions leak into the past.
   */
  versioned?: boolean;
  /** Refuse ranges with more reference dates (default MAX_REFERENCE_DATES; the CLI passes Infinity). */
  maxDates?: number;
  onProgress?: (done: number, total: number, referenceDate: number) => void;
}

/** Every Saturday from..to (inclusive). */
export function referenceDates(from: string, to: string): number[] {
  const out: number[] = [];
  for (let d = saturdayOnOrAfter(dayNumber(from)); d <= dayNumber(to); d += 7) out.push(d);
  return out;
}

/**
 * Forecasts at every Saturday of from..to, each from the data as known on that Saturday, scored
 * against the latest data.
 */
export async function evaluate(db: Db, r: EvaluationRequest): Promise<BacktestResult & { referenceDates: number[]; metric: string; sources: string[] }> {
  dateRange(r.from, r.to);
  const dates = referenceDates(r.from, r.to);
  if (dates.length === 0) throw new QueryError('ERR_BAD_PARAMETER', `from..to (${r.from}..${r.to}) holds no Saturday: reference dates are Saturdays`, 'from');
  const max = r.maxDates ?? MAX_REFERENCE_DATES;
  if (dates.length > max) {
    throw new QueryError('ERR_TOO_MANY_DATES', `from..to holds ${dates.length} reference dates (Saturdays); at most ${max} per request`, 'to');
  }
  const metric = TARGET_METRIC[r.target];
  const latest = await readObserved(db, { location: r.location, metric, source: r.source });
  if (latest.start === null) throw noData(latest);
  const truth = toCumulative(latest);
  const result = await backtest({
    models: r.models,
    referenceDates: dates,
    seriesAsOf: r.versioned === false ? () => truth : async (day) => toCumulative(await readObserved(db, { location: r.location, metric, asOf: isoFromDay(day), source: r.source, to: isoFromDay(day) })),
    truth,
    settings: { target: r.target },
    onProgress: r.onProgress,
  });
  return { ...result, referenceDates: dates, metric, sources: latest.sources };
}
