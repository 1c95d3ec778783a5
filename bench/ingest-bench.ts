/**
 * Part 1: the full default ingest (gazetteer + JHU global + JHU US from the mirror) on each
 * target, first into a freshly migrated database and then again with force (files re-read,
 * nothing changes: the daily re-run), each in a child process; the DuckDB load of the same
 * files is the reference (see ROUNDS).
 */
import path from 'node:path';
import { GOALS, SHARED_DATA } from './config.js';
import { isStopping, runJsonChild } from './child.js';
import type { DuckdbChildResult } from './duckdb-child.js';
import type { SourceFile } from './files.js';
import { fixed, int, ratio, seconds, table, verdictLines, type Verdict } from './format.js';
import type { CreateChildResult, IngestChildResult } from './ingest-child.js';
import { freshPostgresSchema, type BenchTarget } from './targets.js';

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

  const measures: IngestMeasure[] = [];
  const failures: { target: string; error: string }[] = [];
  const failed = (name: string, err: unknown) => {
    if (isStopping()) throw err;
    const error = (err as Error).message;
    failures.push({ target: name, error });
    log(`  FAILED: ${error}`);
  };
  const pg = targets.find((t) => t.name === 'PostgreSQL');
  log(`DuckDB reference and Glacier's first load on PostgreSQL, in ${ROUNDS} alternating rounds (the medians count)…`);
  const duckRuns: DuckdbChildResult[] = [];
  const pgFirsts: IngestChildResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    duckRuns.push(await runJsonChild<DuckdbChildResult>('bench/duckdb-child.ts', [JSON.stringify(files.map((f) => f.path))]));
    let line = `  round ${round + 1}: DuckDB ${seconds(duckRuns[round].wallMs)} s`;
    if (pg && !failures.length) {
      // Each round into a database of its own; the last is the bench's target, which the re-run and the API parts use.
      const into = round === ROUNDS - 1 || pg.target.kind !== 'postgres' ? pg : await freshPostgresSchema(pg.target.url);
      try {
        await createDatabase(into, round === 0 ? log : null);
        const first = await ingestInto(into, false);
        pgFirsts.push(first);
        line += `, PostgreSQL ${seconds(first.wallMs)} s (${perRun(first)})`;
      } catch (err) {
        failed(pg.name, err);
      } finally {
        if (into !== pg) await into.drop();
      }
    }
    log(line);
  }
  const duckdb = medianRun(duckRuns);
  log(`  DuckDB: ${seconds(duckdb.wallMs)} s; ${int(duckdb.values)} rows (DuckDB ${duckdb.version}, ${duckdb.threads} threads, in memory)`);
  if (pg && pgFirsts.length === ROUNDS) {
    const first = medianRun(pgFirsts);
    measures.push({ target: pg.name, run: 'first', result: first, ratioToDuckdb: first.wallMs / duckdb.wallMs });
    await measureRerun(pg).catch((err: unknown) => failed(pg.name, err));
  }

  for (const t of targets) {
    if (t === pg) continue;
    log(`${t.name} (${t.where})…`);
    try {
      await createDatabase(t, log);
      const first = await ingestInto(t, false);
      measures.push({ target: t.name, run: 'first', result: first, ratioToDuckdb: first.wallMs / duckdb.wallMs });
      log(`  first: ${seconds(first.wallMs)} s (${perRun(first)}); open+migrate ${seconds(first.setupMs)} s not counted`);
      await measureRerun(t);
    } catch (err) {
      failed(t.name, err);
    }
  }
  log('');

  async function measureRerun(t: BenchTarget): Promise<void> {
    const result = await ingestInto(t, true);
    measures.push({ target: t.name, run: 're-run (force)', result, ratioToDuckdb: result.wallMs / duckdb.wallMs });
    log(`  ${t.name} re-run (force): ${seconds(result.wallMs)} s (${perRun(result)}); open+migrate ${seconds(result.setupMs)} s not counted`);
  }

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
 * A load of a few seconds varies by ±20 % from run to run on a small machine, DuckDB's and
 * Glacier's alike (both measured 5.2-8.1 s and 6.8-10.5 s on one machine within minutes): the
 * ratio is of the medians of a few rounds, each round one DuckDB load then one Glacier first load
 * into a fresh PostgreSQL schema, so that a slow stretch of the machine weighs on both.
 */
const ROUNDS = 3;

async function createDatabase(t: BenchTarget, log: ((s: string) => void) | null): Promise<void> {
  const created = await runJsonChild<CreateChildResult>('bench/ingest-child.ts', [JSON.stringify(t.target), '--create-only']);
  log?.(`  ${t.name} database created and migrated in a child of its own: ${seconds(created.setupMs)} s, peak RSS ${fixed(created.maxRssMB, 0)} MB (not counted)`);
}

function ingestInto(t: BenchTarget, force: boolean): Promise<IngestChildResult> {
  return runJsonChild<IngestChildResult>('bench/ingest-child.ts', [JSON.stringify(t.target), ...(force ? ['--force'] : [])]);
}

function perRun(result: IngestChildResult): string {
  return result.runs.map((r) => `${r.sourceId} ${seconds(r.ms)} s`).join(', ');
}

/** The run with the median wall time; its peak RSS is replaced by the largest of all runs. */
function medianRun<R extends { wallMs: number; maxRssMB: number }>(runs: R[]): R {
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return { ...sorted[Math.floor(sorted.length / 2)], maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)) };
}

function ingestVerdicts(measures: IngestMeasure[]): Verdict[] {
  const verdicts: Verdict[] = [];
  const pgFirst = measures.find((m) => m.target === 'PostgreSQL' && m.run === 'first');
  if (pgFirst) {
    verdicts.push({
      goal: `ingest on PostgreSQL ≤ ${GOALS.ingestMaxRatioToDuckdb}× DuckDB`,
      measured: `${ratio(pgFirst.ratioToDuckdb)} (${seconds(pgFirst.result.wallMs)} s; medians of ${ROUNDS} rounds)`,
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
