import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefreshScheduler, type SchedulerOptions } from './refresh-scheduler.js';

const HOUR = 3_600_000;

/** A run the test finishes by hand, recording when each started and with which sources. */
function controllableRuns() {
  const started: { at: number; sources: string[]; signal: AbortSignal }[] = [];
  const finishers: ((fail?: Error) => void)[] = [];
  const run: SchedulerOptions['run'] = (sources, signal) => {
    started.push({ at: Date.now(), sources, signal });
    return new Promise((resolve, reject) => finishers.push((fail) => (fail ? reject(fail) : resolve({ ok: true }))));
  };
  return { run, started, finish: (fail?: Error) => finishers.shift()!(fail) };
}

describe('refresh scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
  const log = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

  it('runs one interval after start, then one interval after each run ends, never two at once', async () => {
    const r = controllableRuns();
    const s = createRefreshScheduler({ run: r.run, sourceIds: ['who'], intervalMs: 6 * HOUR, log: log(), timers });
    s.start();
    await vi.advanceTimersByTimeAsync(6 * HOUR - 1);
    expect(r.started).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.started.map((x) => x.at - Date.parse('2026-01-01T00:00:00Z'))).toEqual([6 * HOUR]);
    // A run lasting 10 h: no second run starts meanwhile, on schedule or on demand.
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(r.started).toHaveLength(1);
    expect(s.trigger(['who'], 'admin')).toBeNull();
    r.finish();
    await vi.advanceTimersByTimeAsync(6 * HOUR - 1);
    expect(r.started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.started.map((x) => (x.at - Date.parse('2026-01-01T00:00:00Z')) / HOUR)).toEqual([6, 22]);
    r.finish();
    await s.stop();
  });

  it('logs a failed run and keeps the schedule', async () => {
    const r = controllableRuns();
    const l = log();
    const s = createRefreshScheduler({ run: r.run, sourceIds: [], intervalMs: HOUR, log: l, timers });
    s.start();
    await vi.advanceTimersByTimeAsync(HOUR);
    r.finish(new Error('upstream down'));
    await s.idle();
    expect(l.error).toHaveBeenCalledWith(expect.objectContaining({ err: new Error('upstream down') }), expect.stringContaining('failed'));
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(r.started).toHaveLength(2);
    r.finish();
    await s.stop();
  });

  it('starts on demand with the given sources and numbers the runs; off means only on demand', async () => {
    const r = controllableRuns();
    const s = createRefreshScheduler({ run: r.run, sourceIds: ['who', 'ecdc'], intervalMs: null, log: log(), timers });
    s.start();
    await vi.advanceTimersByTimeAsync(100 * HOUR);
    expect(r.started).toHaveLength(0);
    const first = s.trigger(['ecdc'], 'admin');
    expect(first).toEqual({ id: 1, sources: ['ecdc'], trigger: 'admin', startedAt: new Date(Date.now()).toISOString() });
    expect(s.running()).toEqual(first);
    r.finish();
    await s.idle();
    expect(s.running()).toBeNull();
    expect(s.trigger([], 'admin')).toMatchObject({ id: 2, sources: [] });
    expect(r.started.map((x) => x.sources)).toEqual([['ecdc'], []]);
    r.finish();
    await vi.advanceTimersByTimeAsync(100 * HOUR);
    expect(r.started).toHaveLength(2);
    await s.stop();
  });

  it('on stop: no timer left, the running refresh is aborted and awaited, nothing starts afterwards', async () => {
    const r = controllableRuns();
    const s = createRefreshScheduler({ run: r.run, sourceIds: [], intervalMs: HOUR, log: log(), timers });
    s.start();
    await vi.advanceTimersByTimeAsync(HOUR);
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(r.started[0].signal.aborted).toBe(true);
    expect(stopped).toBe(false); // waits for the run to end, so the database is not closed under it
    r.finish();
    await stopping;
    expect(vi.getTimerCount()).toBe(0);
    expect(s.trigger([], 'admin')).toBeNull();
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(r.started).toHaveLength(1);
  });
});
