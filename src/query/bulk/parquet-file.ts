import { isEncoded, pageRows, type BulkField, type BulkPage } from './fields.js';
import { columnValues, ROW_GROUP_ROWS } from './parquet-encode.js';
import type { ParquetOpen } from './parquet-worker.js';
import { transferables, type WireColumn } from './wire-columns.js';
import { FileWorker } from './worker-file.js';

/**
 * A Parquet file encoded in a worker thread (parquet-worker.ts): the encoding (a few µs a row, a
 * row group in one synchronous stretch) never holds the server's event loop; this thread only
 * posts pages of rows as columns. At most two row groups of rows are in flight: the reader waits
 * for the encoder (bounded memory).
 */
export interface ParquetFile {
  /** Resolves when the worker can take another page. */
  room(): Promise<void>;
  /** Posts a page; an encoded page's typed arrays move to the worker (this thread must not use them again). */
  send(page: BulkPage): void;
  close(): Promise<void>;
  abort(): Promise<void>;
}

const MAX_IN_FLIGHT_ROWS = 2 * ROW_GROUP_ROWS;

/** The worker Parquet files are encoded in (one for a whole build: it writes the files in turn). */
export const parquetWorker = () => new FileWorker('parquet', 'parquet-worker');

export function openParquetFile(worker: FileWorker, path: string, fields: readonly BulkField[], keys: readonly string[], metadata: Record<string, string>): ParquetFile {
  const file = worker.open<ParquetOpen, WireColumn[]>({ path, fields: [...fields], keys: [...keys], metadata }, MAX_IN_FLIGHT_ROWS);
  return {
    room: () => file.room(),
    send(page) {
      const columns = isEncoded(page) ? page.columns : fields.map((f) => columnValues(f, page));
      // Columns, not row objects; typed arrays move to the worker without a copy (wire-columns.ts).
      file.send(columns, pageRows(page), transferables(columns));
    },
    close: () => file.close(),
    abort: () => file.abort(),
  };
}
