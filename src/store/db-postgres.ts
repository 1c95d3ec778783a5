import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
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

function wrap(sql: Sql, root: postgres.Sql | null): Db {
  return {
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = []) {
      const rows = await sql.unsafe(text, params.map(pgParam) as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as T[];
    },
    async exec(text: string) {
      await sql.unsafe(text).simple();
    },
    async copyIn(table, columns, chunks) {
      const writable = await sql.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN`).writable();
      await pipeline(Readable.from(chunks), writable);
    },
    async transaction(fn) {
      if (!root) throw new Error('nested transactions are not supported');
      return (await root.begin((tx) => fn(wrap(tx, null)))) as Awaited<ReturnType<typeof fn>>;
    },
    async session(fn) {
      if (!root) throw new Error('a session inside a transaction is not supported');
      const reserved = await root.reserve();
      try {
        return await fn(wrap(reserved, null));
      } finally {
        reserved.release();
      }
    },
    async close() {
      if (root) await root.end({ timeout: 5 });
    },
  };
}
