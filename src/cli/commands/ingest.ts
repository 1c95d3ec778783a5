import type { Config } from '../../config.js';
import { isIsoDate } from '../../domain/dates.js';
import { ingestAll } from '../../ingest/ingest-all.js';
import type { RunSummary } from '../../ingest/run-summary.js';
import { ALL_CONNECTORS } from '../../sources/all-sources.js';
import type { Db } from '../../store/db.js';
import { withIngestLock, type Locked } from '../../store/ingest-lock.js';
import { CliError, EXIT } from '../errors.js';
import { consoleLogger, createProgress } from '../progress.js';
import { fileOrigin } from '../context.js';
import { formatSummary } from '../summary-table.js';

export interface IngestFlags {
  source?: string[];
  issue?: string;
  force?: boolean;
}

export function selectConnectors(ids: string[] | undefined) {
  if (!ids?.length) return ALL_CONNECTORS;
  const unknown = ids.filter((id) => !ALL_CONNECTORS.some((c) => c.manifest.id === id));
  if (unknown.length) throw new CliError(`unknown source ${unknown.join(', ')} (known: ${ALL_CONNECTORS.map((c) => c.manifest.id).join(', ')})`, EXIT.usage);
  return ALL_CONNECTORS.filter((c) => ids.includes(c.manifest.id));
}

/**
 * Runs the ingest under the ingest lock, prints the summary table, returns the runs; null when
 * another process is ingesting into this database (PostgreSQL), in which case nothing ran.
 */
export async function runIngest(db: Db, config: Config, flags: IngestFlags): Promise<RunSummary[] | null> {
  if (flags.issue !== undefined && !isIsoDate(flags.issue)) throw new CliError(`--issue must be a date written YYYY-MM-DD (got ${JSON.stringify(flags.issue)})`, EXIT.usage);
  const connectors = selectConnectors(flags.source);
  const progress = createProgress(['gazetteer', ...connectors.map((c) => c.manifest.id)]);
  let locked: Locked<RunSummary[]>;
  try {
    locked = await withIngestLock(db, () => ingestAll(
      { db, origin: fileOrigin(config), clock: () => new Date(), log: consoleLogger, progress: (s, stage) => progress.update(s, stage) },
      connectors,
      { issue: flags.issue, force: flags.force },
    ));
  } finally {
    progress.stop();
  }
  if (!locked.acquired) return null;
  process.stdout.write(`${formatSummary(locked.value)}\n`);
  return locked.value;
}

export const LOCK_HELD = 'another process is ingesting into this database (it holds the ingest lock); try again when it has finished';

export function failedRuns(runs: RunSummary[]): RunSummary[] {
  return runs.filter((r) => r.status === 'failed');
}
