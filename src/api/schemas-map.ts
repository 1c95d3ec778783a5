import { Type, type Static } from 'typebox';
import { LOCATION_LEVELS, type LocationLevel } from '../domain/location.js';
import { TRANSFORMS, type Transform } from '../domain/transforms.js';
import { IsoDate, Nullable } from '../query/schema-primitives.js';

/** Schemas of /v1/map (the dashboard's map snapshots). */

const Level = Type.Unsafe<LocationLevel>({ type: 'string', enum: [...LOCATION_LEVELS], description: 'country, subdivision (state, province) or county' });
const Format = Type.Unsafe<'json' | 'csv' | 'jsonl'>({ type: 'string', enum: ['json', 'csv', 'jsonl'], default: 'json', description: 'json (default), csv (a header, then one row per location) or jsonl' });

export const MAP_MAX_TOLERANCE = 60;

export const MapQuery = Type.Object({
  metric: Type.String({ default: 'confirmed', description: 'One metric (see /v1/metrics)' }),
  transform: Type.Unsafe<Transform>({ type: 'string', enum: [...TRANSFORMS], default: 'cumulative', description: 'As in /v1/series: cumulative, daily, daily_7day_avg and their _per_100k forms' }),
  date: Type.Optional({ ...IsoDate, description: 'The day shown (default: the last day any location has a value)' }),
  level: Type.Optional(Level),
  parent: Type.Optional(Type.String({ description: 'Only the children of this location key (US: states; US_CA: its counties)' })),
  as_of: Type.Optional({ ...IsoDate, description: 'The data as it was published on this date' }),
  tolerance: Type.Integer({ minimum: 0, maximum: MAP_MAX_TOLERANCE, default: 7, description: 'A location without a value on `date` shows its newest value of the days before, at most this many (weekly reporters); its row’s date says which day' }),
  format: Format,
}, { additionalProperties: false });
export type MapQuery = Static<typeof MapQuery>;

export const MapRowSchema = Type.Object({
  location: Type.String(),
  name: Type.String(),
  level: Level,
  parent: Nullable(Type.String()),
  date: { ...IsoDate, description: 'The day the value is from: `date`, or up to `tolerance` days before it' },
  value: Type.Number({ description: 'The value /v1/series gives for this location, metric, transform and day' }),
  population: Nullable(Type.Number()),
  source: Nullable(Type.String()),
  derived: Nullable(Type.Boolean()),
});

export const MapResponse = Type.Object({
  meta: Type.Object({
    metric: Type.String(),
    transform: Type.String(),
    date: Nullable(IsoDate),
    as_of: Nullable(IsoDate),
    level: Nullable(Type.String()),
    parent: Nullable(Type.String()),
    tolerance: Type.Integer(),
    first_date: Nullable({ ...IsoDate, description: 'First day any location has a value (the timeline’s start)' }),
    last_date: Nullable({ ...IsoDate, description: 'Last day any location has a value (the timeline’s end)' }),
    data_version: Type.Number(),
  }),
  data: Type.Array(MapRowSchema, { description: 'Locations with a value on the day (within the tolerance), by key; the others have no data' }),
});
