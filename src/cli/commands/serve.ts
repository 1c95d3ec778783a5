import { buildApp } from '../../api/app.js';
import type { Config } from '../../config.js';
import type { SchedulerLog } from '../../ingest/refresh-scheduler.js';
import { createBulkBuilder } from '../../query/bulk/builder.js';
import { bulkRoot } from '../../query/bulk/files.js';
import { openDb, type Db } from '../../store/db.js';
import { replicatedReads } from '../../store/read-routing.js';
import { createServerRefresh } from './refresh.js';

/**
 * The server's pino options. The admin route's bearer token must never reach a log line,
 * whatever a future log call includes: the Authorization header is censored.
 */
export function serverLoggerOptions(level = process.env.LOG_LEVEL ?? 'info') {
  return { level, redact: { paths: ['req.headers.authorization', 'request.headers.authorization', 'headers.authorization'], censor: '[redacted]' } };
}

/**
 * Listens until SIGINT/SIGTERM, refreshing the data in the background every `config.refreshMs`
 * (and on POST /v1/admin/ingest when GLACIER_ADMIN_TOKEN is set); then stops the refresh (the
 * running one stops between two sources), closes the server and the database.
 */
export async function serve(db: Db, config: Config): Promise<void> {
  // The scheduler logs through the app's logger, which exists once the app is built.
  let log: SchedulerLog = { info() {}, warn() {}, error() {} };
  // The bulk files of the current data version (docs/api.md "Bulk files"): built in the background once
  // the server is up and after each refresh that changed the data (one process builds: a lock file).
  const bulk = createBulkBuilder({ db, dataDir: config.dataDir, clock: () => new Date(), log: { info: (o, m) => log.info(o, m), error: (o, m) => log.error(o, m) } });
  const refresh = createServerRefresh(db, config, { info: (o, m) => log.info(o, m), warn: (o, m) => log.warn(o, m), error: (o, m) => log.error(o, m) }, () => {
    app.cache.versions.invalidate();
    void bulk.ensure();
  });
  // Reads from the replica when one is configured (ingest and refresh stay on `db`, the primary).
  const reads = config.readDatabase ? replicatedReads(db, await openDb(config.readDatabase), (m, err) => log[err ? 'warn' : 'info']({ err }, m)) : undefined;
  const app = await buildApp({
    db, reads, logger: serverLoggerOptions(), admin: config.adminToken ? { token: config.adminToken, refresh } : undefined, bulkRoot: bulkRoot(config.dataDir),
    limits: { rateLimit: config.rateLimit, expensive: config.expensiveConcurrency === null ? {} : { concurrency: config.expensiveConcurrency } },
  });
  // Which process answered: behind a proxy or with --workers, the one to look for in the logs.
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('x-glacier-pid', String(process.pid));
  });
  log = app.log;
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stderr.write(`Glacier API on http://${config.host}:${port}  (docs: http://${config.host}:${port}/docs)  pid ${process.pid}${config.readDatabase ? '; reading from DATABASE_READ_URL once it has replayed the current version' : ''}\n`);
  process.stderr.write(`${config.refreshMs === null ? 'background refresh off' : `refreshing every ${formatInterval(config.refreshMs)}`}${config.adminToken ? '; POST /v1/admin/ingest enabled' : ''}\n`);
  void warmUp(app).then(() => bulk.ensure());
  refresh.start();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await refresh.stop();
  await app.close();
  // The replica's pool; `db` (the primary) is closed by whoever opened it.
  if (reads) await reads.closeReplica();
}

function formatInterval(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000]] as const) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms / 60_000}m`;
}

/**
 * The dashboard's first view needs every country's series (the map's matrix, built once per data
 * version: ~1–2 s). Built now, in the background, the first visitor does not wait for it.
 */
export const WARM_UP_URLS = [
  '/v1/map?metric=confirmed&transform=daily_7day_avg_per_100k&level=country',
  // The all-counties map a drill-down reaches (3,000+ series: ~3 s cold on PGlite).
  '/v1/map?metric=confirmed&transform=daily_7day_avg_per_100k&level=county',
];

async function warmUp(app: Awaited<ReturnType<typeof buildApp>>): Promise<void> {
  for (const url of WARM_UP_URLS) {
    const t0 = performance.now();
    const r = await app.inject({ method: 'GET', url }).catch(() => null);
    app.log.info({ url, status: r?.statusCode ?? 'failed', ms: Math.round(performance.now() - t0) }, 'warm-up');
  }
}
