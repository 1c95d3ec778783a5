import { isCaseConnector, isImagingConnector, type AnyConnector } from '../domain/imaging.js';
import { closeInterruptedRuns } from '../store/runs.js';
import { refreshPlannerStatistics } from '../store/statistics.js';
import type { IngestDeps, IngestOptions } from './context.js';
import { refreshGazetteer } from './gazetteer-step.js';
import { withIngestHeapGrowth } from './heap-growth.js';
import { runCaseSource } from './run-cases.js';
import { runImagingSource } from './run-imaging.js';
import { chatterSource, literatureSource, sequenceSource } from './research-sources.js';
import { runReplaceSource } from './run-replace.js';
import { runSource } from './run-source.js';
import type { RunSummary } from './run-summary.js';

/**
 * Source runs that may overlap on PostgreSQL. A run mostly waits for the server while it stores a
 * big load (jhu-us: about 8 of its 12 s) and mostly computes while it compares many vintages
 * (jhu-daily): two at a time keep this process and the server busy together. Each run keeps its
 * own transaction; their commits take turns (takeCommitTurn). PGlite has one connection: one run
 * at a time.
 */
export const SOURCE_RUNS_AT_ONCE = { postgres: 2, pglite: 1 };

/**
 * The gazetteer, then the sources (case counts, imaging sets, line lists, literature, chatter,
 * sequences), started in order, up to SOURCE_RUNS_AT_ONCE at a time. Sources are isolated: one
 * failing source is recorded and the others still run. Without any gazetteer (first run, lookup
 * table unreadable) the sources are not run. Summaries come in the connectors' order. On PGlite,
 * V8's heap grows less while it runs (heap-growth.ts).
 */
export function ingestAll(deps: IngestDeps, connectors: readonly AnyConnector[], opts: IngestOptions = {}): Promise<RunSummary[]> {
  const run = () => runAll(deps, connectors, opts);
  // On PGlite the database's memory is this process's too; on PostgreSQL it is the server's, and
  // the CPU that more frequent collections cost is what the ingest's time has to spare.
  return deps.db.kind === 'pglite' ? withIngestHeapGrowth(run) : run();
}

async function runAll(deps: IngestDeps, connectors: readonly AnyConnector[], opts: IngestOptions): Promise<RunSummary[]> {
  await closeInterruptedRuns(deps.db, deps.clock());
  const { handle, summary } = await refreshGazetteer(deps, { force: opts.force });
  const runOne = (c: AnyConnector): Promise<RunSummary> => {
    // Imaging sets name no places: they need no gazetteer.
    if (isImagingConnector(c)) return runImagingSource(deps, c, opts);
    if ('kind' in c && c.kind === 'literature') return runReplaceSource(deps, literatureSource(c), opts);
    if ('kind' in c && c.kind === 'chatter') return runReplaceSource(deps, chatterSource(c), opts);
    if (!handle) return Promise.resolve(failedWithoutRun(c.manifest.id, 'not run: no gazetteer (see the gazetteer run)'));
    if (isCaseConnector(c)) return runCaseSource(deps, c, handle, opts);
    if ('kind' in c && c.kind === 'sequences') return runReplaceSource(deps, sequenceSource(c, handle.gazetteer), opts);
    return runSource(deps, c, handle, opts);
  };
  const results: RunSummary[] = [];
  let next = 0;
  const lane = async () => {
    // A source run is atomic, so stopping between two is clean; the rest runs next time.
    while (next < connectors.length && !opts.signal?.aborted) {
      const i = next++;
      results[i] = await runOne(connectors[i]);
    }
  };
  const lanes = Math.max(1, Math.min(SOURCE_RUNS_AT_ONCE[deps.db.kind], connectors.length));
  // A lane fails only when the store itself does (a run's own errors are in its summary): the
  // other lane still finishes its run before the error is passed on.
  const ended = await Promise.allSettled(Array.from({ length: lanes }, lane));
  for (const e of ended) if (e.status === 'rejected') throw e.reason;
  // Stopped early: the runs that did not start are left out.
  const summaries: RunSummary[] = [summary, ...results.filter((r) => r !== undefined)];
  // Reads after a load are planned on the new sizes at once (src/store/statistics.ts).
  if (summaries.some((s) => s.status === 'succeeded' && s.valuesNew + s.valuesChanged > 0)) await refreshPlannerStatistics(deps.db);
  return summaries;
}

function failedWithoutRun(sourceId: string, reason: string): RunSummary {
  return {
    sourceId, runId: 0, status: 'failed', rowsRead: 0, valuesRead: 0, valuesNew: 0, valuesChanged: 0, unmatched: 0, anomalies: 0, vintages: [],
    error: reason, durationMs: 0, files: [], issues: [],
  };
}
