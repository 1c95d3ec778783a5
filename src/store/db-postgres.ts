import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from './copy-binary.js';
import type { Db } from './db.js';

type Sql = postgres.Sql | postgres.TransactionSql | postgres.ReservedSql;

export function openPostgres(url: string, schema?: string): Db {
  const sql = postgres(url, {
    max: 10,
    onnotice: () => {},
    types: {
      // ISO strings for dates, numbers for int8/numeric: same shapes as the PGlite adapter.
      date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x },
      int8: { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) },
      numeric: { to: 1700, from: [1700], serialize: (x: number) => String(x), parse: (x: string) => Number(x) },
    },
    connection: { application_name: 'glacier', ...(schema ? { search_path: schema } : {}) },
  });
  return wrap(sql, sql);
}

/**
 * postgres.js sends a JS array of booleans with the element type instead of boolean[], which
 * the server refuses; such arrays go as array literals and the query's cast does the rest.
 */
function pgParam(p: unknown): unknown {
  if (Array.isArray(p) && p.some((x) => typeof x === 'boolean')) return `{${p.map((x) => (x === null ? 'NULL' : x ? 't' : 'f')).join(',')}}`;
  return p;
}

/**
 * A query with parameters runs as a named prepared statement, kept per connection: PostgreSQL
 * parses it once and, after a few runs, reuses a generic plan. On the uncached /v1/series load
 * this took PostgreSQL's CPU per request from 0.89 to 0.67 ms and the rate from 873 to 1,012–1,124
 * requests/s (BENCH_ONLY=serving npm run bench). Query texts come from a fixed set (values go in
 * parameters); past PREPARED_TEXTS distinct texts, new ones run unprepared so a text built from
 * data could not grow every connection's statement cache without end.
 */
const PREPARED_TEXTS = 1_000;

function wrap(sql: Sql, root: postgres.Sql | null, prepared = new Set<string>()): Db {
  const shouldPrepare = (text: string, params: unknown[]) => {
    if (!params.length) return false;
    if (prepared.size < PREPARED_TEXTS) prepared.add(text);
    return prepared.has(text);
  };
  return {
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = []) {
      const rows = await sql.unsafe(text, params.map(pgParam) as postgres.ParameterOrJSON<never>[], { prepare: shouldPrepare(text, params) });
      return rows as unknown as T[];
    },
    async exec(text: string) {
      await sql.unsafe(text).simple();
    },
    async copyIn(table, columns, chunks) {
      const writable = await sql.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN`).writable();
      await pipeline(Readable.from(chunks), writable);
    },
    async copyBinaryIn(table, columns, chunks) {
      const writable = await sql.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT binary)`).writable();
      await pipeline(Readable.from(withHeaderAndTrailer(chunks)), writable);
    },
    async transaction(fn, options) {
      if (!root) throw new Error('nested transactions are not supported');
      // One statement: BEGIN with its isolation, not BEGIN then SET TRANSACTION.
      const mode = options?.readOnlySnapshot ? 'isolation level repeatable read read only' : '';
      return (await root.begin(mode, (tx) => fn(wrap(tx, null, prepared)))) as Awaited<ReturnType<typeof fn>>;
    },
    async session(fn) {
      if (!root) throw new Error('a session inside a transaction is not supported');
      const reserved = await root.reserve();
      try {
        return await fn(wrap(reserved, null, prepared));
      } finally {
        reserved.release();
      }
    },
    async close() {
      if (root) await root.end({ timeout: 5 });
    },
  };
}

/** The whole binary COPY stream, as Buffers (what the client's CopyData messages take). */
function* withHeaderAndTrailer(chunks: Iterable<Uint8Array>): Iterable<Buffer> {
  yield Buffer.from(COPY_BINARY_HEADER);
  for (const c of chunks) yield Buffer.from(c.buffer, c.byteOffset, c.byteLength);
  yield Buffer.from(COPY_BINARY_TRAILER);
}
