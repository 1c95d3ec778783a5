import { isCaseConnector, isImagingConnector, type AnyConnector } from '../domain/imaging.js';
import { closeInterruptedRuns } from '../store/runs.js';
import { refreshPlannerStatistics } from '../store/statistics.js';
import type { IngestDeps, IngestOptions } from './context.js';
import { refreshGazetteer } from './gazetteer-step.js';
import { runCaseSource } from './run-cases.js';
import { runImagingSource } from './run-imaging.js';
import { chatterSource, literatureSource, sequenceSource } from './research-sources.js';
import { runReplaceSource } from './run-replace.js';
import { runSource } from './run-source.js';
import type { RunSummary } from './run-summary.js';

/**
 * The gazetteer, then each source (case counts, imaging sets, line lists, literature, chatter, sequences) in turn. Sources are isolated: one failing source is
 * recorded and the others still run. Without any gazetteer (first run, lookup table
 * unreadable) the sources are not run.
 */
export async function ingestAll(deps: IngestDeps, connectors: readonly AnyConnector[], opts: IngestOptions = {}): Promise<RunSummary[]> {
  await closeInterruptedRuns(deps.db, deps.clock());
  const { handle, summary } = await refreshGazetteer(deps, { force: opts.force });
  const summaries: RunSummary[] = [summary];
  for (const c of connectors) {
    // A source run is atomic, so stopping between two is clean; the rest runs next time.
    if (opts.signal?.aborted) break;
    // Imaging sets name no places: they need no gazetteer.
    if (isImagingConnector(c)) summaries.push(await runImagingSource(deps, c, opts));
    else if ('kind' in c && c.kind === 'literature') summaries.push(await runReplaceSource(deps, literatureSource(c), opts));
    else if ('kind' in c && c.kind === 'chatter') summaries.push(await runReplaceSource(deps, chatterSource(c), opts));
    else if (!handle) summaries.push(failedWithoutRun(c.manifest.id, 'not run: no gazetteer (see the gazetteer run)'));
    else if (isCaseConnector(c)) summaries.push(await runCaseSource(deps, c, handle, opts));
    else if ('kind' in c && c.kind === 'sequences') summaries.push(await runReplaceSource(deps, sequenceSource(c, handle.gazetteer), opts));
    else summaries.push(await runSource(deps, c, handle, opts));
  }
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
