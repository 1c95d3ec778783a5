import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../../config.js';

/**
 * `serve --workers N`: N server processes behind one port with Node's cluster module (the
 * primary accepts connections and hands them to the workers in turn). The primary opens no
 * database and serves nothing: it starts the workers, starts again one that dies, and on
 * SIGTERM/SIGINT stops them all (each finishes its requests and its refresh step) before it ends.
 */

/** Set by the primary in each worker's environment: 1…N. */
const WORKER_INDEX = 'GLACIER_WORKER_INDEX';

export function isServerWorker(): boolean {
  return cluster.isWorker;
}

/** A worker that has stopped serving lets go of its channel to the primary (which would keep it alive). */
export function leaveCluster(): void {
  if (cluster.isWorker && cluster.worker?.isConnected()) cluster.worker.disconnect();
}

/**
 * A worker's configuration. The refresh schedule runs in worker 1 only: the other workers would
 * only wait on the ingest lock at the same moments; every worker re-reads the data version at
 * least once a second, so all caches move to a refresh's data within a second of its commit.
 * POST /v1/admin/ingest still works in whichever worker receives it (under the same ingest lock).
 */
export function workerConfig(config: Config, env: NodeJS.ProcessEnv = process.env): Config {
  const index = Number(env[WORKER_INDEX] ?? '1');
  return index === 1 ? config : { ...config, refreshMs: null };
}

export interface WorkerLog {
  (message: string): void;
}

/** Restarts allowed per minute before the primary gives up (a worker that cannot start at all). */
const MAX_RESTARTS_PER_MINUTE = 5;

export async function runWorkers(config: Config, log: WorkerLog = (m) => process.stderr.write(`${m}\n`)): Promise<void> {
  const workers = new Map<Worker, number>();
  const restarts: number[] = [];
  let stopping = false;
  let failure: Error | null = null;

  const fork = (index: number) => {
    const worker = cluster.fork({ [WORKER_INDEX]: String(index) });
    workers.set(worker, index);
  };

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log(`glacier: ${signal}: stopping ${workers.size} worker(s)`);
      for (const worker of workers.keys()) worker.process.kill('SIGTERM');
      if (workers.size === 0) resolve();
    };
    cluster.on('exit', (worker, code, signal) => {
      const index = workers.get(worker) ?? 0;
      workers.delete(worker);
      if (stopping) {
        if (workers.size === 0) resolve();
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
        failure = new Error(`workers exited ${restarts.length} times within a minute (last: worker ${index}, ${signal ?? `code ${code}`}); stopping`);
        log(`glacier: ${failure.message}`);
        stop('SIGTERM');
        return;
      }
      log(`glacier: worker ${index} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); starting it again`);
      fork(index);
    });
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    log(`glacier: starting ${config.workers} server processes on ${config.host}:${config.port} (primary pid ${process.pid})`);
    for (let i = 1; i <= config.workers; i++) fork(i);
  });
  if (failure) throw failure;
}
