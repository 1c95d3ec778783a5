import { Worker } from 'node:worker_threads';
import { isEncoded, pageRows, type BulkField, type BulkPage } from './fields.js';
import { columnValues, ROW_GROUP_ROWS } from './parquet-encode.js';
import type { FromWorker, ToWorker } from './parquet-worker.js';
import { transferables } from './wire-columns.js';

/**
 * A Parquet file encoded in a worker thread: the encoding (a few µs a row, a row group in one
 * synchronous stretch) never holds the server's event loop; this thread only posts pages of rows
 * as columns.
 * At most two row groups of rows are in flight: the reader waits for the encoder (bounded memory).
 * Under tsx or vitest the worker is the .ts source and registers tsx's loader first.
 */
export interface ParquetFile {
  append(page: BulkPage): Promise<void>;
  close(): Promise<void>;
}

const MAX_IN_FLIGHT_ROWS = 2 * ROW_GROUP_ROWS;

export function openParquetFile(path: string, fields: readonly BulkField[], keys: readonly string[], metadata: Record<string, string>): ParquetFile {
  const source = import.meta.url.endsWith('.ts');
  const entry = new URL(`./parquet-worker.${source ? 'ts' : 'js'}`, import.meta.url);
  // From source (tsx, vitest) the worker registers tsx's loader itself, then imports the .ts entry:
  // `--import tsx` in a worker's execArgv does not reach a worker's module loading on Node 20.
  const tsxApi = source ? tsxApiUrl() : '';
  const worker = source
    ? new Worker(`import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true })
    : new Worker(entry);
  let inFlight = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let closed: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on('message', (m: FromWorker) => {
    if ('acked' in m) inFlight -= m.acked;
    else if ('closed' in m) closed?.();
    else failure = new Error(`parquet worker: ${m.error}`);
    notify();
    if (failure) closed?.();
  });
  worker.on('error', (err) => {
    failure = err;
    notify();
    closed?.();
  });
  const post = (m: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
  post({ open: { path, fields: [...fields], keys: [...keys], metadata } });
  return {
    async append(page) {
      if (failure) throw failure;
      while (inFlight > MAX_IN_FLIGHT_ROWS && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const columns = isEncoded(page) ? page.parquet : fields.map((f) => columnValues(f, page));
      if (!columns) throw new Error('parquet: the page was encoded without its Parquet columns');
      inFlight += pageRows(page);
      // Columns, not row objects; typed arrays move to the worker without a copy (wire-columns.ts).
      post({ columns }, transferables(columns));
    },
    async close() {
      try {
        if (!failure) {
          await new Promise<void>((resolve) => {
            closed = resolve;
            post({ close: true });
          });
        }
        if (failure) throw failure;
      } finally {
        await worker.terminate();
      }
    },
  };
}

/** tsx's ESM register API, as this module resolves it (a bare specifier from an eval worker would resolve from the cwd). */
function tsxApiUrl(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return 'tsx/esm/api';
  }
}
