import { Type, type Static } from 'typebox';
import { ANOMALY_CODE_LIST, type AnomalyCode } from '../domain/anomalies.js';
import { TRANSFORMS, type Transform } from '../domain/transforms.js';
import { AnomalyCodeSchema, IsoDate, Level, MissingReasonSchema, Nullable } from '../query/schema-primitives.js';
import { SeriesJson, SeriesRow } from '../query/series-schemas.js';
import { API_ERRORS } from './errors.js';

export { IsoDate, MissingReasonSchema, Nullable, SeriesJson, SeriesRow };

/** Schemas written once: they validate requests, type handlers and document /openapi.json. */

const Format = Type.Unsafe<'json' | 'csv' | 'jsonl'>({ type: 'string', enum: ['json', 'csv', 'jsonl'], default: 'json', description: 'json (default), csv (long format with a header) or jsonl (one JSON object per line)' });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.Unsafe<string>({ type: 'string', enum: Object.keys(API_ERRORS) }),
      message: Type.String(),
      parameter: Type.Optional(Type.String({ description: 'The query parameter at fault, when there is one' })),
    }),
  },
  { $id: 'Error', description: 'Every error has this shape; codes are listed in docs/api.md' },
);

export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, Type.Ref('Error')]));


export const SeriesQuery = Type.Object({
  location: Type.String({ description: 'Location keys, comma-separated (at most 100), e.g. FR,US_CA,US_CA_06037', examples: ['FR,DE'] }),
  metric: Type.String({ default: 'confirmed', description: 'Metrics, comma-separated (see /v1/metrics)', examples: ['confirmed,deaths'] }),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  as_of: Type.Optional({ ...IsoDate, description: 'Return the data as it was published on this date (newest issue on or before it)' }),
  transform: Type.Unsafe<Transform>({ type: 'string', enum: [...TRANSFORMS], default: 'cumulative', description: 'cumulative (as published), daily (new since the last report), daily_7day_avg, per_100k, daily_per_100k, daily_7day_avg_per_100k' }),
  source: Type.String({ default: 'best', description: 'best (default: each date from the first source in precedence order that covers it) or a source id' }),
  exclude_anomalies: Type.Boolean({ default: false, description: 'For 7-day averages: leave out days flagged backlog_dump or negative_change (as NYT does)' }),
  format: Format,
}, { additionalProperties: false });
export type SeriesQuery = Static<typeof SeriesQuery>;


export const SeriesResponse = Type.Object({
  meta: Type.Object({ data_version: Type.Number(), transform: Type.String(), as_of: Nullable(IsoDate), source: Type.String() }),
  series: Type.Array(SeriesJson, { description: 'One entry per requested location and metric, in request order' }),
});

export const LatestQuery = Type.Object({
  metric: Type.String({ default: 'confirmed', description: 'One metric' }),
  level: Type.Optional(Level),
  parent: Type.Optional(Type.String({ description: 'Only the children of this location key' })),
  format: Format,
}, { additionalProperties: false });
export type LatestQuery = Static<typeof LatestQuery>;

export const LatestRow = Type.Object({
  location: Type.String(),
  name: Type.String(),
  level: Level,
  parent: Nullable(Type.String()),
  metric: Type.String(),
  date: Nullable(IsoDate),
  value: Nullable(Type.Number()),
  value_per_100k: Nullable(Type.Number()),
  population: Nullable(Type.Number()),
  source: Type.String(),
  derived: Type.Boolean(),
  issue: Nullable(IsoDate),
});
export const LatestResponse = Type.Object({ meta: Type.Object({ data_version: Type.Number(), metric: Type.String() }), data: Type.Array(LatestRow) });

export const LocationSummary = Type.Object({ key: Type.String(), name: Type.String(), level: Level });
export const LocationSchema = Type.Object({
  key: Type.String(),
  level: Level,
  parent: Nullable(Type.String()),
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  iso_alpha2: Nullable(Type.String()),
  iso_alpha3: Nullable(Type.String()),
  iso_numeric: Nullable(Type.String()),
  fips: Nullable(Type.String()),
  jhu_uid: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  population: Nullable(Type.Number()),
  note: Nullable(Type.String()),
});

export const LocationsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Name, alias or code; case and accents do not matter', examples: ['cote d’ivoire', 'US_CA', 'Hubei'] })),
  level: Type.Optional(Level),
  parent: Type.Optional(Type.String()),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
}, { additionalProperties: false });
export type LocationsQuery = Static<typeof LocationsQuery>;

export const LocationsResponse = Type.Object({
  meta: Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }),
  data: Type.Array(LocationSchema),
});

export const LocationDetail = Type.Object({
  data: Type.Intersect([
    LocationSchema,
    Type.Object({
      parent_location: Nullable(LocationSummary),
      children: Type.Array(LocationSummary),
      series: Type.Array(
        Type.Object({ metric: Type.String(), source: Type.String(), derived: Type.Boolean(), best: Type.Boolean(), first_date: Nullable(IsoDate), last_date: Nullable(IsoDate) }),
      ),
    }),
  ]),
});

