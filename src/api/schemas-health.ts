import { Type } from 'typebox';
import { IsoDate, Nullable } from '../query/schema-primitives.js';
import { enumOf } from './schemas.js';

/** Schemas of GET /v1/health. */

const Cadence = Type.Union([Type.Literal('daily'), Type.Literal('weekly'), Type.Literal('irregular')]);

export const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')], { description: 'degraded: a required source is failing or stale (see problems)' }),
  checked_at: Type.String({ description: 'The time the ages are counted to' }),
  database: Type.Object({
    reachable: Type.Literal(true),
    kind: Type.String(),
    reads_from: enumOf(['primary', 'replica'] as const, 'Where reads go now: replica with DATABASE_READ_URL once it has replayed the current data version, else primary (docs/deploy.md)'),
  }),
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
