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
  /** COPY ... FROM in PostgreSQL text format; each chunk holds whole lines (as text or UTF-8 bytes). */
  copyIn(table: string, columns: readonly string[], chunks: Iterable<string | Uint8Array<ArrayBuffer>> | AsyncIterable<string | Uint8Array<ArrayBuffer>>): Promise<void>;
  /**
   * COPY ... FROM in PostgreSQL's binary format; each chunk holds whole rows, without the file
   * header and trailer (the adapter adds them: copy-binary.ts).
   */
  copyBinaryIn(table: string, columns: readonly string[], chunks: Iterable<Uint8Array<ArrayBuffer>>): Promise<void>;
  /** Runs `fn` in one transaction; any throw rolls everything back. */
  transaction<T>(fn: (tx: Db) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Runs `fn` on one connection held for the whole call (session state such as advisory locks
   * stays on it). PGlite has only one connection: `fn` gets the database itself.
   */
  session<T>(fn: (session: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface TransactionOptions {
  /**
   * READ ONLY, REPEATABLE READ: every query of `fn` sees the one snapshot taken by its first
   * (a request's reads from a replica, src/store/read-routing.ts). On PGlite's one connection any
   * transaction already does: nothing else runs until it ends.
   */
  readOnlySnapshot?: boolean;
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

export interface OpenTransaction {
  tx: Db;
  commit(): Promise<void>;
  rollback(reason?: unknown): Promise<void>;
}

/**
 * A transaction kept open across calls (Db.transaction scopes it to one callback): it commits
 * on commit(), rolls back on rollback(). On PGlite every other query waits until then.
 */
export function openTransaction(db: Db): Promise<OpenTransaction> {
  return new Promise((resolveOpen, rejectOpen) => {
    let decide!: (commit: boolean, reason?: unknown) => void;
    const decided = new Promise<void>((resolve, reject) => (decide = (commit, reason) => (commit ? resolve() : reject(reason ?? new Error('rolled back')))));
    let opened = false;
    const done: Promise<void> = db.transaction(async (tx) => {
      opened = true;
      resolveOpen({
        tx,
        commit: async () => {
          decide(true);
          await done;
        },
        rollback: async (reason) => {
          decide(false, reason);
          await done.catch(() => {});
        },
      });
      await decided;
    });
    done.catch((err) => {
      if (!opened) rejectOpen(err);
    });
  });
}

/** Escapes one value for COPY text format. */
export function copyText(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  if (typeof v !== 'string') return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
