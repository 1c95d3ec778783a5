/**
 * Rt for every location in a store, read the way the API reads it: the JHU time series (newest
 * copies, as part 1) ingested into a fresh PostgreSQL schema (PGlite if PostgreSQL is not
 * reachable), then readObserved() + rtReport() per location with the default settings. The
 * estimation alone is in rt-bench.ts; this adds what serving it from the database costs.
 */
import { readObserved } from '../src/query/model-input.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { RtInputError } from '../src/models/rt/errors.js';
import { rtReport } from '../src/models/rt/rt-report.js';
import { COVID_SERIAL_INTERVAL } from '../src/query/rt.js';
import { openDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { BENCH_PG_URL, SHARED_DATA } from './config.js';
import { int, seconds } from './format.js';
import { scopeOf } from './scope.js';
import { freshPglite, freshPostgresSchema, probePostgres, type BenchTarget } from './targets.js';

export interface RtStoreBenchResult {
  target: BenchTarget['name'];
  locations: number;
  /** Locations with no stretch long enough for one window. */
  tooShort: number;
  windows: number;
  readMs: number;
  estimateMs: number;
  wallMs: number;
  locationsPerSecond: number;
}

export async function runRtStoreBench(log: (s?: string) => void): Promise<RtStoreBenchResult> {
  const t = (await probePostgres(BENCH_PG_URL)).ok ? await freshPostgresSchema(BENCH_PG_URL) : await freshPglite();
  try {
    const db = await openDb(t.target);
    try {
      await migrate(db);
      const i0 = performance.now();
      const scope = scopeOf('jhu');
      await ingestAll({ db, origin: { kind: 'mirror', root: SHARED_DATA }, clock: () => new Date(), log: silentLogger }, scope.connectors, { vintages: scope.vintages });
      log(`Rt from the store: JHU time series ingested into ${t.name} (${t.where}) in ${seconds(performance.now() - i0)} s (not counted)`);
      const keys = (await db.query<{ k: string }>(`SELECT DISTINCT location_key AS k FROM series WHERE metric = 'confirmed' ORDER BY 1`)).map((r) => r.k);
      const serialInterval = { kind: 'parametric' as const, ...COVID_SERIAL_INTERVAL };
      let readMs = 0;
      let estimateMs = 0;
      let windows = 0;
      let tooShort = 0;
      for (const location of keys) {
        const r0 = performance.now();
        const observed = await readObserved(db, { location, metric: 'confirmed' });
        const r1 = performance.now();
        try {
          windows += rtReport(observed, { serialInterval }).rows.length;
        } catch (err) {
          if (!(err instanceof RtInputError)) throw err;
          tooShort++;
        }
        readMs += r1 - r0;
        estimateMs += performance.now() - r1;
      }
      const wallMs = readMs + estimateMs;
      const result = { target: t.name, locations: keys.length, tooShort, windows, readMs, estimateMs, wallMs, locationsPerSecond: keys.length / (wallMs / 1000) };
      log(`Rt from the store (${t.name}): ${int(keys.length)} locations (${int(tooShort)} too short), ${int(windows)} windows in ${seconds(wallMs)} s — reading ${seconds(readMs)} s, estimating ${seconds(estimateMs)} s — ${int(result.locationsPerSecond)} locations/s`);
      return result;
    } finally {
      await db.close();
    }
  } finally {
    await t.drop();
  }
}
