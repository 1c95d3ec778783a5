import { Type, type Static } from 'typebox';
import { RT_DEFAULTS } from '../models/rt/estimate-rt.js';
import { RT_MAX_GAP_DAYS } from '../models/rt/rt-input.js';
import { COVID_SERIAL_INTERVAL, RT_MAX_WINDOW } from '../query/rt.js';
import { IsoDate, Nullable } from '../query/schema-primitives.js';

/** Schemas of /v1/models/rt (docs/models/rt.md). */

const Format = Type.Unsafe<'json' | 'csv'>({ type: 'string', enum: ['json', 'csv'], default: 'json', description: 'json (default) or csv (one row per window, header first)' });

export const RtQuery = Type.Object({
  location: Type.String({ description: 'One location key', examples: ['DE'] }),
  metric: Type.String({ default: 'confirmed', description: 'A cumulative count: confirmed (default) or deaths' }),
  source: Type.String({ default: 'best', description: 'best (default: the precedence order) or one source id' }),
  as_of: Type.Optional({ ...IsoDate, description: 'Estimate from the data as published on this date' }),
  from: Type.Optional({ ...IsoDate, description: 'Only windows ending on or after this date (the estimate still uses the earlier days)' }),
  to: Type.Optional({ ...IsoDate, description: 'Only windows ending on or before this date' }),
  mean_si: Type.Number({ exclusiveMinimum: 1, default: COVID_SERIAL_INTERVAL.mean, description: 'Mean serial interval in days (> 1: the serial interval is 1 day + a gamma delay). Default 4.7 (Nishiura et al. 2020)' }),
  std_si: Type.Number({ exclusiveMinimum: 0, default: COVID_SERIAL_INTERVAL.sd, description: 'Standard deviation of the serial interval in days. Default 2.9 (Nishiura et al. 2020)' }),
  si_distr: Type.Optional(Type.String({
    maxLength: 4000,
    description: 'A discrete serial interval instead of mean_si/std_si: P(0 days), P(1 day), … comma-separated; the first must be 0 and the sum 1 (± 0.01)',
    examples: ['0,0.3,0.4,0.2,0.1'],
  })),
  window: Type.Integer({ minimum: 1, maximum: RT_MAX_WINDOW, default: RT_DEFAULTS.window, description: 'Days per sliding window (default 7, as EpiEstim)' }),
  windows: Type.Optional(Type.String({
    maxLength: 12000,
    description: 'Given windows instead of sliding ones: START/END pairs of dates, comma-separated (each inside one stretch of known days; too-early windows are kept, flagged)',
    examples: ['2020-03-01/2020-03-14,2020-03-15/2020-03-28'],
  })),
  mean_prior: Type.Number({ exclusiveMinimum: 0, default: RT_DEFAULTS.prior.mean, description: 'Mean of the gamma prior on R (default 5, as EpiEstim)' }),
  std_prior: Type.Number({ exclusiveMinimum: 0, default: RT_DEFAULTS.prior.sd, description: 'Standard deviation of the gamma prior on R (default 5, as EpiEstim)' }),
  include_early: Type.Boolean({ default: false, description: 'Keep the windows too early in the epidemic to trust (flagged in early_reason); left out by default' }),
  date_by: Type.Unsafe<'report' | 'onset'>({ type: 'string', enum: ['report', 'onset'], default: 'report', description: 'onset: windows dated by symptom onset, shifted back by the median onset→confirmation delay fitted on the line lists (/v1/models/delays; meta.onset_shift)' }),
  format: Format,
}, { additionalProperties: false });
export type RtQuery = Static<typeof RtQuery>;

const Trend = Type.Unsafe<string>({
  type: 'string', enum: ['increasing', 'likely_increasing', 'stable', 'likely_decreasing', 'decreasing', 'insufficient_data'],
  description: 'EpiNow2’s label from P(R < 1): < 0.05 increasing, < 0.4 likely_increasing, < 0.6 stable, < 0.95 likely_decreasing, else decreasing; insufficient_data when the window holds fewer cases than the aimed posterior CV (0.3) needs (11 with the default prior): its posterior is mostly the prior',
});
const EarlyReason = Type.Unsafe<string | null>({
  type: ['string', 'null'], enum: ['before_mean_si', 'few_cumulative_cases', 'low_window_incidence', null],
  description: 'Why the window is too early to trust (null: it is not); see docs/models/rt.md',
});

