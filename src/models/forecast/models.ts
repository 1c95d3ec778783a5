/** The forecast models by name, run on one weekly series (docs/models/forecast.md). */
import { baselineForecast, type BaselineParams } from './baseline.js';
import { quantileMedianEnsemble } from './ensemble.js';
import { logLinearForecast, type LogLinearParams } from './log-linear.js';
import { levelsFor, type ForecastTarget, type ModelResult } from './quantiles.js';

export const FORECAST_MODELS = ['baseline', 'loglinear', 'ensemble'] as const;
export type ForecastModel = (typeof FORECAST_MODELS)[number];

export function isForecastModel(s: string): s is ForecastModel {
  return (FORECAST_MODELS as readonly string[]).includes(s);
}

/** Weeks ahead, as the Hub's 1–4 week targets. */
export const HORIZONS = 4;

export interface ForecastSettings {
  target: ForecastTarget;
  horizons?: number;
  baseline?: Partial<Omit<BaselineParams, 'levels' | 'horizons'>>;
  logLinear?: Partial<Omit<LogLinearParams, 'levels' | 'horizons'>>;
}

/**
 * Runs the requested models on `weekly` (ending with the reference week). The ensemble is the
 * quantile median of the baseline and the log-linear model, which run whenever it is asked for.
 */
export function runModels(weekly: ArrayLike<number>, models: readonly ForecastModel[], s: ForecastSettings): Map<ForecastModel, ModelResult> {
  const levels = levelsFor(s.target);
  const horizons = s.horizons ?? HORIZONS;
  const out = new Map<ForecastModel, ModelResult>();
  const need = new Set<ForecastModel>(models.includes('ensemble') ? [...models, 'baseline', 'loglinear'] : models);
  const results = new Map<ForecastModel, ModelResult>();
  if (need.has('baseline')) results.set('baseline', baselineForecast(weekly, { ...s.baseline, levels, horizons }));
  if (need.has('loglinear')) {
    const r = logLinearForecast(weekly, { ...s.logLinear, levels, horizons });
    results.set('loglinear', r.ok ? { ok: true, forecasts: r.forecasts } : r);
  }
  if (need.has('ensemble')) results.set('ensemble', quantileMedianEnsemble([results.get('baseline')!, results.get('loglinear')!]));
  for (const m of models) out.set(m, results.get(m)!);
  return out;
}
