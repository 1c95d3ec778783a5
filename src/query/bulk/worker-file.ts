import { parentPort, Worker } from 'node:worker_threads';
import { siblingModule } from '../../lib/sibling-module.js';

/**
 * A bulk file written by a worker thread (the Parquet encoder, the CSV lines and their gzip): the
 * build's thread reads pages from the store and posts them; the encoding never holds the server's
 * event loop. Flow control: at most `maxInFlight` rows posted and not yet written, so a slow
 * encoder makes the reader wait instead of the pages piling up in memory.
 *
 * Messages in: `{ open }`, `{ page, rows }` (any number), `{ close: true }`; out: `{ acked: rows }`
 * after each page, `{ closed: true }`, or `{ error }` once, after which the worker takes no more.
 * A failure (an error in the worker, the worker dying) rejects the next `room()` or `close()` with
 * `<name> worker: <the worker's error>`; the build then stops the worker and deletes its folder.
 */
export interface WorkerFile<P> {
  /** Resolves when the worker can take another page; rejects once it has failed. */
  room(): Promise<void>;
  /** Posts a page of `rows` rows (after room()); `transfer`: buffers moved to the worker, not copied. */
  send(page: P, rows: number, transfer?: ArrayBuffer[]): void;
  /** Finishes the file; rejects if the worker failed at any point. */
  close(): Promise<void>;
  /** Stops the worker without finishing the file (the build failed elsewhere). */
  abort(): Promise<void>;
}

export type ToWorker<O, P> = { open: O } | { page: P; rows: number } | { close: true };
export type FromWorker = { acked: number } | { closed: true } | { error: string };

/**
 * A worker thread that writes bulk files one after another (a build's tables are written in turn):
 * one per format for the whole build, not one per file, so a build of 9 tables starts 2 workers
 * instead of 18 (each start loads the encoder's modules again; under tsx, compiles them too).
 * A failure is final: the file being written fails, and so does any later one.
 */
export class FileWorker {
  private worker: Worker | null = null;
  private failure: Error | null = null;
  private ended = false;
  /** The file being written: its wake-ups on acks, on closing and on a failure. */
  private file: { inFlight: number; wake: (() => void) | null; closed: (() => void) | null } | null = null;

  constructor(
    private readonly name: string,
    private readonly entry: string,
  ) {}

  /** Opens a file on the worker (started on first use); the previous file must be closed. */
  open<O, P>(open: O, maxInFlight: number): WorkerFile<P> {
    if (this.file) throw new Error(`${this.name} worker: a file is open already`);
    const worker = (this.worker ??= this.start());
    const file = (this.file = { inFlight: 0, wake: null as (() => void) | null, closed: null as (() => void) | null });
    const post = (m: ToWorker<O, P>, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
    if (!this.failure) post({ open });
    return {
      room: async () => {
        while (file.inFlight > maxInFlight && !this.failure) await new Promise<void>((resolve) => (file.wake = resolve));
        if (this.failure) throw this.failure;
      },
      send: (page, rows, transfer) => {
        if (this.failure) throw this.failure;
        file.inFlight += rows;
        post({ page, rows }, transfer);
      },
      close: async () => {
        try {
          if (!this.failure) {
            await new Promise<void>((resolve) => {
              file.closed = resolve;
              post({ close: true });
            });
          }
          if (this.failure) throw this.failure;
        } finally {
          this.file = null;
        }
      },
      abort: () => this.terminate(),
    };
  }

  /** Stops the worker (at the end of the build, or after a failure). */
  async terminate(): Promise<void> {
    this.ended = true;
    this.file = null;
    await this.worker?.terminate();
  }

  private start(): Worker {
    const worker = startWorker(this.entry);
    const notify = () => {
      const f = this.file;
      if (!f) return;
      const w = f.wake;
      f.wake = null;
      w?.();
      if (this.failure) f.closed?.();
    };
    const fail = (message: string) => {
      this.failure ??= new Error(`${this.name} worker: ${message}`);
      notify();
    };
    worker.on('message', (m: FromWorker) => {
      if ('acked' in m) {
        if (this.file) this.file.inFlight -= m.acked;
      } else if ('closed' in m) this.file?.closed?.();
      else fail(m.error);
      notify();
    });
    worker.on('error', (err) => fail(err.stack ?? err.message));
    worker.on('exit', (code) => {
      if (!this.ended) fail(`exited (code ${code}) before the file was finished`);
    });
    return worker;
  }
}

/**
 * The worker's side: runs `open`, each page and `close` one after the other (a handler may be
 * async: the next message waits for it), acknowledges each page, and reports the first error
 * (then ignores the rest: the build's side stops and deletes the file).
 */
export function serveWorkerFile<O, P>(handlers: { open(o: O): void | Promise<void>; page(p: P): void | Promise<void>; close(): void | Promise<void> }): void {
  const port = parentPort!;
  let chain = Promise.resolve();
  let failed = false;
  const reply = (m: FromWorker) => port.postMessage(m);
  port.on('message', (m: ToWorker<O, P>) => {
    chain = chain.then(async () => {
      if (failed) return;
      try {
        if ('open' in m) await handlers.open(m.open);
        else if ('page' in m) {
          await handlers.page(m.page);
          reply({ acked: m.rows });
        } else {
          await handlers.close();
          reply({ closed: true });
        }
      } catch (err) {
        failed = true;
        reply({ error: err instanceof Error ? err.stack ?? err.message : String(err) });
      }
    });
  });
}

/**
 * A worker running the sibling module `entry`. Under tsx or vitest the worker is the .ts source
 * and registers tsx's loader first: `--import tsx` in a worker's execArgv does not reach a
 * worker's module loading on Node 20.
 */
function startWorker(entry: string): Worker {
  const { url, source } = siblingModule(import.meta.url, entry);
  if (!source) return new Worker(url);
  const tsxApi = tsxApiUrl();
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true });
}

/** tsx's ESM register API, as this module resolves it (a bare specifier from an eval worker would resolve from the cwd). */
function tsxApiUrl(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return 'tsx/esm/api';
  }
}
