import type { WireColumn } from './wire-columns.js';

/**
 * The column types of the bulk tables, once, for the three places that need them: the Parquet
 * schema (parquet-file.ts), the CSV cells (csv-gz-file.ts, csv-columns.ts) and the Frictionless Table Schema
 * (datapackage.ts).
 */
export type FieldType = 'string' | 'date' | 'number' | 'integer' | 'bigint' | 'boolean' | 'list' | 'json';

export interface BulkField {
  name: string;
  type: FieldType;
  description: string;
  /** Never null (Frictionless `constraints.required`, Parquet REQUIRED). */
  required?: boolean;
}

export interface BulkTableShape {
  /** File stem and Frictionless resource name: lower case, digits and dashes. */
  name: string;
  title: string;
  description: string;
  fields: readonly BulkField[];
  primaryKey: readonly string[];
}

/** A page of rows: plain objects keyed by field name (dates as YYYY-MM-DD, lists as arrays). */
export type BulkRow = Record<string, unknown>;

/**
 * A page of the long series tables, built column-wise without row objects: the Parquet file's
 * wire columns in field order. The same columns feed both formats: the Parquet worker encodes
 * them, the CSV worker writes their lines (csv-columns.ts).
 */
export interface EncodedPage {
  rows: number;
  columns: WireColumn[];
}

/** What a table yields: plain rows, or a page encoded already. */
export type BulkPage = readonly BulkRow[] | EncodedPage;

export function isEncoded(page: BulkPage): page is EncodedPage {
  return !Array.isArray(page);
}

export function pageRows(page: BulkPage): number {
  return isEncoded(page) ? page.rows : page.length;
}
