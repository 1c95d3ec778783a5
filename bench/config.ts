import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Settings shared by the benchmark scripts (parent and children). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The team's read-only data mirror (../shared/data beside the repository, or GLACIER_SHARED_DATA). */
export const SHARED_DATA = process.env.GLACIER_SHARED_DATA ?? path.resolve(REPO_ROOT, '../shared/data');

/** PostgreSQL server the benchmark creates (and drops) a schema in. */
export const BENCH_PG_URL = process.env.GLACIER_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Seconds of load per API route (BENCH_SECONDS, default 10). */
export const BENCH_SECONDS = positiveNumber(process.env.BENCH_SECONDS, 10);

/** Connections the load generator keeps open per route. */
export const BENCH_CONNECTIONS = 10;

/**
 * Accept-Encoding the load generator sends (BENCH_ACCEPT_ENCODING, e.g. gzip); none by default,
 * so bodies go uncompressed. Browsers and most HTTP clients do ask for gzip.
 */
export const ACCEPT_ENCODING = process.env.BENCH_ACCEPT_ENCODING || null;

export const SKIP_PGLITE = process.env.BENCH_SKIP_PGLITE === '1';

/**
 * BENCH_ONLY: `ingest` = the JHU ingest against DuckDB, `sources` = every source, `api` = the API, `serving` = uncached
 * load and the storm, `models` = Rt and SEIR, `web` = the dashboard.
 */
export const BENCH_PARTS = ['ingest', 'sources', 'api', 'serving', 'models', 'web', 'bulk'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];
export const ONLY: BenchPart | null = parseOnly(process.env.BENCH_ONLY);

/** The goals from the issue. */
export const GOALS = {
  /** PostgreSQL ingest wall time, at most this many times DuckDB's (issue 13; was 3). */
  ingestMaxRatioToDuckdb: 1.5,
  /** Every source and vintage in the mirror ingested into PostgreSQL within this many seconds (issue 13; was 120). */
  allSourcesMaxSeconds: 30,
  /** The same into PGlite (issue 13). */
  allSourcesPgliteMaxSeconds: 45,
  /** Peak RSS of the ingest process, MiB, on both targets, default and all-sources ingest (issue 13; was 1536). */
  ingestMaxRssMB: 600,
  /** /v1/series requests/s, at least this share of the bare route's. */
  seriesMinShareOfBare: 0.5,
  /** /v1/latest requests/s, at least this share of the bare route's. */
  latestMinShareOfBare: 0.25,
  /** Distinct (uncached) /v1/series requests per second on PostgreSQL. */
  uncachedSeriesMinReqPerSec: 1000,
  /** p99 of a cached /v1/series polled during the storm, ms. */
  stormPollerMaxP99Ms: 100,
} as const;

/** The serving part's uncached load: distinct /v1/series URLs, each requested once, over this many connections. */
export const SERVING_SERIES_REQUESTS = 4000;
export const SERVING_CONNECTIONS = 16;
/** Seed of the URL generator: every run asks the same URLs. */
export const SERVING_SEED = 20_200_122;

function positiveNumber(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`BENCH_SECONDS must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
}

function parseOnly(raw: string | undefined): BenchPart | null {
  if (raw === undefined || raw === '') return null;
  if ((BENCH_PARTS as readonly string[]).includes(raw)) return raw as BenchPart;
  throw new Error(`BENCH_ONLY must be one of ${BENCH_PARTS.join(', ')}, got ${JSON.stringify(raw)}`);
}