export const RevisionsQuery = Type.Object({
  location: Type.String({ examples: ['DE'] }),
  metric: Type.String({ default: 'confirmed' }),
  date: IsoDate,
}, { additionalProperties: false });
export type RevisionsQuery = Static<typeof RevisionsQuery>;

export const RevisionsResponse = Type.Object({
  meta: Type.Object({ location: Type.String(), metric: Type.String(), date: IsoDate, data_version: Type.Number() }),
  data: Type.Array(
    Type.Object({
      source: Type.String(),
      derived: Type.Boolean(),
      issue: IsoDate,
      value: Nullable(Type.Number()),
      missing_reason: MissingReasonSchema,
      best: Type.Boolean({ description: 'This source backs the default series' }),
      run_id: Type.Integer(),
      file: Type.Object({ id: Type.String(), url: Type.String(), read_from: Type.String() }),
      note: Nullable(Type.String({ description: 'Provenance text the source gave for this value (e.g. a JHU erratum comment)' })),
    }),
  ),
});

const RunSchema = Type.Object({
  id: Type.Integer(),
  status: Type.String(),
  started_at: Type.String({ format: 'date-time' }),
  finished_at: Nullable(Type.String({ format: 'date-time' })),
  parser_version: Type.Integer(),
  rows_read: Type.Integer(),
  values_read: Type.Integer(),
  values_new: Type.Integer(),
  values_changed: Type.Integer(),
  error: Nullable(Type.String()),
});

const License = Type.Object({ name: Type.String(), url: Type.String(), spdx: Type.Optional(Type.String()) });
export const SourceSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  publisher: Type.String(),
  homepage: Type.String(),
  license: License,
  redistribution: Type.String(),
  cadence: Type.String(),
  metrics: Type.Array(Type.String()),
  levels: Type.Array(Type.String()),
  data_start: Nullable(IsoDate),
  data_end: Nullable(IsoDate),
  series_count: Type.Integer(),
  last_run: Nullable(RunSchema),
  last_success: Nullable(RunSchema),
});
export const SourcesResponse = Type.Object({ data: Type.Array(SourceSummary) });
export const SourceDetail = Type.Object({
  data: Type.Intersect([
    SourceSummary,
    Type.Object({
      frozen_on: Nullable(IsoDate),
      notes: Type.Array(Type.String()),
      files: Type.Array(Type.Object({ id: Type.String(), url: Type.String(), mirror: Type.Array(Type.String()) })),
      discontinued: Type.Array(Type.Object({ metric: Type.String(), after: IsoDate, note: Type.String(), reference: Type.Optional(Type.String()) })),
      runs: Type.Array(RunSchema),
    }),
  ]),
});
export const RunDetail = Type.Object({
  data: Type.Intersect([
    RunSchema,
    Type.Object({
      source: Type.String(),
      files: Type.Array(
        Type.Object({
          file_id: Type.String(), origin: Type.String(), location: Type.String(), url: Type.String(), issue: IsoDate, sha256: Type.String(),
          bytes: Type.Integer(), not_modified: Type.Boolean(), rows_read: Type.Integer(), values_new: Type.Integer(), values_changed: Type.Integer(),
        }),
      ),
      report: Type.Array(Type.Object({ code: Type.String(), severity: Type.String(), message: Type.String() }, { additionalProperties: true })),
    }),
  ]),
});

const Cadence = Type.Union([Type.Literal('daily'), Type.Literal('weekly'), Type.Literal('irregular')]);

export const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')], { description: 'degraded: a required source is failing or stale (see problems)' }),
  checked_at: Type.String({ description: 'The time the ages are counted to' }),
  database: Type.Object({ reachable: Type.Literal(true), kind: Type.String() }),
  data_version: Type.Number(),
  problems: Type.Array(Type.String(), { description: 'One line per required source that is failing or stale' }),
  stale_after_hours: Type.Object({ daily: Type.Number(), weekly: Type.Number(), irregular: Type.Number() }, { description: 'A source is stale when its last success is older than this, by its declared cadence' }),
  sources: Type.Array(
    Type.Object({
      id: Type.String(),
      cadence: Cadence,
      frozen_on: Type.Union([IsoDate, Type.Null()], { description: 'Archived upstream on this date: never stale' }),
      required: Type.Boolean({ description: 'The first source of a precedence rule: its health decides the overall status' }),
      state: Type.Union([Type.Literal('fresh'), Type.Literal('stale'), Type.Literal('frozen'), Type.Literal('never_succeeded')]),
      stale: Type.Boolean(),
      failing: Type.Boolean({ description: 'The newest run failed' }),
      stale_after_hours: Type.Union([Type.Number(), Type.Null()], { description: 'null for frozen sources' }),
      last_attempt: Nullable(Type.Object({ started_at: Type.String(), finished_at: Nullable(Type.String()), status: Type.String({ description: 'running, succeeded or failed' }), error: Nullable(Type.String()) })),
      last_success_at: Nullable(Type.String()),
      data_end: Nullable(IsoDate),
      age_hours: Type.Object({ since_success: Nullable(Type.Number()), since_data_end: Nullable(Type.Number({ description: 'From the end of the data_end day (UTC)' })) }),
      last_run_status: Nullable(Type.String()),
      last_run_at: Nullable(Type.String()),
    }),
  ),
});

