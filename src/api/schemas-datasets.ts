import { Type, type Static } from 'typebox';
import { ACCESS_KINDS, DATASET_TYPES, MODALITIES, REDISTRIBUTION_CLASSES } from '../domain/dataset.js';
import { Nullable } from '../query/schema-primitives.js';
import { BoolText, enumOf, Format } from './schemas.js';

/** Schemas of /v1/datasets. */

export const DatasetsQuery = Type.Object(
  {
    type: Type.Optional(enumOf(DATASET_TYPES, 'Only datasets of this type')),
    modality: Type.Optional(enumOf(MODALITIES, 'Only imaging datasets of this modality')),
    redistribution: Type.Optional(enumOf(REDISTRIBUTION_CLASSES, 'Only datasets of this redistribution class')),
    commercial: Type.Optional(BoolText('true: commercial use allowed; false: not allowed (datasets whose terms do not say match neither)')),
    local: Type.Optional(BoolText('true: only datasets Glacier holds rows of; false: only those it does not')),
    access: Type.Optional(enumOf(ACCESS_KINDS, 'Only datasets offering this kind of access')),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Words that must all appear (any case) in the id, title, publisher, description or keywords' })),
    format: Format,
  },
  { additionalProperties: false },
);
export type DatasetsQuery = Static<typeof DatasetsQuery>;

const Holding = Type.Object({ source: Type.String(), table: Type.String(), rows: Type.Integer() });

export const DatasetSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  publisher: Type.String(),
  description: Type.String(),
  type: enumOf(DATASET_TYPES, 'What the dataset holds'),
  modalities: Type.Array(enumOf(MODALITIES, 'Imaging modality')),
  counts: Type.Array(
    Type.Object({ unit: Type.String(), value: Type.Number(), stated_on: Type.String({ description: 'When the publisher stated the count' }), source: Type.String(), note: Nullable(Type.String()) }),
    { description: 'Counts as the publisher states them, with the date stated' },
  ),
  license: Type.Object({ spdx: Nullable(Type.String()), name: Type.String(), url: Type.String() }),
  redistribution: enumOf(REDISTRIBUTION_CLASSES, 'What others may do with the data'),
  redistribution_note: Type.String(),
  commercial_use: Nullable(Type.Boolean({ description: 'null: the terms do not say' })),
  access: Type.Array(enumOf(ACCESS_KINDS, 'How the data can be obtained')),
  homepage: Type.String(),
  downloads: Type.Array(Type.Object({ title: Type.String(), url: Type.String(), format: Nullable(Type.String()) })),
  citation: Nullable(
    Type.Object({
      key: Type.String(), kind: Type.String(), title: Type.String(), authors: Type.Array(Type.String()), year: Type.Integer(),
      container: Nullable(Type.String()), doi: Nullable(Type.String()), url: Nullable(Type.String()),
    }),
  ),
  temporal_coverage: Nullable(Type.Object({ start: Nullable(Type.String()), end: Nullable(Type.String()) })),
  spatial_coverage: Type.String(),
  status: Type.Unsafe<'active' | 'frozen'>({ type: 'string', enum: ['active', 'frozen'] }),
  last_update: Nullable(Type.String({ description: 'For frozen datasets: the last update' })),
  connectors: Type.Array(Type.String(), { description: 'The Glacier connectors (source ids) that ingest it' }),
  local: Type.Array(Holding, { description: 'What Glacier holds of it here: tables and rows (empty: nothing)' }),
  keywords: Type.Array(Type.String()),
});

export const DatasetCsvRow = Type.Object({
  id: Type.String(), title: Type.String(), publisher: Type.String(), type: Type.String(), modalities: Type.String(),
  redistribution: Type.String(), commercial_use: Nullable(Type.Boolean()), access: Type.String(), license_spdx: Nullable(Type.String()),
  license_name: Type.String(), license_url: Type.String(), homepage: Type.String(), doi: Nullable(Type.String()),
  temporal_start: Nullable(Type.String()), temporal_end: Nullable(Type.String()), spatial_coverage: Type.String(), status: Type.String(),
  last_update: Nullable(Type.String()), local_rows: Type.Integer(),
});

export const DatasetsResponse = Type.Object({
  meta: Type.Object({ total: Type.Integer() }),
  data: Type.Array(DatasetSchema),
});

export const DatasetParams = Type.Object({ id: Type.String({ maxLength: 100, examples: ['covid-chestxray'] }) });

export const DatasetDetailQuery = Type.Object(
  { format: Type.Unsafe<'json' | 'jsonld'>({ type: 'string', enum: ['json', 'jsonld'], default: 'json', description: 'json (default) or jsonld: a schema.org Dataset' }) },
  { additionalProperties: false },
);

export const CitationQuery = Type.Object(
  { format: Type.Unsafe<'bibtex' | 'ris'>({ type: 'string', enum: ['bibtex', 'ris'], default: 'bibtex', description: 'bibtex (default) or ris' }) },
  { additionalProperties: false },
);
