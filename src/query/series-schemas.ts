import { Type, type Static } from 'typebox';
import { type MissingReason, MISSING_REASON_CODES } from '../domain/missing.js';
import { AnomalyCodeSchema, IsoDate, MissingReasonSchema, Nullable } from './schema-primitives.js';

/** The series use case's result shapes: a long-format row (CSV, JSON Lines) and the compact JSON entry. */

export const SeriesRow = Type.Object({
  location: Type.String(),
  date: IsoDate,
  metric: Type.String(),
  value: Nullable(Type.Number()),
  missing_reason: MissingReasonSchema,
  source: Nullable(Type.String({ description: 'Source that supplied the value (null: no source covers the date)' })),
  derived: Nullable(Type.Boolean({ description: 'True when Glacier summed the value from the source’s finer rows' })),
  issue: Nullable({ ...IsoDate, description: 'Vintage (publication date) of the stored value(s) this value rests on' }),
  flags: Type.Array(AnomalyCodeSchema, { description: 'Anomalies flagged on this date (CSV: separated by ";")' }),
});
export type SeriesRow = Static<typeof SeriesRow>;

export const SeriesJson = Type.Object({
  location: Type.String(),
  metric: Type.String(),
  start: Nullable(IsoDate),
  end: Nullable(IsoDate),
  values: Type.Array(Nullable(Type.Number()), { description: 'One value per day from start to end; null where missing' }),
  missing: Type.Array(
    Type.Object({ from: IsoDate, to: IsoDate, reason: Type.Unsafe<MissingReason>({ type: 'string', enum: [...MISSING_REASON_CODES] }) }),
    { description: 'Why values are null, as runs of dates' },
  ),
  issues: Type.Array(Type.Object({ from: IsoDate, to: IsoDate, issue: IsoDate }), { description: 'Vintage of the values, as runs of dates' }),
  sources: Type.Array(Type.Object({ from: IsoDate, to: IsoDate, source: Type.String(), derived: Type.Boolean() }), { description: 'Which source supplied the values, as runs of dates' }),
  flags: Type.Array(Type.Object({ date: IsoDate, code: AnomalyCodeSchema, detail: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]), { description: 'What the rule measured (e.g. change, z; null: not finite)' })) }), { description: 'Anomalies flagged on dates of the series' }),
});
export type SeriesJson = Static<typeof SeriesJson>;

