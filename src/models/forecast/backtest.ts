/**
 * Backtesting on versioned truth: the forecast made on reference date D sees only the series as
 * it was known on D (the `seriesAsOf` function the caller passes in, e.g. the store read with
 * as_of = D), cut at D; it is scored against the latest series, on the target weeks that series
 * knows. No I/O here: the caller supplies both series.
 */
import { runModels, type ForecastModel, type ForecastSettings } from './models.js';
import type { QuantileForecast } from './quantiles.js';
import { scoreForecast, type ForecastScore } from './score.js';
import { summarise, type SummaryRow } from './summary.js';
import { weeklyIncidence, type CumulativeSeries, type WeeklySeries } from './weekly.js';

export interface BacktestInput {
  models: readonly ForecastModel[];
  /** Day numbers of the reference dates (Saturdays), in order. */
  referenceDates: readonly number[];
  /** The cumulative series as it was known on a day: the only view of the past a forecast gets. */
  seriesAsOf: (day: number) => Promise<CumulativeSeries> | CumulativeSeries;
  /** The latest cumulative series: the truth forecasts are scored against. */
  truth: CumulativeSeries;
  settings: ForecastSettings;
  /** Called after each reference date. */
  onProgress?: (done: number, total: number, referenceDate: number) => void;
}

export interface ScoredForecast extends ForecastScore {
  model: ForecastModel;
  referenceDate: number;
  horizon: number;
  targetEndDate: number;
  observed: number;
  forecast: QuantileForecast;
}

export interface BacktestResult {
  scores: ScoredForecast[];
  /** Reference dates where a model made no forecast, and why. */
  skipped: { model: ForecastModel; referenceDate: number; reason: string }[];
  /** Forecasts made whose target week the latest data does not know (not yet complete, or a gap). */
  unscored: number;
  summary: SummaryRow[];
}

/** The baseline always runs: relative WIS is measured against it. */
export async function backtest(input: BacktestInput): Promise<BacktestResult> {
  const models = input.models.includes('baseline') ? input.models : [...input.models, 'baseline' as const];
  const truth = weeklyIncidence(input.truth);
  const requested = new Set(input.models);
  const scores: ScoredForecast[] = [];
  const skipped: BacktestResult['skipped'] = [];
  let unscored = 0;
  for (const [done, day] of input.referenceDates.entries()) {
    const known = weeklyIncidence(await input.seriesAsOf(day), { until: day });
    for (const [model, result] of runModels(weeklyUpTo(known, day), models, input.settings)) {
      if (!result.ok) {
        skipped.push({ model, referenceDate: day, reason: result.reason });
        continue;
      }
      for (const f of result.forecasts) {
        const targetEndDate = day + 7 * f.horizon;
        const observed = weekValue(truth, targetEndDate);
        if (!Number.isFinite(observed)) {
          if (requested.has(model)) unscored++;
          continue;
        }
        scores.push({ model, referenceDate: day, horizon: f.horizon, targetEndDate, observed, forecast: f, ...scoreForecast(f.levels, f.values, observed) });
      }
    }
    input.onProgress?.(done + 1, input.referenceDates.length, day);
  }
  return {
    scores: scores.filter((s) => requested.has(s.model)),
    skipped: skipped.filter((s) => requested.has(s.model)),
    unscored,
    summary: summarise(scores).filter((r) => requested.has(r.model as ForecastModel)),
  };
}

/** The weekly values ending with the week that ends on `day` (unknown weeks padded as NaN). */
export function weeklyUpTo(w: WeeklySeries, day: number): Float64Array {
  const weeks = Math.floor((day - w.firstWeekEnd) / 7) + 1;
  if (weeks <= 0) return new Float64Array(0);
  const out = new Float64Array(weeks).fill(Number.NaN);
  out.set(w.values.subarray(0, Math.min(weeks, w.values.length)));
  return out;
}

function weekValue(w: WeeklySeries, saturday: number): number {
  const i = (saturday - w.firstWeekEnd) / 7;
  return Number.isInteger(i) && i >= 0 && i < w.values.length ? w.values[i] : Number.NaN;
}
