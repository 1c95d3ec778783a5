#!/usr/bin/env node
import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type ConfigOverrides } from '../config.js';
import { FetchError } from '../ingest/fetch/index.js';
import { migrate } from '../store/migrate.js';
import { seriesCount } from '../store/read-sources.js';
import { isServerWorker, leaveCluster, runWorkers, workerConfig } from './commands/serve-workers.js';
import type { Db } from '../store/db.js';
import { withStore } from './context.js';
import { CliError, cliErrorOf, EXIT } from './errors.js';

const program = new Command('glacier')
  .description('Glacier: every public COVID-19 source, versioned, reconciled and served.')
  .option('--database-url <url>', 'postgres://…, memory:// or pglite://DIR (env DATABASE_URL; default: embedded PGlite in the data folder)')
  .option('--data-dir <dir>', 'embedded database and downloaded files (env GLACIER_DATA_DIR; default ./.glacier)')
  .showHelpAfterError();

function config(cmd: Command, extra: ConfigOverrides = {}) {
  const g = cmd.optsWithGlobals<{ databaseUrl?: string; dataDir?: string; mirror?: string; host?: string; port?: string; refresh?: string }>();
  return loadConfig(process.env, { databaseUrl: g.databaseUrl, dataDir: g.dataDir, mirror: g.mirror, host: g.host, port: g.port, refresh: g.refresh, ...extra });
}

const refreshOption = () =>
  new Option('--refresh <interval>', 'ingest again in the background every 30m, 6h, 1d, … or off (env GLACIER_REFRESH; default 6h upstream, off with a mirror)');

const workersOption = () =>
  new Option('--workers <n>', 'server processes behind the one port (env GLACIER_WORKERS; default: the number of cores on PostgreSQL, 1 on the embedded database, which allows only 1)');

// The server (Fastify, every route) and the ingest (every connector) are loaded by the commands
// that use them: loading the server took most of a 2.6 s start of any other command.
// So is each other command's code, by that command only: `glacier rt` started with every
// command's modules (all the connectors for `sources`, the bulk writers for `export`, the models),
// about 1 s of CPU more than its own need (2026-12-07).
const loadServe = () => import('./commands/serve.js');
const loadIngest = () => import('./commands/ingest.js');
const loadExport = () => import('./commands/export.js');
const loadResearch = () => import('./commands/research.js');
const loadSources = () => import('./commands/sources.js');
const loadRt = () => import('./commands/rt.js');
const loadBacktest = () => import('./commands/backtest.js');
const loadForecast = () => import('./commands/forecast.js');

/** With --workers above 1 this process starts the workers and waits; each worker serves. */
async function serveOrRunWorkers(db: Db, cfg: ReturnType<typeof config>): Promise<void> {
  if (cfg.workers > 1 && !isServerWorker()) return runWorkers(cfg);
  const { serve } = await loadServe();
  if (!isServerWorker()) return serve(db, cfg);
  try {
    await serve(db, workerConfig(cfg));
  } finally {
    leaveCluster();
  }
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
    const { failedRuns, LOCK_HELD, runIngest } = await loadIngest();
    await withStore(cfg, async (db) => {
      const runs = await runIngest(db, cfg, opts);
      if (!runs) throw new CliError(LOCK_HELD, EXIT.failed);
      const failed = failedRuns(runs);
      if (failed.length) throw new CliError(`${failed.length} of ${runs.length} runs failed: ${failed.map((r) => r.sourceId).join(', ')}`, EXIT.failed);
    });
  });

program
  .command('serve')
  .description('serve the API (and /docs) on HOST:PORT, refreshing the data in the background')
  .addOption(mirrorOption())
  .option('--host <host>', 'env HOST; default 127.0.0.1')
  .option('--port <port>', 'env PORT; default 8080')
  .addOption(refreshOption())
  .addOption(workersOption())
  .action(async (opts, cmd: Command) => {
    const cfg = config(cmd, { workers: opts.workers });
    await withStore(cfg, async (db) => {
      await serveOrRunWorkers(db, cfg);
    });
  });

program
  .command('start')
  .description('the main job: migrate, ingest every source, then serve')
  .addOption(mirrorOption())
  .option('--host <host>', 'env HOST; default 127.0.0.1')
  .option('--port <port>', 'env PORT; default 8080')
  .option('--force', 're-read unchanged files')
  .addOption(refreshOption())
  .addOption(workersOption())
  .action(async (opts, cmd: Command) => {
    const cfg = config(cmd, { workers: opts.workers });
    const { failedRuns, LOCK_HELD, runIngest } = await loadIngest();
    await withStore(cfg, async (db) => {
      // A worker of `start --workers N`: the primary has ingested already.
      if (isServerWorker()) return serveOrRunWorkers(db, cfg);
      // Another process ingesting (PostgreSQL): serve what is stored; its commits show up here.
      const runs = (await runIngest(db, cfg, { force: opts.force })) ?? (process.stderr.write(`note: ${LOCK_HELD}; serving the data stored so far\n`), []);
      const failed = failedRuns(runs);
      if (failed.length) {
        if ((await seriesCount(db)) === 0) throw new CliError(`nothing to serve: ${failed[0].error}`, EXIT.failed);
        process.stderr.write(`warning: ${failed.length} source run(s) failed; serving the data stored so far\n`);
      }
      await serveOrRunWorkers(db, cfg);
    });
  });

