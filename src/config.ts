import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { DatabaseTarget } from './store/db.js';

/** Everything Glacier reads from its environment, parsed once (CLI flags override). */
export interface Config {
  database: DatabaseTarget;
  /**
   * A PostgreSQL streaming replica the server reads from (DATABASE_READ_URL), or null: ingest,
   * migrations and the data version's bookkeeping stay on `database` (docs/deploy.md).
   */
  readDatabase: (DatabaseTarget & { kind: 'postgres' }) | null;
  /**
   * Server processes of `serve`/`start` behind one port (--workers / GLACIER_WORKERS). Default:
   * the number of cores on PostgreSQL, 1 on PGlite (one process's embedded database: more is refused).
   */
  workers: number;
  /** Where the embedded database and downloaded raw files live. */
  dataDir: string;
  /** A folder laid out like ../shared/data to read instead of upstream URLs, or null. */
  mirror: string | null;
  host: string;
  port: number;
  /**
   * How often `serve`/`start` re-ingest in the background (ms), or null (off). Default: every
   * 6 h when reading upstream; off with a mirror (a mirror does not change by itself).
   */
  refreshMs: number | null;
  /** Bearer token of POST /v1/admin/ingest; null: the route does not exist. */
  adminToken: string | null;
  /** Requests each client (IP) may send per window (GLACIER_RATE_LIMIT), or null (off, the default). */
  rateLimit: RateLimit | null;
  /**
   * Expensive answers computed at once (GLACIER_EXPENSIVE_CONCURRENCY), or null: by database, 1 on
   * PGlite (one thread: more would only interleave), 2 on PostgreSQL (docs/api.md "Cost bounds").
   */
  expensiveConcurrency: number | null;
}

export interface RateLimit {
  max: number;
  windowMs: number;
}

export interface ConfigOverrides {
  databaseUrl?: string;
  dataDir?: string;
  mirror?: string;
  host?: string;
  port?: string | number;
  refresh?: string;
  workers?: string | number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_PORT = 8080;

export function loadConfig(env: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}, cwd = process.cwd(), cores = availableParallelism()): Config {
  const dataDir = path.resolve(cwd, overrides.dataDir ?? nonEmpty(env.GLACIER_DATA_DIR) ?? '.glacier');
  const mirrorRaw = overrides.mirror ?? nonEmpty(env.GLACIER_MIRROR);
  const database = parseDatabaseUrl(overrides.databaseUrl ?? nonEmpty(env.DATABASE_URL), dataDir);
  return {
    database,
    readDatabase: parseReadDatabaseUrl(nonEmpty(env.DATABASE_READ_URL), database),
    workers: parseWorkers(overrides.workers ?? nonEmpty(env.GLACIER_WORKERS), database, cores),
    dataDir,
    mirror: mirrorRaw ? path.resolve(cwd, mirrorRaw) : null,
    host: overrides.host ?? nonEmpty(env.HOST) ?? '127.0.0.1',
    port: parsePort(overrides.port ?? nonEmpty(env.PORT)),
    refreshMs: parseRefresh(overrides.refresh ?? nonEmpty(env.GLACIER_REFRESH), mirrorRaw ? null : DEFAULT_REFRESH_MS),
    adminToken: parseAdminToken(env.GLACIER_ADMIN_TOKEN),
    rateLimit: parseRateLimit(nonEmpty(env.GLACIER_RATE_LIMIT)),
    expensiveConcurrency: parseConcurrency(nonEmpty(env.GLACIER_EXPENSIVE_CONCURRENCY)),
  };
}

export const DEFAULT_REFRESH_MS = 6 * 3_600_000;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * "30m", "6h", "1d" or "off". Deliberately strict (no bare numbers, no seconds): a refresh every
 * few milliseconds or seconds would only be a typo, and would re-read every upstream non-stop.
 */
