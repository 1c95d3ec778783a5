import type { BulkField, BulkTableShape, FieldType } from './fields.js';

/**
 * The Frictionless Data Package descriptor (`datapackage.json`, profile tabular-data-package,
 * specs v1) of one build: one resource per file, each with its Table Schema (types, primary key,
 * missing values), licences, rows, bytes and sha256. Tools such as frictionless-py, DataHub and
 * R's frictionless read it; test/api-bulk.test.ts validates it against the published JSON Schema.
 */

export type BulkFormat = 'parquet' | 'csv';
export const BULK_FORMATS: readonly BulkFormat[] = ['parquet', 'csv'];

export const FILE_SUFFIX: Record<BulkFormat, string> = { parquet: '.parquet', csv: '.csv.gz' };
export const MEDIA_TYPES: Record<BulkFormat, string> = { parquet: 'application/vnd.apache.parquet', csv: 'text/csv' };

export interface DataLicense {
  name?: string;
  path?: string;
  title: string;
}

export interface WrittenFile {
  table: BulkTableShape;
  format: BulkFormat;
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
  licenses: DataLicense[];
}

export interface BuildInfo {
  dataVersion: number;
  asOf: string | null;
  created: string;
}

/** The descriptor as written to datapackage.json. Extra keys (`rows`, `glacier`) are allowed by the profiles. */
export function dataPackage(info: BuildInfo, files: readonly WrittenFile[]): Record<string, unknown> {
  const licenses = uniqueLicenses(files.flatMap((f) => f.licenses));
  return {
    profile: 'tabular-data-package',
    name: 'glacier-covid19',
    title: `Glacier COVID-19 data, data version ${info.dataVersion}${info.asOf ? ` as of ${info.asOf}` : ''}`,
    description: 'Every table Glacier serves, as Parquet and gzip CSV (docs/api.md "Bulk files"). Each resource keeps the licences of the sources its rows come from.',
    version: `${info.dataVersion}.0.0`,
    created: info.created,
    licenses,
    glacier: { data_version: info.dataVersion, as_of: info.asOf },
    resources: files.map((f) => resource(f)),
  };
}

function resource(f: WrittenFile): Record<string, unknown> {
  return {
    profile: 'tabular-data-resource',
    name: `${f.table.name}-${f.format}`,
    path: f.path,
    title: `${f.table.title} (${f.format === 'parquet' ? 'Parquet' : 'gzip CSV'})`,
    description: f.table.description,
    format: f.format,
    mediatype: MEDIA_TYPES[f.format],
    ...(f.format === 'csv' ? { encoding: 'utf-8', compression: 'gz', dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', header: true } } : {}),
    bytes: f.bytes,
    hash: `sha256:${f.sha256}`,
    rows: f.rows,
    licenses: f.licenses.length ? f.licenses : undefined,
    schema: {
      fields: f.table.fields.map((field) => tableField(field, f.format)),
      primaryKey: [...f.table.primaryKey],
      missingValues: [''],
    },
  };
}

const TYPES: Record<FieldType, string> = { string: 'string', date: 'date', number: 'number', integer: 'integer', bigint: 'integer', boolean: 'boolean', list: 'array', json: 'object' };

function tableField(field: BulkField, format: BulkFormat): Record<string, unknown> {
  // In CSV a list is one cell of values joined with ';' (as the API writes it): a string there.
  const type = field.type === 'list' && format === 'csv' ? 'string' : TYPES[field.type];
  return { name: field.name, type, description: field.description, ...(field.required ? { constraints: { required: true } } : {}) };
}

function uniqueLicenses(all: readonly DataLicense[]): DataLicense[] {
  const seen = new Map<string, DataLicense>();
  for (const l of all) seen.set(`${l.name ?? ''}|${l.path ?? ''}|${l.title}`, l);
  return [...seen.values()];
}

/** A licence as the Frictionless profile wants it: `name` only when it is an id (an SPDX id), else path and title. */
export function dataLicense(l: { spdx?: string; name: string; url?: string }): DataLicense {
  const name = l.spdx && /^[-a-zA-Z0-9._]+$/.test(l.spdx) ? l.spdx : undefined;
  return { ...(name ? { name } : {}), ...(l.url ? { path: l.url } : {}), title: l.name };
}
