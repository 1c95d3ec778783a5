import { AsyncResource } from 'node:async_hooks';
import { LRUCache } from 'lru-cache';
import { QueryError } from './errors.js';

/**
 * The gate every expensive answer goes through (maps and discrepancies as of a date, county maps,
 * compare, models). It keeps the server answering cheap requests while expensive ones run:
 * - results are kept by data version, bounded in bytes, least recently used out;
 * - identical concurrent jobs (same key and data version) are computed once (single flight);
 * - at most `concurrency` jobs compute at once: each job's work is cut into slices that yield to
 *   the event loop, so a cheap request waits behind at most `concurrency` slices, not behind every
 *   client's (docs/api.md "Cost bounds" has the figures);
 * - at most `queue` jobs wait for a slot; one more is refused at once with ERR_OVERLOADED and a
 *   Retry-After estimate instead of piling up;
 * - each job has a time budget counted from its arrival (queueing included): past it the caller
 *   gets ERR_OVERLOADED (still queued) or ERR_TIMEOUT (computing), never a hang, and the job's
 *   AbortSignal fires so that work stops at its next slice.
 */
export interface ExpensiveLimits {
  /** Jobs computing at once (default 2: one per core of the target machine). */
  concurrency: number;
  /** Jobs waiting for a slot beyond those computing. */
  queue: number;
  /** A job's time budget from arrival to result (ms). */
  budgetMs: number;
  /** Bytes of results kept. */
  maxBytes: number;
}

export const DEFAULT_EXPENSIVE_LIMITS: ExpensiveLimits = { concurrency: 2, queue: 32, budgetMs: 60_000, maxBytes: 256 << 20 };

export interface ExpensiveJob<T> {
  /** What the result is: two jobs with one key and data version have the same result. */
  key: string;
  version: number;
  compute(signal: AbortSignal): Promise<T>;
  /** The result's size for the memory bound; omitted: the result is not kept (only shared while computing). */
  bytes?(result: T): number;
}

export interface ExpensiveStats {
  /** Jobs whose compute() ran. */
  computed: number;
  /** Answered from a kept result. */
  hits: number;
  /** Joined a computation already running or queued. */
  joined: number;
  /** Refused because the queue was full (ERR_OVERLOADED). */
  refused: number;
  /** Ran out of budget (ERR_OVERLOADED while queued, ERR_TIMEOUT while computing). */
  timedOut: number;
  running: number;
  queued: number;
  keptBytes: number;
}

interface Waiter {
  start(): void;
}

export class ExpensiveWork {
  readonly limits: ExpensiveLimits;
  private readonly kept: LRUCache<string, { value: unknown; bytes: number }>;
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly waiting: Waiter[] = [];
  private running = 0;
  private version = Number.NaN;
  /** Mean compute time (exponentially weighted), for Retry-After. */
  private meanMs = 1000;
  private readonly counts = { computed: 0, hits: 0, joined: 0, refused: 0, timedOut: 0 };

  constructor(limits: Partial<ExpensiveLimits> = {}) {
    this.limits = { ...DEFAULT_EXPENSIVE_LIMITS, ...limits };
    this.kept = new LRUCache({ maxSize: this.limits.maxBytes, sizeCalculation: (e) => Math.max(1, Math.ceil(e.bytes)) });
  }

  stats(): ExpensiveStats {
    return { ...this.counts, running: this.running, queued: this.waiting.length, keptBytes: this.kept.calculatedSize };
  }

  /**
   * A part that several jobs share (the list of a level's series, say), computed once per data
   * version and kept like a result, but without a slot or budget of its own: it is called from
   * inside a job, which already holds a slot (a job waiting for a second slot could wait for itself).
   */
  memo<T>(job: ExpensiveJob<T> & { bytes(result: T): number }): Promise<T> {
    return this.lookup(job, async (id) => {
      const value = await job.compute(new AbortController().signal);
      this.kept.set(id, { value, bytes: job.bytes(value) });
      return value;
    });
  }

  run<T>(job: ExpensiveJob<T>): Promise<T> {
    return this.lookup(job, (id) => this.schedule(job, id));
  }

