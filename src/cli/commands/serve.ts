import { buildApp } from '../../api/app.js';
import type { Config } from '../../config.js';
import type { Db } from '../../store/db.js';

/** Listens until SIGINT/SIGTERM, then closes the server and the database. */
export async function serve(db: Db, config: Config): Promise<void> {
  const app = await buildApp({ db, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stderr.write(`Glacier API on http://${config.host}:${port}  (docs: http://${config.host}:${port}/docs)\n`);
  void warmUp(app);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
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