export const HealthUnavailableResponse = Type.Object({
  status: Type.Literal('unavailable'),
  database: Type.Object({ reachable: Type.Literal(false), kind: Type.String() }),
  data_version: Type.Null(),
  sources: Type.Array(Type.Unknown(), { maxItems: 0 }),
});

export const MetricsResponse = Type.Object({
  data: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), unit: Type.String(), kind: Type.String({ description: 'cumulative, daily, average or stock' }), description: Type.String(), of: Type.Optional(Type.String({ description: 'For daily and average metrics: the cumulative metric they count' })) })),
  missing_reasons: Type.Record(Type.String(), Type.String()),
  transforms: Type.Array(Type.String()),
});

export const AnomaliesQuery = Type.Object({
  location: Type.Optional(Type.String({ description: 'Location keys, comma-separated' })),
  metric: Type.Optional(Type.String()),
  code: Type.Optional(Type.Unsafe<AnomalyCode>({ type: 'string', enum: [...ANOMALY_CODE_LIST], description: 'Only this anomaly code' })),
  source: Type.Optional(Type.String()),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  limit: Type.Integer({ minimum: 1, maximum: 10000, default: 1000 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
  format: Format,
}, { additionalProperties: false });
export type AnomaliesQuery = Static<typeof AnomaliesQuery>;

export const AnomalyRowSchema = Type.Object({
  location: Type.String(),
  metric: Type.String(),
  source: Type.String(),
  derived: Type.Boolean(),
  date: IsoDate,
  code: AnomalyCodeSchema,
  detail: Nullable(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
});
export const AnomaliesResponse = Type.Object({
  meta: Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), codes: Type.Record(Type.String(), Type.String()) }),
  data: Type.Array(AnomalyRowSchema),
});

const Agreement = Type.Object({
  days_compared: Type.Integer(),
  days_differing: Type.Integer(),
  share_differing: Type.Number(),
  max_abs_diff: Type.Number(),
  max_rel_diff: Type.Number({ description: '|a − b| / max(|a|, |b|) at its largest' }),
  mean_rel_diff: Type.Number(),
  first_differing: Nullable(IsoDate),
  last_differing: Nullable(IsoDate),
});

export const CompareQuery = Type.Object({
  location: Type.String({ examples: ['DE'] }),
  metric: Type.String({ default: 'confirmed' }),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  as_of: Type.Optional(IsoDate),
  reference: Type.Optional(Type.String({ description: 'Source the others are compared with (default: the first in precedence order)' })),
  reference_as_of: Type.Optional({ ...IsoDate, description: 'Read the reference as published on this date instead of as_of (e.g. a source’s old vintage against the reference’s final data)' }),
  format: Format,
}, { additionalProperties: false });
export type CompareQuery = Static<typeof CompareQuery>;

export const CompareRow = Type.Object({
  location: Type.String(), date: IsoDate, metric: Type.String(), source: Type.String(), derived: Type.Boolean(),
  value: Nullable(Type.Number()), missing_reason: MissingReasonSchema,
});

export const CompareResponse = Type.Object({
  meta: Type.Object({ location: Type.String(), metric: Type.String(), as_of: Nullable(IsoDate), reference: Nullable(Type.String()), reference_as_of: Nullable(IsoDate), data_version: Type.Number() }),
  start: Nullable(IsoDate),
  end: Nullable(IsoDate),
  sources: Type.Array(Type.Object({
    source: Type.String(),
    derived: Type.Boolean(),
    rank: Type.Integer({ description: '0 = first in precedence order' }),
    values: Type.Array(Nullable(Type.Number()), { description: 'One value per day from start to end; null where missing' }),
    agreement: Nullable(Agreement),
  })),
});

export const DiscrepanciesQuery = Type.Object({
  metric: Type.String({ default: 'confirmed' }),
  level: Type.Optional(Level),
  parent: Type.Optional(Type.String()),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  as_of: Type.Optional(IsoDate),
  min_days: Type.Integer({ minimum: 1, default: 7, description: 'Ignore sources sharing fewer days with the reference' }),
  limit: Type.Integer({ minimum: 1, maximum: 5000, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
  format: Format,
}, { additionalProperties: false });
export type DiscrepanciesQuery = Static<typeof DiscrepanciesQuery>;

export const DiscrepancyRow = Type.Object({
  location: Type.String(),
  name: Type.String(),
  level: Level,
  reference: Type.String(),
  sources_compared: Type.Integer(),
  worst_source: Type.String(),
  days_compared: Type.Integer(),
  days_differing: Type.Integer(),
  share_differing: Type.Number(),
  max_abs_diff: Type.Number(),
  max_rel_diff: Type.Number(),
  mean_rel_diff: Type.Number({ description: 'Of the worst source: the ranking score' }),
});
export const DiscrepanciesResponse = Type.Object({
  meta: Type.Object({ metric: Type.String(), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), data_version: Type.Number() }),
  data: Type.Array(DiscrepancyRow),
});
