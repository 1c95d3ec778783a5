import type { AnyConnector } from '../domain/imaging.js';
import { withIngestLock } from '../store/ingest-lock.js';
import type { IngestDeps, IngestOptions } from './context.js';
import { ingestAll } from './ingest-all.js';
import type { RunSummary } from './run-summary.js';

export type RefreshOutcome = { status: 'done'; runs: RunSummary[] } | { status: 'skipped'; reason: string };

/**
 * One refresh: the ingest of `connectors` under the ingest lock. When another process holds
 * it (several API processes on one PostgreSQL database), this round is skipped: that process's
 * commits bump the data version, which every process re-reads.
 */
export async function refreshOnce(deps: IngestDeps, connectors: readonly AnyConnector[], opts: IngestOptions = {}): Promise<RefreshOutcome> {
  const locked = await withIngestLock(deps.db, () => ingestAll(deps, connectors, opts));
  if (!locked.acquired) {
    const reason = 'another process is ingesting into this database';
    deps.log.info(`refresh skipped: ${reason}`);
    return { status: 'skipped', reason };
  }
  return { status: 'done', runs: locked.value };
}

/** What a refresh log line says: per source its status and counts (never file contents). */
export function describeRefresh(o: RefreshOutcome): object {
  if (o.status === 'skipped') return o;
  return {
    status: o.status,
    failed: o.runs.filter((r) => r.status === 'failed').map((r) => ({ source: r.sourceId, error: r.error })),
    sources: o.runs.map((r) => ({ source: r.sourceId, status: r.status, valuesNew: r.valuesNew, valuesChanged: r.valuesChanged })),
  };
}
