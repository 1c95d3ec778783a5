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
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
}