  /** A kept result, or the computation already running, or `start` a new one (shared until it ends). */
  private lookup<T>(job: ExpensiveJob<T>, start: (id: string) => Promise<T>): Promise<T> {
    if (job.version !== this.version) {
      // Results of an older data version are never served again.
      this.kept.clear();
      this.version = job.version;
    }
    const id = `${job.version}\u0000${job.key}`;
    const hit = this.kept.get(id);
    if (hit) {
      this.counts.hits++;
      return Promise.resolve(hit.value as T);
    }
    const pending = this.inflight.get(id);
    if (pending) {
      this.counts.joined++;
      return pending as Promise<T>;
    }
    const p = start(id);
    this.inflight.set(id, p);
    const forget = () => {
      if (this.inflight.get(id) === p) this.inflight.delete(id);
    };
    p.then(forget, forget);
    return p;
  }

  private schedule<T>(job: ExpensiveJob<T>, id: string): Promise<T> {
    if (this.running >= this.limits.concurrency && this.waiting.length >= this.limits.queue) {
      this.counts.refused++;
      return Promise.reject(this.overloaded(`${this.running} expensive requests are computing and ${this.waiting.length} are queued`));
    }
    // A queued job starts when another ends, from inside that one's callbacks: bound here, it runs
    // in its own caller's async context (with a read replica, that request's pinned snapshot).
    const compute = AsyncResource.bind((signal: AbortSignal) => job.compute(signal));
    return new Promise<T>((resolve, reject) => {
      const controller = new AbortController();
      let state: 'queued' | 'running' | 'done' = 'queued';
      const finish = () => {
        state = 'done';
        clearTimeout(timer);
      };
      const timer = setTimeout(() => {
        if (state === 'done') return;
        this.counts.timedOut++;
        if (state === 'queued') {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(this.overloaded(`waited ${Math.round(this.limits.budgetMs / 1000)} s for a free slot`));
        } else {
          reject(new QueryError('ERR_TIMEOUT', `the answer did not finish within its time budget (${Math.round(this.limits.budgetMs / 1000)} s)`, undefined, this.retryAfter()));
        }
        state = 'done';
        // The work stops at its next slice; its slot is freed when it actually ends.
        controller.abort();
      }, this.limits.budgetMs);
      timer.unref?.();
      const waiter: Waiter = {
        start: () => {
          state = 'running';
          this.running++;
          this.counts.computed++;
          const started = performance.now();
          // The slot is free before the caller hears of the result: its next request finds it free.
          const settle = (answer: () => void) => {
            this.meanMs = 0.8 * this.meanMs + 0.2 * (performance.now() - started);
            this.running--;
            if (state !== 'done') answer();
            finish();
            this.next();
          };
          compute(controller.signal).then(
            (value) => {
              if (job.bytes) this.kept.set(id, { value, bytes: job.bytes(value) });
              settle(() => resolve(value));
            },
            (err: unknown) => settle(() => reject(err)),
          );
        },
      };
      if (this.running < this.limits.concurrency) waiter.start();
      else this.waiting.push(waiter);
    });
  }

  private next(): void {
    while (this.running < this.limits.concurrency && this.waiting.length) this.waiting.shift()!.start();
  }

  /** Seconds until a slot is likely free: the queue ahead times the mean job, spread over the slots. */
  private retryAfter(): number {
    const ahead = this.running + this.waiting.length;
    return Math.max(1, Math.ceil((this.meanMs * Math.max(1, ahead)) / this.limits.concurrency / 1000));
  }

  private overloaded(why: string): QueryError {
    return new QueryError('ERR_OVERLOADED', `the server is busy with expensive requests (${why}); try again after Retry-After`, undefined, this.retryAfter());
  }
}

/**
 * Lets pending I/O (other clients' requests) run before the caller goes on: call it between
 * slices of long work. setImmediate puts the rest after the poll phase, where sockets are read.
 */
export function yieldToEventLoop(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      if (signal?.aborted) reject(new QueryError('ERR_TIMEOUT', 'the answer did not finish within its time budget'));
      else resolve();
    }),
  );
}

/**
 * Cuts long work into slices: `tick()` between units of work yields to the event loop once a
 * slice has run `sliceMs`, and stops the work (ERR_TIMEOUT) once its job's budget has run out.
 * Without a signal (the CLI) it only yields.
 */
export class Slicer {
  private last = performance.now();

  constructor(
    readonly signal?: AbortSignal,
    readonly sliceMs = 8,
  ) {}

  async tick(): Promise<void> {
    if (performance.now() - this.last < this.sliceMs) return;
    await yieldToEventLoop(this.signal);
    this.last = performance.now();
  }
}