program
  .command('export')
  .description('bulk files: every table as Parquet and gzip CSV with a Frictionless datapackage.json (docs/api.md "Bulk files")')
  .option('--out <dir>', 'folder to write (default: the data folder, where `serve` lists them at /v1/bulk)')
  .option('--as-of <date>', 'the data as published on this date (series, anomalies, cases)')
  .option('--format <formats>', 'parquet, csv or both (default parquet,csv)')
  .option('--tables <names>', 'only these tables, comma-separated (series, series-by-source, locations, sources, anomalies, cases, papers, sequences, images)')
  .action(async (opts, cmd: Command) => {
    const cfg = config(cmd);
    const { runExport } = await loadExport();
    await withStore(cfg, (db) => runExport(db, cfg, opts, (text) => process.stderr.write(text)));
  });

program
  .command('sources')
  .description('list the sources, their licences and their last runs')
  .action(async (_opts, cmd: Command) => {
    const { printSources } = await loadSources();
    await withStore(config(cmd), async (db) => {
      await printSources(db);
    });
  });

program
  .command('rt')
  .description('the reproduction number Rt of one location over sliding windows (Cori et al., as EpiEstim), as CSV on stdout')
  .requiredOption('--location <key>', 'one location key, e.g. DE or US_CA')
  .option('--metric <metric>', 'cumulative metric (default confirmed)')
  .option('--source <id>', 'best (default) or one source id')
  .option('--as-of <date>', 'the data as published on this date')
  .option('--from <date>', 'only windows ending on or after this date')
  .option('--to <date>', 'only windows ending on or before this date')
  .option('--mean-si <days>', 'mean serial interval (default 4.7)')
  .option('--std-si <days>', 'sd of the serial interval (default 2.9)')
  .option('--si-distr <weights>', 'discrete serial interval P(0), P(1), … comma-separated, instead of --mean-si/--std-si')
  .option('--window <days>', 'days per sliding window (default 7)')
  .option('--windows <list>', 'given windows instead: START/END date pairs, comma-separated')
  .option('--include-early', 'keep the windows too early in the epidemic to trust')
  .option('--date-by <basis>', 'report (default) or onset: windows shifted back by the line lists’ median onset→confirmation delay')
  .option('--format <format>', 'csv (default) or json')
  .action(async (opts, cmd: Command) => {
    const { printRt, rtFormat, rtRequest } = await loadRt();
    const request = rtRequest(opts);
    const format = rtFormat(opts.format);
    await withStore(config(cmd), async (db) => {
      await printRt(db, request, format, (text) => process.stdout.write(text));
    });
  });

program
  .command('forecast')
  .description('quantile forecasts of weekly incident cases or deaths 1–4 weeks ahead, from the data as known on the reference date, as hubverse CSV on stdout')
  .requiredOption('--location <key>', 'one location key, e.g. DE or US_CA')
  .requiredOption('--target <target>', 'case or death')
  .requiredOption('--reference-date <date>', 'a Saturday: the end of the last observed week')
  .option('--model <model>', 'baseline, loglinear, ensemble or all (default)')
  .option('--as-of <date>', 'the data as published on this date (default: the reference date)')
  .option('--source <id>', 'best (default) or one source id')
  .action(async (opts, cmd: Command) => {
    const { forecastRequest, printForecast } = await loadForecast();
    const request = forecastRequest(opts);
    await withStore(config(cmd), async (db) => {
      await printForecast(db, request, (text) => process.stdout.write(text), (text) => process.stderr.write(text));
    });
  });

program
  .command('backtest')
  .description('forecasts at every Saturday of a range, each from the data as then known, scored against the latest data (WIS, coverage, relative WIS); scores CSV on stdout')
  .requiredOption('--location <key>', 'one location key')
  .requiredOption('--target <target>', 'case or death')
  .requiredOption('--from <date>', 'first reference date (the first Saturday on or after it)')
  .requiredOption('--to <date>', 'last reference date (the last Saturday on or before it)')
  .option('--model <model>', 'baseline, loglinear, ensemble or all (default)')
  .option('--source <id>', 'best (default) or one source id')
  .option('--summary', 'print the summary per model and horizon as CSV instead of the scores')
  .option('--latest-data', 'forecast from the latest data cut at each reference date instead of the data as then known (optimistic: for stores without vintages near the dates)')
  .action(async (opts, cmd: Command) => {
    const { backtestRequest, printBacktest } = await loadBacktest();
    const request = backtestRequest(opts);
    await withStore(config(cmd), async (db) => {
      await printBacktest(db, request, opts.summary ?? false, (text) => process.stdout.write(text));
    });
  });

