/**
 * Child process for part 6 (bulk files). `fill`: ingests every source and vintage in the mirror
 * plus the research sources (unmeasured). `export`: builds every bulk file of the current data
 * version into a fresh folder, as the server does after an ingest (pages of rows with a yield to
 * the event loop between them), and prints one JSON line (BulkChildResult): wall time, CPU time,
 * the process's peak RSS, the event loop's longest stall during the build, and each file's rows and bytes.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { createGunzip } from 'node:zlib';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { silentLogger } from '../src/ingest/context.js';
import { buildBulk } from '../src/query/bulk/build.js';
import { CASE_CONNECTORS } from '../src/sources/case-registry.js';
import { IMAGING_CONNECTORS } from '../src/sources/imaging-registry.js';
import { LITERATURE_CONNECTORS, SEQUENCE_CONNECTORS } from '../src/sources/research-registry.js';
import { openDb, type DatabaseTarget } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { SHARED_DATA } from './config.js';
import { scopeOf } from './scope.js';

export interface BulkChildResult {
  wallMs: number;
  /**
   * CPU seconds the process used during the build, every thread (main, the Parquet and CSV
   * workers, zlib on libuv's pool, V8's GC helpers): on a shared machine the wall time follows the
   * load, this much less.
   */
  cpuSeconds: number;
  maxRssMB: number;
  /** The event loop's longest and 99th-percentile delay during the build (ms). */
  loopMaxMs: number;
  loopP99Ms: number;
  files: { name: string; rows: number; bytes: number }[];
  /** Bytes of series.csv.gz once decompressed: the plain CSV the Parquet goal is measured against. */
  seriesCsvBytes: number;
}

const target = JSON.parse(process.argv[2] ?? 'null') as DatabaseTarget | null;
const mode = process.argv[3];
if (!target || (mode !== 'fill' && mode !== 'export')) throw new Error('usage: bulk-child.ts <target-json> fill|export');

const db = await openDb(target);
try {
  await migrate(db);
  if (mode === 'fill') {
    const all = scopeOf('all');
    const ctx = { db, origin: { kind: 'mirror' as const, root: SHARED_DATA }, clock: () => new Date(), log: silentLogger };
    const runs = [
      ...(await ingestAll(ctx, all.connectors, { vintages: all.vintages })),
      ...(await ingestAll(ctx, [...IMAGING_CONNECTORS, ...CASE_CONNECTORS, ...LITERATURE_CONNECTORS, ...SEQUENCE_CONNECTORS])),
    ];
    const failed = runs.filter((r) => r.status === 'failed');
    if (failed.length) throw new Error(`fill failed: ${failed.map((r) => `${r.sourceId}: ${r.error}`).join('; ')}`);
    console.log(JSON.stringify({ runs: runs.length }));
  } else {
    const out = await mkdtemp(path.join(tmpdir(), 'glacier-bench-bulk-'));
    try {
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const built = await buildBulk({ db, dir: path.join(out, 'v'), asOf: null, formats: ['parquet', 'csv'], clock: () => new Date(), tick: () => yieldToLoop() });
      const wallMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      loop.disable();
      const result: BulkChildResult = {
        wallMs,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        maxRssMB: process.resourceUsage().maxRSS / 1024,
        loopMaxMs: loop.max / 1e6,
        loopP99Ms: loop.percentile(99) / 1e6,
        files: built.files.map((f) => ({ name: f.path, rows: f.rows, bytes: f.bytes })),
        seriesCsvBytes: await gunzippedBytes(path.join(out, 'v', 'series.csv.gz')),
      };
      console.log(JSON.stringify(result));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }
} finally {
  await db.close();
}

async function gunzippedBytes(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(file).pipe(createGunzip())) n += (chunk as Buffer).length;
  return n;
}
