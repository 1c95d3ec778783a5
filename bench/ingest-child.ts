/**
 * Child process: one ingest (gazetteer + the connectors of `--scope jhu|all`, see scope.ts)
 * from the mirror into the database given as JSON in argv[2]; `--force` re-reads files that
 * did not change.
 * Migrations run first and are not timed. Prints one JSON line (IngestChildResult).
 * The benchmarks create the database in a child of its own first (`--create-only`), so that the
 * ingest's child opens an existing one, as a later `glacier ingest` does (openPglite makes a new
 * folder's database in a child process of its own anyway: src/store/pglite-create.ts).
 */
import { ingestAll } from '../src/ingest/ingest-all.js';
import { silentLogger } from '../src/ingest/context.js';
import { openDb, type DatabaseTarget } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { scopeOf, type BenchScope } from './scope.js';
import { SHARED_DATA } from './config.js';

export interface IngestChildResult {
  /** Wall time of ingestAll alone (not the database opening or the migrations). */
  wallMs: number;
  /** Cell values the source runs read and processed (gazetteer excluded). */
  values: number;
  /** Values written as new or changed (sum of valuesNew + valuesChanged of the source runs). */
  valuesStored: number;
  /** Rows in observations after the run. */
  observations: number;
  maxRssMB: number;
  setupMs: number;
  runs: { sourceId: string; status: string; ms: number; error: string | null }[];
}

/** `--create-only`: what it costs to create the database (PGlite: initdb of a new directory) and migrate it, nothing ingested. */
export interface CreateChildResult {
  setupMs: number;
  maxRssMB: number;
}

const target = JSON.parse(process.argv[2] ?? 'null') as DatabaseTarget | null;
if (!target) throw new Error('usage: ingest-child.ts <target-json> [--force] [--scope jhu|all] [--sources a,b] [--create-only]');
if (process.argv.includes('--create-only')) {
  const t0 = performance.now();
  const db = await openDb(target);
  await migrate(db);
  await db.close();
  const result: CreateChildResult = { setupMs: performance.now() - t0, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  console.log(JSON.stringify(result));
  process.exit(0);
}
const force = process.argv.includes('--force');
const scopeAt = process.argv.indexOf('--scope');
const scoped = scopeOf((scopeAt < 0 ? 'jhu' : process.argv[scopeAt + 1]) as BenchScope);
// `--sources a,b`: only these connectors of the scope (to time one source alone).
const sourcesAt = process.argv.indexOf('--sources');
const only = sourcesAt < 0 ? null : process.argv[sourcesAt + 1].split(',');
const scope = only ? { ...scoped, connectors: scoped.connectors.filter((c) => only.includes(c.manifest.id)) } : scoped;

const t0 = performance.now();
const db = await openDb(target);
try {
  await migrate(db);
  const t1 = performance.now();
  const summaries = await ingestAll({ db, origin: { kind: 'mirror', root: SHARED_DATA }, clock: () => new Date(), log: silentLogger }, scope.connectors, { force, vintages: scope.vintages });
  const wallMs = performance.now() - t1;
  const failed = summaries.filter((s) => s.status === 'failed');
  if (failed.length) throw new Error(`ingest failed: ${failed.map((s) => `${s.sourceId}: ${s.error}`).join('; ')}`);
  const sources = summaries.filter((s) => s.sourceId !== summaries[0].sourceId);
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM observations');
  const result: IngestChildResult = {
    wallMs,
    values: sources.reduce((a, s) => a + s.valuesRead, 0),
    valuesStored: sources.reduce((a, s) => a + s.valuesNew + s.valuesChanged, 0),
    observations: Number(n),
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    setupMs: t1 - t0,
    runs: summaries.map((s) => ({ sourceId: s.sourceId, status: s.status, ms: s.durationMs, error: s.error })),
  };
  console.log(JSON.stringify(result));
} finally {
  await db.close();
}
