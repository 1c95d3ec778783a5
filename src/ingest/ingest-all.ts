import type { Connector } from '../domain/series.js';
import { closeInterruptedRuns } from '../store/runs.js';
import type { IngestDeps, IngestOptions } from './context.js';
import { refreshGazetteer } from './gazetteer-step.js';
import { runSource } from './run-source.js';
import type { RunSummary } from './run-summary.js';

/**
 * The gazetteer, then each source in turn. Sources are isolated: one failing source is
 * recorded and the others still run. If no gazetteer can be had at all, every source fails
 * with that reason.
 */
export async function ingestAll(deps: IngestDeps, connectors: readonly Connector[], opts: IngestOptions = {}): Promise<RunSummary[]> {
  await closeInterruptedRuns(deps.db, deps.clock());
  const summaries: RunSummary[] = [];
  let gaz;
  try {
    const g = await refreshGazetteer(deps, { force: opts.force });
    summaries.push(g.summary);
    gaz = g.handle;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    for (const c of connectors) summaries.push(failedWithoutRun(c.manifest.id, reason));
    return summaries;
  }
  for (const c of connectors) summaries.push(await runSource(deps, c, gaz, opts));
  return summaries;
}

function failedWithoutRun(sourceId: string, reason: string): RunSummary {
  return {
    sourceId, runId: 0, status: 'failed', rowsRead: 0, valuesRead: 0, valuesNew: 0, valuesChanged: 0, unmatched: 0,
    error: reason, durationMs: 0, files: [], issues: [],
  };
}
