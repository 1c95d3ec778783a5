import type { Connector } from '../src/domain/series.js';
import { silentLogger, type IngestOptions } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import type { RunSummary } from '../src/ingest/run-summary.js';
import { openTestDb, type DbTarget, type TestDb } from './databases.js';
import { SHARED_DATA } from './shared-data.js';

/**
 * Ingests connectors from a mirror (default: the real ../shared/data) into a fresh test
 * database: the gazetteer run first, then each connector. For connector tests that check what
 * a full run stores (unmatched places, values, vintages). Call `t.drop()` when done.
 */
export async function ingestConnectors(connectors: readonly Connector[], opts: IngestOptions & { target?: DbTarget; root?: string } = {}): Promise<{ t: TestDb; runs: RunSummary[] }> {
  const t = await openTestDb(opts.target ?? 'pglite');
  const runs = await ingestAll({ db: t.db, origin: { kind: 'mirror', root: opts.root ?? SHARED_DATA }, clock: () => new Date(), log: silentLogger }, connectors, opts);
  return { t, runs };
}
