import type { Config } from '../../config.js';
import type { Logger } from '../../ingest/context.js';
import { describeRefresh, refreshOnce } from '../../ingest/refresh-run.js';
import { createRefreshScheduler, type RefreshScheduler, type SchedulerLog } from '../../ingest/refresh-scheduler.js';
import { ALL_CONNECTORS } from '../../sources/all-sources.js';
import type { Db } from '../../store/db.js';
import { fileOrigin } from '../context.js';
import { selectConnectors } from './ingest.js';

/**
 * The server's background refresh: every `config.refreshMs` (and on POST /v1/admin/ingest), the
 * ingest of the chosen sources under the ingest lock, while the server keeps serving the last
 * committed data. `afterRun` runs after each refresh (the server re-reads the data version at once).
 */
export function createServerRefresh(db: Db, config: Config, log: SchedulerLog, afterRun: () => void): RefreshScheduler {
  const ingestLog: Logger = { info: (m) => log.info({}, `refresh: ${m}`), warn: (m) => log.warn({}, `refresh: ${m}`) };
  return createRefreshScheduler({
    sourceIds: ALL_CONNECTORS.map((c) => c.manifest.id),
    intervalMs: config.refreshMs,
    log,
    async run(sources, signal) {
      try {
        return describeRefresh(await refreshOnce({ db, origin: fileOrigin(config), clock: () => new Date(), log: ingestLog }, selectConnectors(sources), { signal }));
      } finally {
        afterRun();
      }
    },
  });
}
