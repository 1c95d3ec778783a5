import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { DatabaseTarget } from '../src/store/db.js';

/** A fresh database for the benchmark, removed by drop() (idempotent). */
export interface BenchTarget {
  name: 'PGlite' | 'PostgreSQL';
  target: DatabaseTarget;
  /** Where it lives, for the printout. */
  where: string;
  drop(): Promise<void>;
}

/** The server's version when it answers, else why it does not. */
export async function probePostgres(url: string): Promise<{ ok: true; version: string } | { ok: false; error: string }> {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string }[]>`SHOW server_version`;
    return { ok: true, version: row.server_version };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

export async function freshPglite(): Promise<BenchTarget> {
  const base = await mkdtemp(path.join(tmpdir(), 'glacier-bench-'));
  const dir = path.join(base, 'pgdata');
  let dropped = false;
  return {
    name: 'PGlite',
    target: { kind: 'pglite', dir },
    where: dir,
    async drop() {
      if (dropped) return;
      dropped = true;
      await rm(base, { recursive: true, force: true });
    },
  };
}

export async function freshPostgresSchema(url: string): Promise<BenchTarget> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  let dropped = false;
  return {
    name: 'PostgreSQL',
    target: { kind: 'postgres', url, schema },
    where: `schema ${schema} at ${redact(url)}`,
    async drop() {
      if (dropped) return;
      dropped = true;
      const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
      try {
        await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}

/** The URL without its password, for printing. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