export function parseRefresh(raw: string | undefined, fallback: number | null): number | null {
  if (raw === undefined) return fallback;
  const s = raw.trim().toLowerCase();
  if (s === 'off') return null;
  const m = /^([1-9]\d{0,5})(m|h|d)$/.exec(s);
  if (!m) throw new ConfigError(`GLACIER_REFRESH / --refresh must be a whole number of minutes, hours or days like 30m, 6h, 1d, or off (got ${JSON.stringify(raw)})`);
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

const RATE_WINDOW_MS = { s: 1000, min: 60_000, h: 3_600_000 } as const;

/** "120/min", "10/s", "5000/h" or "off" (absent: off). */
export function parseRateLimit(raw: string | undefined): RateLimit | null {
  if (raw === undefined || raw.trim().toLowerCase() === 'off') return null;
  const m = /^\s*([1-9]\d{0,6})\s*\/\s*(s|min|h)\s*$/.exec(raw.toLowerCase());
  if (!m) throw new ConfigError(`GLACIER_RATE_LIMIT must be requests per second, minute or hour like 120/min, 10/s, 5000/h, or off (got ${JSON.stringify(raw)})`);
  return { max: Number(m[1]), windowMs: RATE_WINDOW_MS[m[2] as keyof typeof RATE_WINDOW_MS] };
}

function parseConcurrency(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || n < 1 || n > 64) throw new ConfigError(`GLACIER_EXPENSIVE_CONCURRENCY must be a whole number from 1 to 64 (got ${JSON.stringify(raw)})`);
  return n;
}

/** A short token is guessable; refuse it rather than guard the admin route with it. */
function parseAdminToken(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (raw.length < 16) throw new ConfigError(`GLACIER_ADMIN_TOKEN must be at least 16 characters long (got ${raw.length})`);
  return raw;
}

/**
 * absent        → embedded PGlite in <dataDir>/db
 * memory://     → in-memory PGlite (tests; gone when the process ends)
 * pglite://DIR  → embedded PGlite in DIR
 * postgres://…  → PostgreSQL (postgresql:// too)
 */
export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseTarget {
  if (!url) return { kind: 'pglite', dir: path.join(dataDir, 'db') };
  if (url === 'memory://') return { kind: 'pglite-memory' };
  if (url.startsWith('pglite://')) return { kind: 'pglite', dir: path.resolve(url.slice('pglite://'.length)) };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  throw new ConfigError(`DATABASE_URL must be postgres://…, memory:// or pglite://DIR (got ${JSON.stringify(redact(url))})`);
}

/** A replica only makes sense beside a PostgreSQL primary, and must itself be PostgreSQL. */
export function parseReadDatabaseUrl(url: string | undefined, primary: DatabaseTarget): (DatabaseTarget & { kind: 'postgres' }) | null {
  if (url === undefined) return null;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError(`DATABASE_READ_URL must be postgres://… (a streaming replica of DATABASE_URL) (got ${JSON.stringify(redact(url))})`);
  if (primary.kind !== 'postgres') throw new ConfigError('DATABASE_READ_URL needs DATABASE_URL to be the PostgreSQL primary it replicates (the embedded database has no replicas)');
  return { kind: 'postgres', url };
}

/**
 * A whole number from 1 to 64. PGlite is one process's embedded database (its files cannot be
 * opened twice): there the default is 1 and more is refused rather than silently ignored.
 */
export function parseWorkers(raw: string | number | undefined, database: DatabaseTarget, cores: number): number {
  const embedded = database.kind !== 'postgres';
  if (raw === undefined) return embedded ? 1 : Math.max(1, Math.min(64, cores));
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(String(raw)) || n < 1 || n > 64) throw new ConfigError(`--workers / GLACIER_WORKERS must be a whole number from 1 to 64 (got ${JSON.stringify(String(raw))})`);
  if (embedded && n > 1) throw new ConfigError(`--workers / GLACIER_WORKERS ${n} needs PostgreSQL (DATABASE_URL=postgres://…): the embedded database belongs to one process`);
  return n;
}

function parsePort(raw: string | number | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`PORT must be an integer from 0 to 65535 (got ${JSON.stringify(raw)})`);
  return n;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s;
}

/** Never echo a password back. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
