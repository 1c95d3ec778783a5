import type { RefreshController, RefreshStarted } from '../domain/refresh.js';

/** The timer functions the scheduler uses, injected so tests drive time themselves. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerOptions {
  /** One refresh; `signal` aborts between sources when the server stops. Resolves to what is logged. */
  run(sources: string[], signal: AbortSignal): Promise<object>;
  sourceIds: readonly string[];
  /** Time between the end of one refresh and the start of the next; null: only on demand. */
  intervalMs: number | null;
  log: SchedulerLog;
  clock?: () => Date;
  timers?: Timers;
}

export interface RefreshScheduler extends RefreshController {
  /** Arms the first scheduled refresh (one interval from now). */
  start(): void;
  /** No more refreshes; aborts the running one between sources and waits for it to end. */
  stop(): Promise<void>;
  /** The running refresh's promise (tests). */
  idle(): Promise<void>;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending refresh must not keep a stopping process alive.
    t.unref();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/**
 * Runs the ingest in the background, every `intervalMs` after the previous run ended (so runs
 * never overlap, however long one takes), and on demand. A run that fails is logged, never
 * thrown: the server keeps serving the last committed data.
 */
export function createRefreshScheduler(opts: SchedulerOptions): RefreshScheduler {
  const timers = opts.timers ?? realTimers;
  const clock = opts.clock ?? (() => new Date());
  let timer: unknown = null;
  let stopped = false;
  let current: { info: RefreshStarted; done: Promise<void>; abort: AbortController } | null = null;
  let nextId = 1;

  const arm = () => {
    if (stopped || opts.intervalMs === null) return;
    timer = timers.setTimeout(() => {
      timer = null;
      // An on-demand run may hold the slot: this round is skipped, the next one armed when it ends.
      if (!trigger([], 'schedule')) opts.log.info({}, 'refresh: scheduled run skipped, one is already running');
    }, opts.intervalMs);
  };

  function trigger(sources: string[], kind: RefreshStarted['trigger']): RefreshStarted | null {
    if (stopped || current) return null;
    if (timer !== null) {
      timers.clearTimeout(timer);
      timer = null;
    }
    const info: RefreshStarted = { id: nextId++, sources: [...sources], trigger: kind, startedAt: clock().toISOString() };
    const abort = new AbortController();
    opts.log.info({ refresh: info }, 'refresh: started');
    const done = opts
      .run(info.sources, abort.signal)
      .then(
        (result) => opts.log.info({ refresh: info, result, ms: clock().getTime() - Date.parse(info.startedAt) }, 'refresh: finished'),
        (err: unknown) => opts.log.error({ refresh: info, err }, 'refresh: failed; serving the data committed before it'),
      )
      .finally(() => {
        current = null;
        arm();
      });
    current = { info, done, abort };
    return info;
  }

  return {
    sourceIds: opts.sourceIds,
    trigger,
    running: () => current?.info ?? null,
    start() {
      if (timer === null && !current) arm();
    },
    async stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      if (current) {
        current.abort.abort();
        await current.done;
      }
    },
    idle: () => current?.done ?? Promise.resolve(),
  };
}
