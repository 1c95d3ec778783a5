import { Type } from 'typebox';
import { IsoDate, Nullable } from '../query/schema-primitives.js';
import { SEQUENCE_ROW_COLUMNS } from '../query/sequences.js';
import { Format } from './schemas.js';

/** Schemas of /v1/sequences. */

export const sequenceFilters = {
  location: Type.Optional(Type.String({ maxLength: 100, description: 'A location key: sequences there or under it' })),
  clade: Type.Optional(Type.String({ maxLength: 50, description: 'A Nextstrain clade (19A, 20B, …)', examples: ['20A'] })),
  from: Type.Optional({ ...IsoDate, description: 'Collected on or after' }),
  to: Type.Optional({ ...IsoDate, description: 'Collected on or before' }),
  qc: Type.Optional(Type.Unsafe<'good' | 'mediocre' | 'bad'>({ type: 'string', enum: ['good', 'mediocre', 'bad'], description: 'Overall Nextclade-style QC status' })),
  host: Type.Optional(Type.String({ maxLength: 100, description: 'Host species (Homo sapiens, Neovison vison, …)' })),
};

export const SequencesQuery = Type.Object(
  { ...sequenceFilters, limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }), offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }), format: Format },
  { additionalProperties: false },
);
const Cell = Type.Union([Type.String(), Type.Number(), Type.Null()]);
export const SequenceRowSchema = Type.Object(Object.fromEntries(SEQUENCE_ROW_COLUMNS.map((c) => [c, Cell])) as Record<(typeof SEQUENCE_ROW_COLUMNS)[number], typeof Cell>);
export const SequencesResponse = Type.Object({ meta: Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }), data: Type.Array(SequenceRowSchema) });

export const StrainParams = Type.Object({ strain: Type.String({ maxLength: 200, description: 'The strain name (it holds slashes: percent-encode them)', examples: ['Australia/VIC05/2020'] }) });
export const SequenceResponse = Type.Object({
  data: SequenceRowSchema,
  record: Type.Record(Type.String(), Type.Unknown(), { description: 'The metadata as normalised (raw values kept)' }),
  analysis: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'Substitutions, deletions, insertions (reference coordinates), amino-acid changes, frame shifts, premature stops, clade, QC' })),
});

export const CladesQuery = Type.Object(
  { ...sequenceFilters, interval: Type.Unsafe<'week' | 'month'>({ type: 'string', enum: ['week', 'month'], default: 'week' }) },
  { additionalProperties: false },
);
export const CladesResponse = Type.Object({
  data: Type.Array(Type.Object({ period: Type.String(), clade: Nullable(Type.String({ description: 'null: unassigned' })), sequences: Type.Integer(), frequency: Type.Number() })),
});

export const MutationsQuery = Type.Object({ ...sequenceFilters, min_count: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 5 }) }, { additionalProperties: false });
export const MutationsResponse = Type.Object({
  meta: Type.Object({ analysed: Type.Integer() }),
  data: Type.Array(Type.Object({ kind: Type.String({ description: 'nuc or aa' }), mutation: Type.String({ description: 'A23403G, S:D614G' }), sequences: Type.Integer(), frequency: Nullable(Type.Number()) })),
});
export const FastaQuery = Type.Object({ ...sequenceFilters }, { additionalProperties: false });
