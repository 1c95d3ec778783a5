import { csvCell } from '../../lib/csv-write.js';
import { isEncoded, pageRows, type BulkField, type BulkPage, type BulkRow } from './fields.js';
import { ROW_GROUP_ROWS } from './parquet-encode.js';
import { transferables, type WireColumn } from './wire-columns.js';
import { FileWorker } from './worker-file.js';

/**
 * A gzip CSV file with the API's CSV conventions (src/lib/csv-write.ts, as /v1/series?format=csv):
 * RFC 4180, CRLF, header first, empty cell = null, lists joined with `;`, JSON cells as JSON text.
 * Written by a worker thread (csv-worker.ts): the long tables' pages go there as the Parquet
 * file's wire columns and become lines there (csv-columns.ts), with the gzip; the small tables'
 * rows are written as text here (a few thousand rows a page).
 */
export interface CsvGzFile {
  /** Resolves when the worker can take another page. */
  room(): Promise<void>;
  /**
   * Posts a page. An encoded page's columns are copied to the worker, or moved with `transfer`
   * (then this thread must not use them again: post the CSV copy before the Parquet file takes them).
   */
  send(page: BulkPage, transfer?: boolean): void;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export interface CsvOpen {
  path: string;
  fields: BulkField[];
  level: number;
}
export type CsvPage = { text: string } | { columns: WireColumn[] };

/**
 * zlib level 1, not the default 6: on the long tables' CSV (1.35 GB of text) level 6 cost about
 * 11 s of CPU against 3.2 s for level 1 (node:zlib, 200 MB of series.csv: 1.68 s against 0.48 s;
 * level 4: 1.04 s), for files 22 % larger (compressed to 8.0 % of the text against 6.55 %; level 4:
 * 6.9 %). The compression runs on libuv's threads, beside the workers and the reads: on two cores
 * its CPU is export time. Output chunks of 256 KB: one callback per page instead of ~5.
 */
const GZIP_LEVEL = 1;

/** Rows posted and not yet written: two row groups' worth, as for the Parquet file. */
const MAX_IN_FLIGHT_ROWS = 2 * ROW_GROUP_ROWS;

/** The worker gzip CSV files are written in (one for a whole build: it writes the files in turn). */
export const csvWorker = () => new FileWorker('csv', 'csv-worker');

export function openCsvGzFile(worker: FileWorker, path: string, fields: readonly BulkField[]): CsvGzFile {
  const file = worker.open<CsvOpen, CsvPage>({ path, fields: [...fields], level: GZIP_LEVEL }, MAX_IN_FLIGHT_ROWS);
  return {
    room: () => file.room(),
    send(page, transfer = false) {
      if (isEncoded(page)) file.send({ columns: page.columns }, page.rows, transfer ? transferables(page.columns) : []);
      else file.send({ text: csvLines(fields, page) }, pageRows(page));
    },
    close: () => file.close(),
    abort: () => file.abort(),
  };
}

function csvLines(fields: readonly BulkField[], rows: readonly BulkRow[]): string {
  let text = '';
  for (const r of rows) text += fields.map((f) => cell(f, r[f.name])).join(',') + '\r\n';
  return text;
}

function cell(f: BulkField, v: unknown): string {
  if (f.type === 'json' && v !== null && v !== undefined && typeof v !== 'string') return csvCell(JSON.stringify(v));
  return csvCell(v);
}
