import { Type, type Static } from 'typebox';
import { TRANSFORMS, type Transform } from '../domain/transforms.js';
import { IsoDate, Nullable } from '../query/schema-primitives.js';
import { SeriesJson, SeriesRow } from '../query/series-schemas.js';
import { Format } from './schemas.js';

/** Schemas of GET /v1/series. */

export { SeriesJson, SeriesRow };

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
