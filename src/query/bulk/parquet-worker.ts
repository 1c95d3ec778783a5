import type { BulkField } from './fields.js';
import { openParquetEncoder, type ParquetEncoder } from './parquet-encode.js';
import type { WireColumn } from './wire-columns.js';
import { serveWorkerFile } from './worker-file.js';

/** Worker thread of parquet-file.ts: holds one file's encoder (protocol: worker-file.ts). */
export interface ParquetOpen {
  path: string;
  fields: BulkField[];
  keys: string[];
  metadata: Record<string, string>;
}

let encoder: ParquetEncoder | null = null;
serveWorkerFile<ParquetOpen, WireColumn[]>({
  open: (o) => void (encoder = openParquetEncoder(o.path, o.fields, o.keys, o.metadata)),
  page: (columns) => encoder!.append(columns),
  close: () => encoder!.close(),
});
