/**
 * npm run bench: the JHU ingest benchmark, the all-sources ingest, the API benchmark, the models, the dashboard, a summary.
 * Env: BENCH_SECONDS (default 10), BENCH_SKIP_PGLITE=1, BENCH_ONLY=ingest|sources|api|serving|models|web, BENCH_ACCEPT_ENCODING,
 * GLACIER_BENCH_PG (PostgreSQL URL), GLACIER_SHARED_DATA (data mirror). See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { runApiBench, type ApiBenchResult } from './api-bench.js';
import { isStopping, runJsonChild } from './child.js';
import { cleanupNow, cleanupOnSignals, onCleanup, runCleanups } from './cleanup.js';
import { ACCEPT_ENCODING, BENCH_CONNECTIONS, BENCH_PG_URL, BENCH_SECONDS, ONLY, REPO_ROOT, SHARED_DATA, SKIP_PGLITE } from './config.js';
import { busyCores } from './cpu.js';
import { defaultIngestFiles } from './files.js';
import { runIngestBench, type IngestBenchResult } from './ingest-bench.js';
import { runAllSourcesBench, type AllSourcesBenchResult } from './all-sources-bench.js';
import { runBulkBench } from './bulk-bench.js';
import { runModelsBench, type ModelsBenchResult } from './models-bench.js';
import { runServingBench, type ServingBenchResult } from './serving-bench.js';
import { runWebBench, webSummary } from './web-bench.js';
import type { IngestChildResult } from './ingest-child.js';
import { summaryBlock } from './summary.js';
import { freshPglite, freshPostgresSchema, probePostgres, redact, type BenchTarget } from './targets.js';

const log = (s = '') => console.log(s);
const section = (title: string) => log(`\n=== ${title} ${'='.repeat(Math.max(0, 72 - title.length))}\n`);

async function main(): Promise<number> {
  cleanupOnSignals(log);
  const cpus = os.cpus();
  const machine = `node ${process.version} · ${cpus.length} CPU × ${cpus[0]?.model.trim() ?? 'unknown'} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · ${os.platform()} ${os.release()}`;
  const date = new Date().toISOString();
  section('Glacier benchmark');
  log(`date      ${date}`);
  log(`node      ${process.version} (the ingest children run on the same binary)`);
  log(`machine   ${machine}`);
  log(`commit    ${gitDescribe()}`);
  log(`settings  BENCH_SECONDS=${BENCH_SECONDS}, connections=${BENCH_CONNECTIONS}, BENCH_ACCEPT_ENCODING=${ACCEPT_ENCODING ?? '(none)'}, BENCH_ONLY=${ONLY ?? '(all parts)'}, BENCH_SKIP_PGLITE=${SKIP_PGLITE ? 1 : 0}`);
  log(`data      ${SHARED_DATA}`);
  if (!existsSync(SHARED_DATA)) {
    log(`\nThe data mirror is missing (${SHARED_DATA}); set GLACIER_SHARED_DATA. Nothing measured.`);
    return 1;
  }
  const notes: string[] = [];
  await checkIdle('start', notes);
  const pg = await probePostgres(BENCH_PG_URL);
  if (pg.ok) log(`postgres  ${redact(BENCH_PG_URL)} (server ${pg.version})`);
  else {
    const note = `PostgreSQL not reachable at ${redact(BENCH_PG_URL)} (${pg.error}); PostgreSQL parts skipped.`;
    log(`postgres  ${note}`);
    notes.push(note);
  }
  if (SKIP_PGLITE) notes.push('PGlite skipped (BENCH_SKIP_PGLITE=1).');

  // Fresh databases: PostgreSQL first (the goals are on it), each dropped however the run ends.
  const targets: BenchTarget[] = [];
  const add = (t: BenchTarget) => {
    onCleanup(t.name, () => t.drop());
    targets.push(t);
  };
  if (ONLY === null || ONLY === 'ingest' || ONLY === 'api' || ONLY === 'serving') {
    if (pg.ok) add(await freshPostgresSchema(BENCH_PG_URL));
    if (!SKIP_PGLITE) add(await freshPglite());
  }

  const files = await defaultIngestFiles(SHARED_DATA);
  let ingest: IngestBenchResult | null = null;
  let ready = targets;
  if (ONLY === null || ONLY === 'ingest') {
    section('1. Ingest: full default JHU ingest vs DuckDB read_csv + UNPIVOT');
    ingest = await runIngestBench(targets, files, log);
    const failed = ingest.failures;
    ready = targets.filter((t) => !failed.some((f) => f.target === t.name));
  }

  let allSources: AllSourcesBenchResult | null = null;
  if (isStopping()) return 130;
  if (ONLY === null || ONLY === 'sources') {
    section('2. Ingest: every source and every vintage in the mirror');
    await checkIdle('all-sources ingest', notes);
    const names = [...(pg.ok ? (['PostgreSQL'] as const) : []), ...(SKIP_PGLITE ? [] : (['PGlite'] as const))];
    allSources = await runAllSourcesBench(names, BENCH_PG_URL, log);
  }

  const api: ApiBenchResult[] = [];
  const serving: ServingBenchResult[] = [];
  if (isStopping()) return 130;
  const withApi = ONLY === null || ONLY === 'api';
  const withServing = ONLY === null || ONLY === 'serving';
  if (withApi || withServing) {
    if (ONLY === 'api' || ONLY === 'serving') ready = await fillUnmeasured(targets);
    if (!ready.length) log('No database to serve (PostgreSQL unreachable or ingest failed, PGlite skipped).');
    // Both parts serve the same filled database; it is dropped once both are done with it.
    for (const t of ready) {
      if (isStopping()) return 130;
      if (withApi) {
        section(`3. API throughput on ${t.name}: Glacier routes vs a bare Fastify route`);
        await checkIdle(`API benchmark on ${t.name}`, notes);
        try {
          api.push(await runApiBench(t, t.name === 'PostgreSQL', log));
        } catch (err) {
          const note = `API benchmark on ${t.name} FAILED: ${(err as Error).message}`;
          log(note);
          notes.push(note.split('\n')[0]);
        }
      }
      if (isStopping()) return 130;
      if (withServing) {
        section(`3b. Serving on ${t.name}: uncached mixed load, the storm`);
        await checkIdle(`serving benchmark on ${t.name}`, notes);
        try {
          serving.push(await runServingBench(t, log));
        } catch (err) {
          const note = `serving benchmark on ${t.name} FAILED: ${(err as Error).message}`;
          log(note);
          notes.push(note.split('\n')[0]);
        }
      }
      log('');
      await cleanupNow(t.name, log);
    }
  }

  let models: ModelsBenchResult | null = null;
  if (isStopping()) return 130;
  if (ONLY === null || ONLY === 'models') {
    section('4. Models: Rt for every location vs EpiEstim, one SEIR fit');
    await checkIdle('models', notes);
    models = await runModelsBench(log);
    notes.push(...models.notes);
  }

  let web: ReturnType<typeof webSummary> | null = null;
  if (isStopping()) return 130;
  if (ONLY === null || ONLY === 'web') {
    section('5. Dashboard: bundle size, navigation to first chart and maps in headless Chromium');
    await checkIdle('dashboard', notes);
    try {
      web = webSummary(await runWebBench(log));
    } catch (err) {
      const note = `dashboard benchmark FAILED: ${(err as Error).message.split('\n')[0]}`;
      log(note);
      notes.push(note);
    }
  }

  if (isStopping()) return 130;
  if (ONLY === null || ONLY === 'bulk') {
    section('6. Bulk files: every table of everything in the mirror as Parquet and gzip CSV');
    await checkIdle('bulk export', notes);
    const names = [...(pg.ok ? (['PostgreSQL'] as const) : []), ...(SKIP_PGLITE ? [] : (['PGlite'] as const))];
    const bulk = await runBulkBench(names, BENCH_PG_URL, log);
    for (const f of bulk.failures) notes.push(`bulk export on ${f.target} FAILED: ${f.error.split('\n')[0]}`);
    for (const v of bulk.verdicts) notes.push(`bulk: ${v.goal}: ${v.measured} ${v.pass ? 'PASS' : 'MISS'}`);
  }

  if (isStopping()) return 130;
  section('Summary');
  log(summaryBlock({ machine: `${date.slice(0, 10)} · ${machine} · ${BENCH_SECONDS} s/route`, ingest, allSources, api, serving, models, web, notes }));
  const failed = (ingest?.failures.length ?? 0) + (allSources?.failures.length ?? 0) > 0 || notes.some((n) => n.includes('FAILED'));
  return failed ? 1 : 0;
}

/** Samples the CPU others use while nothing of ours runs; warns when the machine is not quiet. */
async function checkIdle(when: string, notes: string[]): Promise<void> {
  const busy = await busyCores();
  if (busy === null) return;
  const line = `other processes busy: ${busy.toFixed(2)} of ${os.cpus().length} cores (before ${when})`;
  if (busy < QUIET_BELOW_CORES) {
    log(`cpu       ${line}`);
    return;
  }
  const note = `WARNING: ${line}: figures unreliable, re-run on a quiet machine.`;
  log(note);
  notes.push(note);
}

/** Busy cores (others) below which the machine counts as quiet. */
const QUIET_BELOW_CORES = 0.25;

/** BENCH_ONLY=api: the API needs a filled database; ingest into each target without measuring. */
async function fillUnmeasured(targets: BenchTarget[]): Promise<BenchTarget[]> {
  const ready: BenchTarget[] = [];
  for (const t of targets) {
    log(`Filling ${t.name} (${t.where}) with a default ingest (not measured)…`);
    try {
      const r = await runJsonChild<IngestChildResult>('bench/ingest-child.ts', [JSON.stringify(t.target)]);
      log(`  ${r.observations.toLocaleString('en-US')} observations`);
      ready.push(t);
    } catch (err) {
      log(`  FAILED: ${(err as Error).message}`);
    }
  }
  return ready;
}

function gitDescribe(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() ? ' + uncommitted changes' : '';
    return head + dirty;
  } catch {
    return 'unknown';
  }
}

let code = 1;
try {
  code = await main();
} catch (err) {
  log(`\nBenchmark failed: ${(err as Error).stack ?? err}`);
} finally {
  await runCleanups(log);
}
process.exit(code);
