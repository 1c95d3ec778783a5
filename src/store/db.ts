/**
 * One small database interface over two drivers: embedded PGlite (default, tests) and
 * PostgreSQL through the `postgres` client. Every query the project runs goes through it,
 * so every query must run on both (one SQL dialect). Dates come back as ISO strings and
 * int8 counts as numbers on both drivers.
 */
export type Row = Record<string, unknown>;

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /** COPY ... FROM in PostgreSQL text format; each chunk holds whole lines. */
  copyIn(table: string, columns: readonly string[], chunks: Iterable<string> | AsyncIterable<string>): Promise<void>;
  /** Runs `fn` in one transaction; any throw rolls everything back. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` on one connection held for the whole call (session state such as advisory locks
   * stays on it). PGlite has only one connection: `fn` gets the database itself.
   */
  session<T>(fn: (session: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'pglite'; dir: string }
  | { kind: 'pglite-memory' }
  | { kind: 'postgres'; url: string; schema?: string };

export async function openDb(target: DatabaseTarget): Promise<Db> {
  if (target.kind === 'postgres') {
    const { openPostgres } = await import('./db-postgres.js');
    return openPostgres(target.url, target.schema);
  }
  const { openPglite } = await import('./db-pglite.js');
  return openPglite(target.kind === 'pglite' ? target.dir : null);
}

/** Escapes one value for COPY text format. */
export function copyText(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  if (typeof v !== 'string') return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
