/** Scored forecasts and their summary as flat rows: the API's JSON/CSV and `glacier backtest` share them. */
import { isoFromDay } from '../domain/dates.js';
import type { ScoredForecast } from '../models/forecast/backtest.js';
import { hubverseRows, hubverseTarget, modelId, type HubverseRow } from '../models/forecast/hubverse.js';
import type { ForecastTarget } from '../models/forecast/quantiles.js';
import type { SummaryRow } from '../models/forecast/summary.js';
import { QueryError } from './errors.js';
import type { ForecastOutcome } from './forecast.js';

/**
 * The hubverse rows of every model that forecast, and each model's status. No model forecast: a
 * 404 naming each model's reason.
 */
export function forecastRows(out: ForecastOutcome, location: string, target: ForecastTarget): { rows: HubverseRow[]; models: { model: string; model_id: string; ok: boolean; reason: string | null }[] } {
  const rows: HubverseRow[] = [];
  for (const [model, r] of out.results) if (r.ok) rows.push(...hubverseRows({ model, referenceDate: out.referenceDate, target, location, forecasts: r.forecasts }));
  const models = [...out.results].map(([model, r]) => ({ model, model_id: modelId(model), ok: r.ok, reason: r.ok ? null : r.reason }));
  if (rows.length === 0) {
    const why = models.map((m) => `${m.model}: ${m.reason}`).join('; ');
    throw new QueryError('ERR_NO_DATA', `no forecast for ${location} ${target}s at ${isoFromDay(out.referenceDate)} (data as of ${out.asOf}): ${why}`, 'reference_date');
  }
  return { rows, models };
}

export const SCORE_COLUMNS = ['model', 'reference_date', 'target', 'horizon', 'location', 'target_end_date', 'observed', 'median', 'lower_50', 'upper_50', 'lower_95', 'upper_95', 'wis', 'ae_median', 'coverage_50', 'coverage_95'] as const;
export const SUMMARY_COLUMNS = ['model', 'horizon', 'n', 'mean_wis', 'mean_ae_median', 'coverage_50', 'coverage_95', 'relative_wis'] as const;

/** A scored forecast as a row (the interval bounds read off its quantiles). */
export function scoreRow(s: ScoredForecast, location: string, target: ForecastTarget) {
  const at = (level: number) => s.forecast.values[s.forecast.levels.findIndex((q) => Math.abs(q - level) < 1e-9)];
  return {
    model: s.model, reference_date: isoFromDay(s.referenceDate), target: hubverseTarget(target), horizon: s.horizon, location,
    target_end_date: isoFromDay(s.targetEndDate), observed: s.observed,
    median: at(0.5), lower_50: at(0.25), upper_50: at(0.75), lower_95: at(0.025), upper_95: at(0.975),
    wis: s.wis, ae_median: s.aeMedian, coverage_50: s.coverage50, coverage_95: s.coverage95,
  };
}

export function summaryRow(r: SummaryRow) {
  return { model: r.model, horizon: r.horizon, n: r.n, mean_wis: r.meanWis, mean_ae_median: r.meanAeMedian, coverage_50: r.coverage50, coverage_95: r.coverage95, relative_wis: r.relativeWis };
}
