import { parentPort } from 'node:worker_threads';
import type { BulkField } from './fields.js';
import { openParquetEncoder, type ParquetEncoder } from './parquet-encode.js';
import { wireLength, type WireColumn } from './wire-columns.js';

/**
 * Worker thread of parquet-file.ts: holds one file's encoder. Messages in: open, columns, close;
 * out: `{ acked: n }` after each page (flow control), `{ closed: true }`, `{ error }`.
 */
export type ToWorker = { open: { path: string; fields: BulkField[]; keys: string[]; metadata: Record<string, string> } } | { columns: WireColumn[] } | { close: true };
export type FromWorker = { acked: number } | { closed: true } | { error: string };

let encoder: ParquetEncoder | null = null;
const port = parentPort!;
port.on('message', (m: ToWorker) => {
  try {
    if ('open' in m) encoder = openParquetEncoder(m.open.path, m.open.fields, m.open.keys, m.open.metadata);
    else if ('columns' in m) {
      encoder!.append(m.columns);
      port.postMessage({ acked: m.columns.length ? wireLength(m.columns[0]) : 0 } satisfies FromWorker);
    } else {
      encoder!.close();
      port.postMessage({ closed: true } satisfies FromWorker);
    }
  } catch (err) {
    port.postMessage({ error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies FromWorker);
  }
});
