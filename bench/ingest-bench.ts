/**
 * Part 1: the full default ingest (gazetteer + JHU global + JHU US from the mirror) on each
 * target, first into a freshly migrated database and then again with force (files re-read,
 * nothing changes: the daily re-run), each in a child process; the DuckDB load of the same
 * files is the reference.
 */
import path from 'node:path';
import { GOALS, SHARED_DATA } from './config.js';
import { isStopping, runJsonChild } from './child.js';
import type { DuckdbChildResult } from './duckdb-child.js';
import type { SourceFile } from './files.js';
import { fixed, int, ratio, seconds, table, verdictLines, type Verdict } from './format.js';
import type { CreateChildResult, IngestChildResult } from './ingest-child.js';
import type { BenchTarget } from './targets.js';

export interface IngestMeasure {
  target: BenchTarget['name'];
  run: 'first' | 're-run (force)';
  result: IngestChildResult;
  ratioToDuckdb: number;
}

export interface IngestBenchResult {
  files: number;
  duckdb: DuckdbChildResult;
  measures: IngestMeasure[];
  /** Targets whose ingest failed (name → error). */
  failures: { target: string; error: string }[];
  verdicts: Verdict[];
}

export async function runIngestBench(targets: BenchTarget[], files: SourceFile[], log: (s: string) => void): Promise<IngestBenchResult> {
  log(`Files (${files.length}, mirror ${SHARED_DATA}):`);
  for (const f of files) log(`  ${f.sourceId}/${f.fileId}: ${path.relative(SHARED_DATA, f.path)}`);
  log('');

  log(`DuckDB reference (${DUCKDB_RUNS} runs, the median counts)…`);
  const duckRuns: DuckdbChildResult[] = [];
  for (let i = 0; i < DUCKDB_RUNS; i++) duckRuns.push(await runJsonChild<DuckdbChildResult>('bench/duckdb-child.ts', [JSON.stringify(files.map((f) => f.path))]));
  const duckdb = medianRun(duckRuns);
  log(`  ${duckRuns.map((r) => `${seconds(r.wallMs)} s`).join(', ')} → ${seconds(duckdb.wallMs)} s; ${int(duckdb.values)} rows (DuckDB ${duckdb.version}, ${duckdb.threads} threads, in memory)`);

  const measures: IngestMeasure[] = [];
  const failures: { target: string; error: string }[] = [];
  for (const t of targets) {
    log(`${t.name} (${t.where})…`);
    try {
      const created = await runJsonChild<CreateChildResult>('bench/ingest-child.ts', [JSON.stringify(t.target), '--create-only']);
      log(`  database created and migrated in a child of its own: ${seconds(created.setupMs)} s, peak RSS ${fixed(created.maxRssMB, 0)} MB (not counted)`);
      for (const force of [false, true]) {
        const result = await runJsonChild<IngestChildResult>('bench/ingest-child.ts', [JSON.stringify(t.target), ...(force ? ['--force'] : [])]);
        const m: IngestMeasure = { target: t.name, run: force ? 're-run (force)' : 'first', result, ratioToDuckdb: result.wallMs / duckdb.wallMs };
        measures.push(m);
        const perRun = result.runs.map((r) => `${r.sourceId} ${seconds(r.ms)} s`).join(', ');
        log(`  ${m.run}: ${seconds(result.wallMs)} s (${perRun}); open+migrate ${seconds(result.setupMs)} s not counted`);
      }
    } catch (err) {
      if (isStopping()) throw err;
      const error = (err as Error).message;
      failures.push({ target: t.name, error });
      log(`  FAILED: ${error}`);
    }
  }
  log('');

  const rows = [
    ['DuckDB read_csv+UNPIVOT', 'load', seconds(duckdb.wallMs), int(duckdb.values), int(duckdb.values / (duckdb.wallMs / 1000)), '–', fixed(duckdb.maxRssMB, 0), ratio(1)],
    ...measures.map((m) => [
      `Glacier on ${m.target}`,
      m.run,
      seconds(m.result.wallMs),
      int(m.result.values),
      int(m.result.values / (m.result.wallMs / 1000)),
      int(m.result.valuesStored),
      fixed(m.result.maxRssMB, 0),
      ratio(m.ratioToDuckdb),
    ]),
  ];
  log(table(['target', 'run', 'wall s', 'values', 'values/s', 'stored', 'peak RSS MB', '× DuckDB'], rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r']));
  log('');

  const verdicts = ingestVerdicts(measures);
  if (verdicts.length) log(verdictLines(verdicts));
  return { files: files.length, duckdb, measures, failures, verdicts };
}

/**
 * DuckDB's load is short and its time varies by ±20 % from run to run on a small machine;
 * the median of a few runs is the reference. Glacier's runs are long enough to be run once.
 */
const DUCKDB_RUNS = 3;

/** The run with the median wall time; its peak RSS is replaced by the largest of all runs. */
function medianRun(runs: DuckdbChildResult[]): DuckdbChildResult {
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return { ...sorted[Math.floor(sorted.length / 2)], maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)) };
}

function ingestVerdicts(measures: IngestMeasure[]): Verdict[] {
  const verdicts: Verdict[] = [];
  const pgFirst = measures.find((m) => m.target === 'PostgreSQL' && m.run === 'first');
  if (pgFirst) {
    verdicts.push({
      goal: `ingest on PostgreSQL ≤ ${GOALS.ingestMaxRatioToDuckdb}× DuckDB`,
      measured: `${ratio(pgFirst.ratioToDuckdb)} (${seconds(pgFirst.result.wallMs)} s)`,
      pass: pgFirst.ratioToDuckdb <= GOALS.ingestMaxRatioToDuckdb,
    });
  }
  for (const name of ['PostgreSQL', 'PGlite'] as const) {
    const mine = measures.filter((m) => m.target === name);
    if (!mine.length) continue;
    const peak = Math.max(...mine.map((m) => m.result.maxRssMB));
    verdicts.push({
      goal: `ingest peak RSS on ${name} ≤ ${GOALS.ingestMaxRssMB} MB`,
      measured: `${fixed(peak, 0)} MB (largest of first and re-run)`,
      pass: peak <= GOALS.ingestMaxRssMB,
    });
  }
  return verdicts;
}
