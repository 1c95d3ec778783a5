import { Type, type Static } from 'typebox';
import type { ForecastModel } from '../models/forecast/models.js';
import type { ForecastTarget } from '../models/forecast/quantiles.js';
import { IsoDate, Nullable } from '../query/schema-primitives.js';

/** Schemas of /v1/models/forecast and /v1/models/evaluation (docs/models/forecast.md). */

const Target = Type.Unsafe<ForecastTarget>({ type: 'string', enum: ['case', 'death'], description: 'case (weekly incident confirmed cases, 7 quantiles) or death (weekly incident deaths, 23 quantiles)' });
const Model = Type.Unsafe<ForecastModel | 'all'>({
  type: 'string', enum: ['baseline', 'loglinear', 'ensemble', 'all'], default: 'all',
  description: 'baseline (the Forecast Hub’s), loglinear (growth of the recent weekly counts), ensemble (quantile median of the two) or all',
});
const Format = Type.Unsafe<'json' | 'csv'>({ type: 'string', enum: ['json', 'csv'], default: 'json', description: 'json (default) or csv (hubverse model-output CSV)' });
const Source = Type.String({ default: 'best', description: 'best (default: the precedence order) or one source id' });

export const ForecastQuery = Type.Object({
  location: Type.String({ description: 'One location key', examples: ['DE'] }),
  target: Target,
  reference_date: { ...IsoDate, description: 'A Saturday: the end of the last observed epiweek. Horizon h ends h weeks later.', examples: ['2020-04-04'] },
  model: Model,
  as_of: Type.Optional({ ...IsoDate, description: 'Use the data as published on this date (default: the reference date, so the forecast sees only what was known then)' }),
  source: Source,
  format: Format,
}, { additionalProperties: false });
export type ForecastQuery = Static<typeof ForecastQuery>;

export const HubverseRowSchema = Type.Object({
  model_id: Type.String({ description: 'glacier-<model>' }),
  reference_date: IsoDate,
  target: Type.String({ description: 'wk inc case or wk inc death' }),
  horizon: Type.Integer({ minimum: 1, maximum: 4 }),
  location: Type.String(),
  target_end_date: { ...IsoDate, description: 'Saturday ending the forecast week: reference_date + 7 × horizon' },
  output_type: Type.Literal('quantile'),
  output_type_id: Type.Number({ description: 'Quantile level' }),
  value: Type.Number({ description: 'Predicted quantile of the week’s incident count' }),
});

const ModelStatus = Type.Object({ model: Type.String(), model_id: Type.String(), ok: Type.Boolean(), reason: Nullable(Type.String({ description: 'Why the model made no forecast' })) });

export const ForecastResponse = Type.Object({
  meta: Type.Object({
    location: Type.String(), target: Type.String(), metric: Type.String(), reference_date: IsoDate,
    as_of: { ...IsoDate, description: 'Vintage of the data the forecast used' },
    source: Type.String(), sources: Type.Array(Type.String(), { description: 'Sources that supplied the data' }),
    last_week: Nullable(Type.Number({ description: 'Incident count of the week ending on reference_date, as known at as_of' })),
    quantile_levels: Type.Array(Type.Number()),
    models: Type.Array(ModelStatus),
    data_version: Type.Number(),
  }),
  data: Type.Array(HubverseRowSchema),
});

export const EvaluationQuery = Type.Object({
  location: Type.String({ description: 'One location key', examples: ['DE'] }),
  target: Target,
  model: Model,
  from: { ...IsoDate, description: 'First reference date: the first Saturday on or after it', examples: ['2020-04-04'] },
  to: { ...IsoDate, description: 'Last reference date: the last Saturday on or before it (at most 60 Saturdays in from..to)', examples: ['2020-05-30'] },
  source: Source,
  versioned: Type.Boolean({ default: true, description: 'true (default): each forecast uses the data as known on its reference date. false: the latest data cut at each reference date (a pseudo-backtest for dates without stored vintages; optimistic, as later revisions leak in)' }),
  view: Type.Unsafe<'scores' | 'summary'>({ type: 'string', enum: ['scores', 'summary'], default: 'scores', description: 'For CSV: one row per scored forecast (scores) or per model and horizon (summary); JSON has both' }),
  format: Type.Unsafe<'json' | 'csv'>({ type: 'string', enum: ['json', 'csv'], default: 'json', description: 'json (default) or csv' }),
}, { additionalProperties: false });
export type EvaluationQuery = Static<typeof EvaluationQuery>;

export const ScoreRow = Type.Object({
  model: Type.String(), reference_date: IsoDate, target: Type.String(), horizon: Type.Integer(), location: Type.String(), target_end_date: IsoDate,
  observed: Type.Number({ description: 'The week’s incident count in the latest data' }),
  median: Type.Number(), lower_50: Type.Number(), upper_50: Type.Number(), lower_95: Type.Number(), upper_95: Type.Number(),
  wis: Type.Number({ description: 'Weighted interval score (Bracher et al. 2021)' }),
  ae_median: Type.Number({ description: '|observed − median|' }),
  coverage_50: Type.Boolean(), coverage_95: Type.Boolean(),
});

export const SummaryRowSchema = Type.Object({
  model: Type.String(),
  horizon: Nullable(Type.Integer({ description: 'null: all horizons' })),
  n: Type.Integer({ description: 'Forecasts scored' }),
  mean_wis: Type.Number(), mean_ae_median: Type.Number(),
  coverage_50: Type.Number({ description: 'Share of observations inside the 50 % interval' }),
  coverage_95: Type.Number(),
  relative_wis: Nullable(Type.Number({ description: 'Mean WIS / the baseline’s mean WIS over the same targets' })),
});

export const EvaluationResponse = Type.Object({
  meta: Type.Object({
    location: Type.String(), target: Type.String(), metric: Type.String(), from: IsoDate, to: IsoDate, source: Type.String(), versioned: Type.Boolean(),
    reference_dates: Type.Array(IsoDate), truth_sources: Type.Array(Type.String()),
    forecasts_scored: Type.Integer(), forecasts_unscored: Type.Integer({ description: 'Made, but their target week is not (yet) in the latest data' }),
    skipped: Type.Array(Type.Object({ model: Type.String(), reference_date: IsoDate, reason: Type.String() })),
    data_version: Type.Number(),
  }),
  summary: Type.Array(SummaryRowSchema),
  data: Type.Array(ScoreRow),
});
