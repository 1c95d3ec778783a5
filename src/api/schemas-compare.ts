import { Type, type Static } from 'typebox';
import { IsoDate, Level, MissingReasonSchema, Nullable } from '../query/schema-primitives.js';
import { Format } from './schemas.js';

/** Schemas of GET /v1/compare and /v1/discrepancies. */

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
