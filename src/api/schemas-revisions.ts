import { Type, type Static } from 'typebox';
import { IsoDate, MissingReasonSchema, Nullable } from '../query/schema-primitives.js';

/** Schemas of GET /v1/revisions. */

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
