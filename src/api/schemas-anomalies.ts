import { Type, type Static } from 'typebox';
import { ANOMALY_CODE_LIST, type AnomalyCode } from '../domain/anomalies.js';
import { AnomalyCodeSchema, IsoDate, Nullable } from '../query/schema-primitives.js';
import { Format } from './schemas.js';

/** Schemas of GET /v1/anomalies. */

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
  // null values: a z-score that is infinite (the window's spread is 0) is stored as JSON null.
  detail: Nullable(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]), { description: 'What the rule measured (e.g. change, z; null: not finite)' })),
});
export const AnomaliesResponse = Type.Object({
  meta: Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), codes: Type.Record(Type.String(), Type.String()) }),
  data: Type.Array(AnomalyRowSchema),
});
