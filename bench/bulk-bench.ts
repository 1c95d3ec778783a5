/**
 * Part 6: bulk files. Every source and vintage in the mirror plus the research sources are
 * ingested into a fresh database per target (a child, unmeasured); then another child builds
 * every bulk file (bulk-child.ts). Goals (issue 13): the default long table as Parquet ≤ 1/8 of
 * the same rows as CSV (uncompressed, as /v1/series writes them); the whole export ≤ 30 s on
 * PostgreSQL; peak RSS of the exporting process ≤ 600 MB. The event loop's longest stall during
 * the build is printed too (the server answers requests between pages and row groups).
 */
import type { BulkChildResult } from './bulk-child.js';
import { isStopping, runJsonChild } from './child.js';
import { cleanupNow, onCleanup } from './cleanup.js';
import { fixed, int, ratio, seconds, table, verdictLines, type Verdict } from './format.js';
import { freshPglite, freshPostgresSchema, type BenchTarget } from './targets.js';

export const BULK_GOALS = { parquetToCsvMax: 1 / 8, exportMaxSeconds: 30, maxRssMB: 600 };

export interface BulkBenchResult {
  measures: { target: BenchTarget['name']; result: BulkChildResult }[];
  failures: { target: string; error: string }[];
  verdicts: Verdict[];
}

export async function runBulkBench(names: BenchTarget['name'][], pgUrl: string, log: (s: string) => void): Promise<BulkBenchResult> {
  const measures: BulkBenchResult['measures'] = [];
  const failures: BulkBenchResult['failures'] = [];
  for (const name of names) {
    if (isStopping()) break;
    const t = name === 'PostgreSQL' ? await freshPostgresSchema(pgUrl) : await freshPglite();
    onCleanup(`${t.name} (bulk)`, () => t.drop());
    log(`${t.name} (${t.where}): filling with every source and the research data (not measured)…`);
    try {
      await runJsonChild('bench/bulk-child.ts', [JSON.stringify(t.target), 'fill']);
      log('  exporting…');
      const result = await runJsonChild<BulkChildResult>('bench/bulk-child.ts', [JSON.stringify(t.target), 'export']);
      measures.push({ target: t.name, result });
      log(`  ${seconds(result.wallMs)} s (CPU ${fixed(result.cpuSeconds, 1)} s, every thread), peak RSS ${fixed(result.maxRssMB, 0)} MB, event loop stall max ${fixed(result.loopMaxMs, 0)} ms (p99 ${fixed(result.loopP99Ms, 0)} ms)`);
      log(table(['file', 'rows', 'bytes'], result.files.map((f) => [f.name, int(f.rows), int(f.bytes)])));
    } catch (err) {
      if (isStopping()) throw err;
      failures.push({ target: t.name, error: (err as Error).message });
      log(`  FAILED: ${(err as Error).message}`);
    }
    await cleanupNow(`${t.name} (bulk)`, log);
  }
  const verdicts: Verdict[] = [];
  for (const { target, result } of measures) {
    const parquet = result.files.find((f) => f.name === 'series.parquet')?.bytes ?? NaN;
    const gz = result.files.find((f) => f.name === 'series.csv.gz')?.bytes ?? NaN;
    log(`\n${target}: series.parquet ${int(parquet)} B, series CSV ${int(result.seriesCsvBytes)} B (gzip ${int(gz)} B): Parquet/CSV ${ratio(parquet / result.seriesCsvBytes)}, Parquet/gzip CSV ${ratio(parquet / gz)}`);
    verdicts.push({ goal: `series.parquet ≤ 1/8 of its CSV on ${target}`, measured: ratio(parquet / result.seriesCsvBytes), pass: parquet <= result.seriesCsvBytes * BULK_GOALS.parquetToCsvMax });
    if (target === 'PostgreSQL') verdicts.push({ goal: `export of all ≤ ${BULK_GOALS.exportMaxSeconds} s on PostgreSQL`, measured: `${seconds(result.wallMs)} s`, pass: result.wallMs <= BULK_GOALS.exportMaxSeconds * 1000 });
    verdicts.push({ goal: `export peak RSS on ${target} ≤ ${BULK_GOALS.maxRssMB} MB${target === 'PGlite' ? ' (includes the embedded database)' : ''}`, measured: `${fixed(result.maxRssMB, 0)} MB`, pass: result.maxRssMB <= BULK_GOALS.maxRssMB });
  }
  if (verdicts.length) log('\n' + verdictLines(verdicts));
  return { measures, failures, verdicts };
}
