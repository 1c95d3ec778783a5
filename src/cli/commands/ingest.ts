import type { Config } from '../../config.js';
import { isIsoDate } from '../../domain/dates.js';
import { ingestAll } from '../../ingest/ingest-all.js';
import type { RunSummary } from '../../ingest/run-summary.js';
import { CONNECTORS } from '../../sources/registry.js';
import type { Db } from '../../store/db.js';
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
  if (!ids?.length) return CONNECTORS;
  const unknown = ids.filter((id) => !CONNECTORS.some((c) => c.manifest.id === id));
  if (unknown.length) throw new CliError(`unknown source ${unknown.join(', ')} (known: ${CONNECTORS.map((c) => c.manifest.id).join(', ')})`, EXIT.usage);
  return CONNECTORS.filter((c) => ids.includes(c.manifest.id));
}

/** Runs the ingest, prints the summary table, returns the runs. */
export async function runIngest(db: Db, config: Config, flags: IngestFlags): Promise<RunSummary[]> {
  if (flags.issue !== undefined && !isIsoDate(flags.issue)) throw new CliError(`--issue must be a date written YYYY-MM-DD (got ${JSON.stringify(flags.issue)})`, EXIT.usage);
  const connectors = selectConnectors(flags.source);
  const progress = createProgress(['gazetteer', ...connectors.map((c) => c.manifest.id)]);
  let runs: RunSummary[];
  try {
    runs = await ingestAll(
      { db, origin: fileOrigin(config), clock: () => new Date(), log: consoleLogger, progress: (s, stage) => progress.update(s, stage) },
      connectors,
      { issue: flags.issue, force: flags.force },
    );
  } finally {
    progress.stop();
  }
  process.stdout.write(`${formatSummary(runs)}\n`);
  return runs;
}

export function failedRuns(runs: RunSummary[]): RunSummary[] {
  return runs.filter((r) => r.status === 'failed');
}
