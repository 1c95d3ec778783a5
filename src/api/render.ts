import { Readable } from 'node:stream';
import { CONTENT_TYPES, csvLine } from '../lib/csv-write.js';
import type { Body } from './response-cache.js';

export type Format = keyof typeof CONTENT_TYPES;

/** A JSON body for sendCached. */
export const jsonBody = (body: unknown): Body => ({ contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });

/** A body from text chunks: collected (and cacheable) or, when `stream` is set, streamed. */
export async function renderText(format: Format, chunks: AsyncIterable<string>, stream: boolean): Promise<Body> {
  const contentType = CONTENT_TYPES[format];
  if (stream) return { contentType, stream: () => Readable.from(chunks) };
  let body = '';
  for await (const part of chunks) body += part;
  return { contentType, body };
}

/**
 * Rows as CSV (header first), JSON Lines, or JSON `{"meta": ..., "data": [rows]}`. Rows
 * arrive in chunks (arrays), so large results can be streamed.
 */
export async function* rowsText<T extends object>(format: Format, columns: readonly (keyof T & string)[], meta: object, chunks: AsyncIterable<T[]>): AsyncGenerator<string> {
  if (format === 'csv') yield csvLine(columns);
  if (format === 'json') yield `{"meta":${JSON.stringify(meta)},"data":[`;
  let first = true;
  for await (const rows of chunks) {
    let out = '';
    for (const r of rows) {
      if (format === 'csv') out += csvLine(columns.map((c) => r[c]));
      else if (format === 'jsonl') out += JSON.stringify(r) + '\n';
      else {
        out += (first ? '' : ',') + JSON.stringify(r);
        first = false;
      }
    }
    if (out) yield out;
  }
  if (format === 'json') yield ']}';
}

export async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

/** OpenAPI `content` for an endpoint that answers JSON, CSV or JSON Lines. */
export function tabularContent(jsonSchema: object, rowSchema: object) {
  return {
    content: {
      'application/json': { schema: jsonSchema },
      'text/csv': { schema: { type: 'string', description: 'RFC 4180 CSV with a header row, one row per object below; empty cell = null' } },
      'application/x-ndjson': { schema: { ...rowSchema, description: 'One JSON object per line (JSON Lines), each of this shape' } },
    },
  };
}
