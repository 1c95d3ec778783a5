import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import { csvLine } from '../../lib/csv-write.js';
import { csvFromColumns } from './csv-columns.js';
import type { CsvOpen, CsvPage } from './csv-gz-file.js';
import type { BulkField } from './fields.js';
import { serveWorkerFile } from './worker-file.js';

/**
 * Worker thread of csv-gz-file.ts: writes one gzip CSV file. A page comes as CSV text (the small
 * tables' rows, written on the build's thread) or as the wire columns the Parquet file gets too
 * (the long tables), turned into lines here (csv-columns.ts). zlib level 1 (see csv-gz-file.ts);
 * the deflate itself runs on libuv's threads.
 */
let fields: readonly BulkField[] = [];
let gzip: Gzip | null = null;
let written: Promise<void> = Promise.resolve();

const write = async (bytes: string | Uint8Array) => {
  if (bytes.length && !gzip!.write(bytes)) await Promise.race([once(gzip!, 'drain'), written]);
};

serveWorkerFile<CsvOpen, CsvPage>({
  async open(o) {
    fields = o.fields;
    gzip = createGzip({ level: o.level, chunkSize: 256 * 1024 });
    // Rejects on the first error of either stream (a full disk, a folder gone).
    written = pipeline(gzip, createWriteStream(o.path));
    written.catch(() => {});
    await write(csvLine(fields.map((f) => f.name)));
  },
  async page(p) {
    await write('text' in p ? p.text : csvFromColumns(fields, p.columns));
  },
  async close() {
    gzip!.end();
    await written;
  },
});