program
  .command('datasets')
  .description('the catalog of COVID-19 research datasets: licence, redistribution class, what is held here (CSV on stdout)')
  .option('--type <type>', 'cases, imaging, literature, sequences, social or linelist')
  .option('--q <words>', 'words that must all appear in the entry')
  .option('--local', 'only datasets held here')
  .option('--format <format>', 'csv (default) or json')
  .action(async (opts, cmd: Command) => {
    const { printDatasets } = await loadResearch();
    await withStore(config(cmd), (db) => printDatasets(db, opts, (text) => process.stdout.write(text)));
  });

program
  .command('citation')
  .description('how to cite a dataset of the catalog: BibTeX (default) or RIS on stdout')
  .argument('<id>', 'dataset id (see `glacier datasets`)')
  .option('--format <format>', 'bibtex (default) or ris')
  .action(async (id: string, opts: { format?: string }) => {
    const { printCitation } = await loadResearch();
    await printCitation(id, opts.format, (text) => process.stdout.write(text));
  });

program
  .command('imaging-splits')
  .description('a patient-level train/val/test split of the imaging index, stratified by finding, as CSV on stdout')
  .option('--dataset <ids>', 'imaging datasets, comma-separated (default: all)')
  .option('--finding <prefix>', 'only findings under this hierarchy prefix, e.g. Pneumonia/Viral')
  .option('--ratios <list>', 'train,val,test fractions (default 0.7,0.15,0.15)')
  .option('--seed <n>', 'integer seed: same seed, same split (default 0)')
  .action(async (opts, cmd: Command) => {
    const { printImagingSplits } = await loadResearch();
    await withStore(config(cmd), (db) => printImagingSplits(db, opts, (text) => process.stdout.write(text)));
  });

program
  .command('imaging-audit')
  .description('audit a split (CSV with dataset,image_id,split): patients and duplicate images in several splits; exit 1 on leakage')
  .argument('<file>', 'the split as CSV')
  .action(async (file: string, _opts, cmd: Command) => {
    const { printImagingAudit } = await loadResearch();
    const leaky = await withStore(config(cmd), (db) => printImagingAudit(db, file, (text) => process.stdout.write(text)));
    if (leaky) process.exitCode = EXIT.failed;
  });

program
  .command('cases')
  .description('case records from the line lists as CSV on stdout (columns: docs/cases.md)')
  .option('--source <ids>', 'linelist-open, linelist-kudos (comma-separated)')
  .option('--location <key>', 'a location key: cases there or under it')
  .option('--sex <sex>', 'female, male or unknown')
  .option('--outcome <outcome>', 'recovered, died, hospitalized, stable or unknown')
  .option('--has <events>', 'events whose date must be known, e.g. onset,confirmation')
  .option('--as-of <date>', 'the records as the lists said on this date')
  .action(async (opts, cmd: Command) => {
    const { printCases } = await loadResearch();
    await withStore(config(cmd), (db) => printCases(db, opts, (text) => process.stdout.write(text)));
  });

program
  .command('delays')
  .description('the delay between two events of the case records, or the incubation period, fitted (gamma, lognormal, Weibull) with bootstrap intervals, as JSON')
  .option('--from <event>', 'first event (default onset)')
  .option('--to <event>', 'second event (default confirmation)')
  .option('--incubation', 'the incubation period from exposure windows instead')
  .option('--source <ids>', 'line lists, comma-separated')
  .option('--location <key>', 'a location key: cases there or under it')
  .option('--samples <n>', 'bootstrap samples (default 1000)')
  .action(async (opts, cmd: Command) => {
    const { printDelays } = await loadResearch();
    await withStore(config(cmd), (db) => printDelays(db, opts, (text) => process.stdout.write(text)));
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

program.parseAsync(process.argv).catch((thrown: unknown) => {
  // A use case's coded error (a flag's value, no data) becomes its exit code.
  const err = cliErrorOf(thrown);
  const known = err instanceof CliError || err instanceof ConfigError || err instanceof FetchError;
  const code = err instanceof CliError ? err.exitCode : err instanceof ConfigError ? EXIT.usage : EXIT.failed;
  process.stderr.write(`glacier: ${err instanceof Error ? err.message : String(err)}\n`);
  if (!known && process.env.GLACIER_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
  process.exitCode = code;
});
