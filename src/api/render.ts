import { Readable } from 'node:stream';
import { CONTENT_TYPES, csvLine } from './formats.js';
import type { Body } from './response-cache.js';

export type Format = keyof typeof CONTENT_TYPES;

/**
 * A list of rows in the requested format. Rows arrive in chunks (an async iterable of
 * arrays); when `stream` is set the body is written as it is produced.
 */
export async function renderRows<T extends object>(
  format: Format,
  columns: readonly (keyof T & string)[],
  meta: object,
  chunks: AsyncIterable<T[]>,
  stream: boolean,
): Promise<Body> {
  const contentType = CONTENT_TYPES[format];
  async function* text(): AsyncGenerator<string> {
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
  if (stream) return { contentType, stream: () => Readable.from(text()) };
  let body = '';
  for await (const part of text()) body += part;
  return { contentType, body };
}

export async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

/** OpenAPI `content` for an endpoint that answers JSON, CSV or JSON Lines. */
export function tabularContent(jsonSchema: object) {
  return {
    content: {
      'application/json': { schema: jsonSchema },
      'text/csv': { schema: { type: 'string', description: 'RFC 4180 CSV with a header row; empty cell = null' } },
      'application/x-ndjson': { schema: { type: 'string', description: 'One JSON object per line, the same objects as `data` in JSON' } },
    },
  };
}