export const RtRowSchema = Type.Object({
  window_start: IsoDate,
  window_end: { ...IsoDate, description: 'The estimate is R over window_start..window_end (EpiEstim’s t_start..t_end)' },
  mean: Type.Number({ description: 'Posterior mean of R' }),
  sd: Type.Number({ description: 'Posterior standard deviation' }),
  median: Type.Number(),
  q0_025: Type.Number({ description: 'Posterior 2.5% quantile' }),
  q0_05: Type.Number(),
  q0_25: Type.Number(),
  q0_75: Type.Number(),
  q0_95: Type.Number(),
  q0_975: Type.Number({ description: 'Posterior 97.5% quantile' }),
  prob_below_1: Type.Number({ description: 'Posterior P(R < 1)' }),
  trend: Trend,
  cases: Type.Number({ description: 'Cases in the window (a share of a multi-day report or an interpolated day may be fractional)' }),
  imputed_days: Type.Integer({ description: 'Days of the window whose incidence was imputed (spread from a multi-day report or interpolated across a gap)' }),
  early_reason: EarlyReason,
});

export const RtResponse = Type.Object({
  meta: Type.Object({
    location: Type.String(),
    metric: Type.String(),
    source: Type.String({ description: 'As requested' }),
    sources: Type.Array(Type.String(), { description: 'Sources that supplied the values' }),
    as_of: Nullable(IsoDate),
    from: Nullable(IsoDate),
    to: Nullable(IsoDate),
    window: Nullable(Type.Integer({ description: 'Days per sliding window (null with given windows)' })),
    windows: Nullable(Type.Array(Type.Object({ start: IsoDate, end: IsoDate }), { description: 'The given windows, if any' })),
    include_early: Type.Boolean(),
    serial_interval: Type.Object({
      kind: Type.Unsafe<'parametric' | 'distribution'>({ type: 'string', enum: ['parametric', 'distribution'] }),
      mean_si: Nullable(Type.Number({ description: 'As given (parametric)' })),
      std_si: Nullable(Type.Number()),
      discrete_mean: Type.Number({ description: 'Mean of the discrete distribution used' }),
      discrete_sd: Type.Number(),
      weights: Type.Array(Type.Number(), { description: 'P(serial interval = k days), k = 0, 1, … (trailing zeros cut)' }),
    }),
    prior: Type.Object({ mean: Type.Number(), sd: Type.Number(), shape: Type.Number(), scale: Type.Number() }),
    incidence: Type.Object({
      max_gap_days: Type.Integer({ description: `Longest run of unknown days filled by interpolation (${RT_MAX_GAP_DAYS}); a longer one splits the series` }),
      segments: Type.Array(Type.Object({
        start: { ...IsoDate, description: 'First case of the segment (its cases are read as imported, as EpiEstim does)' },
        end: IsoDate,
        days: Type.Integer(),
        imputed_days: Type.Integer(),
        estimated: Type.Boolean({ description: 'False when the segment is shorter than window + 1 days' }),
      }), { description: 'The daily series estimated on, split at gaps of more than max_gap_days unknown days, each estimated apart' }),
    }),
    early_windows_omitted: Type.Integer({ description: 'Windows in from..to left out as too early (0 with include_early)' }),
    onset_shift: Nullable(Type.Object({
      days: Type.Integer({ description: 'Days every window was moved back' }),
      delay: Type.String(), family: Type.String(), median: Type.Number(), median_interval: Type.Object({ lower: Type.Number(), upper: Type.Number() }),
      mean: Type.Number(), cases: Type.Integer(), scope: Type.String({ description: 'The location whose cases gave the delay, or all line-list cases' }),
    }, { description: 'With date_by=onset: the delay the windows were shifted by' })),
    data_version: Type.Number(),
  }),
  data: Type.Array(RtRowSchema),
});
