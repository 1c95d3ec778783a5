import { gzipSync } from 'node:zlib';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import { dayNumber } from '../../domain/dates.js';
import type { BulkField, BulkRow } from './fields.js';
import { copyWireValues, newValueArray, wireLength, type WireColumn } from './wire-columns.js';

/**
 * A Parquet file encoded row group by row group.
 *
 * Writer: hyparquet-writer (pure JS, MIT, one dependency from the same maintainers, releases in
 * 2026). Of the three candidates it is the one that has all we need without a native build: the
 * DATE logical type (INT32 days), LIST columns (3-level lists, Dremel-encoded), compression
 * (any codec through a compressor function: we give it node:zlib's gzip) with dictionary/RLE
 * encodings chosen per column, and an incremental writer
 * (`ParquetWriter.write` per row group, a file writer flushing every MB) so memory stays at one
 * row group. parquet-wasm writes a whole Arrow table at once (the long table would sit in memory)
 * and @dsnp/parquetjs is row-at-a-time (about an order of magnitude slower in pure JS) with
 * compression codecs that need native modules. Figures: bench/bulk-bench.ts (docs/api.md "Bulk files").
 */
export interface ParquetEncoder {
  /** A page of rows as columns, in field order. */
  append(columns: readonly WireColumn[]): void;
  close(): void;
}

/** Rows per row group: large enough for good dictionaries, small enough to encode in ~0.1 s. */
export const ROW_GROUP_ROWS = 65_536;

/**
 * Pages are compressed with gzip level 1 by node:zlib (native) rather than hyparquet-writer's
 * snappy (JavaScript): on the default long table (7.3 M rows) the encoder's CPU went from 11.2 s
 * to 10.1 s and the file from 10.5 to 8.3 MB (/tmp scratch over the table's pages, bench part 6
 * data). Every Parquet reader (DuckDB, Arrow, Spark, pandas) reads GZIP.
 */
const COMPRESSORS = { GZIP: (bytes: Uint8Array) => gzipSync(bytes, { level: 1 }) };

/**
 * Synchronous: run it off the event loop (parquet-file.ts runs it in a worker thread).
 * Min/max statistics are written for the `keys` columns only (the primary key: what the files are
 * sorted by and what readers filter on, so DuckDB or Spark can skip row groups by them).
 * Statistics on every column took about as long as the rest of the encoding (hyparquet-writer
 * compares every value; bench part 6 profile).
 * One data page per column chunk (pageSize 0): hyparquet-writer otherwise estimates every value's
 * size to cut pages of 1 MB. Numbers (doubles) are written PLAIN: the dictionary hyparquet-writer
 * tries on them costs a Map over every value of the row group and, compressed, the file was no
 * smaller (8.0 MB with PLAIN against 8.3 MB).
 */
export function openParquetEncoder(path: string, fields: readonly BulkField[], keys: readonly string[], metadata: Record<string, string>): ParquetEncoder {
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema: parquetSchema(fields),
    codec: 'GZIP',
    compressors: COMPRESSORS,
    kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    createdBy: 'glacier (hyparquet-writer)',
  });
  // The row group being filled, one array per column, straight from the pages (copyWireValues):
  // groups of exactly ROW_GROUP_ROWS whatever the page sizes, a page's rest starts the next group.
  // The same arrays serve every group: writer.write encodes the group before it returns (it copies
  // what it keeps), and each group overwrites all of its rows. Fresh arrays per group cost the
  // worker ~1.4 s of its ~22 s on series-by-source, plus their garbage (bench part 6 profile).
  const group = fields.map(() => newValueArray(ROW_GROUP_ROWS));
  let rows = 0;
  const flush = () => {
    if (!rows) return;
    // Only the last group is short.
    if (rows < ROW_GROUP_ROWS) for (const c of group) c.length = rows;
    const columnData = fields.map((f, j) => ({ name: f.name, data: group[j], statistics: keys.includes(f.name), encoding: f.type === 'number' ? ('PLAIN' as const) : undefined }));
    writer.write({ columnData, rowGroupSize: ROW_GROUP_ROWS, pageSize: 0 });
    rows = 0;
  };
  return {
    append(columns) {
      const n = columns.length ? wireLength(columns[0]) : 0;
      for (let from = 0; from < n; ) {
        const to = Math.min(n, from + ROW_GROUP_ROWS - rows);
        columns.forEach((c, j) => copyWireValues(c, from, to, group[j], rows));
        rows += to - from;
        from = to;
        if (rows === ROW_GROUP_ROWS) flush();
      }
    },
    close() {
      flush();
      writer.finish();
    },
  };
}

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

export function parquetSchema(fields: readonly BulkField[]): SchemaElement[] {
  const out: SchemaElement[] = [{ name: 'root', num_children: fields.length }];
  for (const f of fields) {
    const repetition_type = f.required ? 'REQUIRED' : 'OPTIONAL';
    switch (f.type) {
      case 'string':
        out.push({ name: f.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type });
        break;
      case 'json':
        out.push({ name: f.name, type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type });
        break;
      case 'date':
        out.push({ name: f.name, type: 'INT32', converted_type: 'DATE', repetition_type });
        break;
      case 'number':
        out.push({ name: f.name, type: 'DOUBLE', repetition_type });
        break;
      case 'integer':
        out.push({ name: f.name, type: 'INT32', repetition_type });
        break;
      case 'bigint':
        out.push({ name: f.name, type: 'INT64', repetition_type });
        break;
      case 'boolean':
        out.push({ name: f.name, type: 'BOOLEAN', repetition_type });
        break;
      case 'list':
        // The standard 3-level LIST of UTF8 strings (read by DuckDB, Arrow, Spark as list<string>).
        out.push({ name: f.name, repetition_type, converted_type: 'LIST', num_children: 1 });
        out.push({ name: 'list', repetition_type: 'REPEATED', num_children: 1 });
        out.push({ name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' });
        break;
    }
  }
  return out;
}

/** One field of a page of rows as Parquet values (dates as day numbers, int64 as bigint, JSON as values). */
export function columnValues(f: BulkField, rows: readonly BulkRow[]): WireColumn {
  return { kind: 'values', values: plainValues(f, rows) };
}

function plainValues(f: BulkField, rows: readonly BulkRow[]): unknown[] {
  const out = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i][f.name];
    if (v === null || v === undefined) out[i] = null;
    else if (f.type === 'date') out[i] = dayOf(String(v));
    else if (f.type === 'bigint') out[i] = BigInt(v as number);
    // hyparquet-writer writes a JSON column's values as JSON.stringify(value): text from the store
    // is parsed first, or the file would hold a JSON string of the text ("\"{…}\"") instead of the object.
    else if (f.type === 'json') out[i] = typeof v === 'string' ? JSON.parse(v) : v;
    else if (f.type === 'number') out[i] = Number(v);
    else out[i] = v;
  }
  return out;
}

/** Day numbers of ISO dates, remembered: a long table repeats a few thousand dates millions of times. */
const days = new Map<string, number>();
function dayOf(iso: string): number {
  let d = days.get(iso);
  if (d === undefined) {
    d = dayNumber(iso.slice(0, 10));
    if (days.size < 100_000) days.set(iso, d);
  }
  return d;
}
