#!/usr/bin/env node
import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type ConfigOverrides } from '../config.js';
import { FetchError } from '../ingest/fetch/index.js';
import { migrate } from '../store/migrate.js';
import { failedRuns, runIngest } from './commands/ingest.js';
import { serve } from './commands/serve.js';
import { printSources } from './commands/sources.js';
import { openStore } from './context.js';
import { CliError, EXIT } from './errors.js';

const program = new Command('glacier')
  .description('Glacier: every public COVID-19 source, versioned, reconciled and served.')
  .option('--database-url <url>', 'postgres://…, memory:// or pglite://DIR (env DATABASE_URL; default: embedded PGlite in the data folder)')
  .option('--data-dir <dir>', 'embedded database and downloaded files (env GLACIER_DATA_DIR; default ./.glacier)')
  .showHelpAfterError();

function config(cmd: Command, extra: ConfigOverrides = {}) {
  const g = cmd.optsWithGlobals<{ databaseUrl?: string; dataDir?: string; mirror?: string; host?: string; port?: string }>();
  return loadConfig(process.env, { databaseUrl: g.databaseUrl, dataDir: g.dataDir, mirror: g.mirror, host: g.host, port: g.port, ...extra });
}

const mirrorOption = () => new Option('--mirror <dir>', 'read files from a local folder laid out like ../shared/data instead of upstream URLs (env GLACIER_MIRROR)');

program
  .command('ingest')
  .description('fetch, check and store sources (all by default); exits 1 if any source failed')
  .option('--source <id...>', 'only these sources (see `glacier sources`)')
  .addOption(mirrorOption())
  .option('--issue <date>', 'the vintage to ingest: with a mirror, which dated copy to read; upstream, the date to record')
  .option('--force', 're-read files even when they are unchanged since the last successful run')
  .action(async (opts, cmd: Command) => {
    const cfg = config(cmd);
    const db = await openStore(cfg);
    try {
      const runs = await runIngest(db, cfg, opts);
      const failed = failedRuns(runs);
      if (failed.length) throw new CliError(`${failed.length} of ${runs.length} runs failed: ${failed.map((r) => r.sourceId).join(', ')}`, EXIT.failed);
    } finally {
      await db.close();
    }
  });

program
  .command('serve')
  .description('serve the API (and /docs) on HOST:PORT')
  .option('--host <host>', 'env HOST; default 127.0.0.1')
  .option('--port <port>', 'env PORT; default 8080')
  .action(async (_opts, cmd: Command) => {
    const cfg = config(cmd);
    const db = await openStore(cfg);
    try {
      await serve(db, cfg);
    } finally {
      await db.close();
    }
  });

program
  .command('start')
  .description('the main job: migrate, ingest every source, then serve')
  .addOption(mirrorOption())
  .option('--host <host>', 'env HOST; default 127.0.0.1')
  .option('--port <port>', 'env PORT; default 8080')
  .option('--force', 're-read unchanged files')
  .action(async (opts, cmd: Command) => {
    const cfg = config(cmd);
    const db = await openStore(cfg);
    try {
      const runs = await runIngest(db, cfg, { force: opts.force });
      const failed = failedRuns(runs);
      if (failed.length) {
        const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM series');
        if (row.n === 0) throw new CliError(`nothing to serve: ${failed[0].error}`, EXIT.failed);
        process.stderr.write(`warning: ${failed.length} source run(s) failed; serving the data stored so far\n`);
      }
      await serve(db, cfg);
    } finally {
      await db.close();
    }
  });

program
  .command('sources')
  .description('list the sources, their licences and their last runs')
  .action(async (_opts, cmd: Command) => {
    const db = await openStore(config(cmd));
    try {
      await printSources(db);
    } finally {
      await db.close();
    }
  });

program
  .command('migrate')
  .description('create or update the database schema')
  .action(async (_opts, cmd: Command) => {
    const { openDb } = await import('../store/db.js');
    const db = await openDb(config(cmd).database);
    try {
      const r = await migrate(db);
      process.stdout.write(r.applied.length ? `applied ${r.applied.join(', ')}\n` : `schema up to date (version ${r.current})\n`);
    } finally {
      await db.close();
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  const known = err instanceof CliError || err instanceof ConfigError || err instanceof FetchError;
  const code = err instanceof CliError ? err.exitCode : err instanceof ConfigError ? EXIT.usage : EXIT.failed;
  process.stderr.write(`glacier: ${err instanceof Error ? err.message : String(err)}\n`);
  if (!known && process.env.GLACIER_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
  process.exitCode = code;
});
