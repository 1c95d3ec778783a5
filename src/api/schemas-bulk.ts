import { Type } from 'typebox';
import { Nullable } from '../query/schema-primitives.js';

/** Schemas of GET /v1/bulk and GET /v1/bulk/{file}. */

export const BulkFile = Type.Object({
  name: Type.String({ description: 'File name, e.g. series.parquet' }),
  table: Type.String({ description: 'The table it holds (series, series-by-source, locations, sources, anomalies, cases, papers, sequences, images)' }),
  format: Type.String({ description: 'parquet or csv (gzip CSV)' }),
  media_type: Type.String(),
  rows: Type.Integer({ minimum: 0 }),
  bytes: Type.Integer({ minimum: 0 }),
  sha256: Type.String({ description: 'Hex SHA-256 of the file as served' }),
  url: Type.String(),
});

export const BulkListing = Type.Object({
  data_version: Type.Integer({ description: 'The data version served now' }),
  status: Type.Unsafe<'ready' | 'building'>({ type: 'string', enum: ['ready', 'building'], description: 'ready: the files are of the current data version; building: they are of an older one (or none is built yet) and a build is due' }),
  files_version: Nullable(Type.Integer({ description: 'The data version the listed files were built from' })),
  created: Nullable(Type.String({ format: 'date-time' })),
  datapackage: Nullable(Type.String({ description: 'URL of the Frictionless datapackage.json describing every file' })),
  files: Type.Array(BulkFile),
});

export const BulkFileParams = Type.Object({
  file: Type.String({ maxLength: 80, examples: ['sources.csv.gz'], description: 'A file name from the listing, or datapackage.json' }),
});
