import { Type, type Static } from 'typebox';
import { IsoDate, Level, Nullable } from '../query/schema-primitives.js';
import { Format } from './schemas.js';

/** Schemas of GET /v1/latest. */

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
