import { Type } from 'typebox';
import { IsoDate, Nullable } from '../query/schema-primitives.js';

/** Schemas of GET /v1/sources, /v1/sources/{id} and its runs. */

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
      files: Type.Array(Type.Object({ id: Type.String(), url: Type.String(), mirror: Type.Array(Type.Union([Type.String(), Type.Object({ path: Type.String(), issue: IsoDate })]), { description: 'Paths in a local mirror; a dated copy whose name does not give its issue has it beside' }) })),
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
