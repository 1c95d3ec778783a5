import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { QueryError } from './errors.js';
import { ExpensiveWork, yieldToEventLoop } from './expensive.js';

/** A job whose result is released by hand, counting its computations. */
function gated<T>(value: T) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  const calls = { n: 0 };
  return {
    calls,
    release: () => release(),
    compute: async () => {
      calls.n++;
      await done;
      return value;
    },
  };
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof QueryError ? e.code : String(e)));

describe('ExpensiveWork', () => {
  it('computes N identical concurrent jobs once and gives each caller the result', async () => {
    const work = new ExpensiveWork();
    const job = gated({ rows: 3 });
    const callers = Array.from({ length: 8 }, () => work.run({ key: 'map|country|2020-06-30', version: 1, compute: job.compute, bytes: () => 100 }));
    job.release();
    const results = await Promise.all(callers);
    expect(job.calls.n).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(work.stats()).toMatchObject({ computed: 1, joined: 7 });
  });

  it('runs a queued job in its own caller’s async context, not in the one of the job that freed the slot', async () => {
    // With a read replica each request's reads are pinned to its snapshot through such a context.
    const work = new ExpensiveWork({ concurrency: 1 });
    const request = new AsyncLocalStorage<string>();
    const first = gated('first');
    const seen: (string | undefined)[] = [];
    const a = request.run('request A', () => work.run({ key: 'a', version: 1, compute: async () => (seen.push(request.getStore()), first.compute()) }));
    const b = request.run('request B', () => work.run({ key: 'b', version: 1, compute: async () => (seen.push(request.getStore()), 'second') }));
    first.release();
    expect(await Promise.all([a, b])).toEqual(['first', 'second']);
    expect(seen).toEqual(['request A', 'request B']);
  });

  it('keeps results by data version: a repeat is a hit, a new version computes again', async () => {
    const work = new ExpensiveWork();
    let calls = 0;
    const job = (version: number) => ({ key: 'k', version, compute: async () => ++calls, bytes: () => 8 });
    expect(await work.run(job(1))).toBe(1);
    expect(await work.run(job(1))).toBe(1);
    expect(await work.run(job(2))).toBe(2);
    expect(await work.run(job(1))).toBe(3); // version 1's result went with the version change
    expect(work.stats().hits).toBe(1);
  });

  it('bounds kept results by bytes, least recently used out', async () => {
    const work = new ExpensiveWork({ maxBytes: 100 });
    const computed: string[] = [];
    const job = (key: string) => ({ key, version: 1, compute: async () => (computed.push(key), key), bytes: () => 40 });
    for (const k of ['a', 'b']) await work.run(job(k));
    await work.run(job('a')); // a is now the most recently used
    await work.run(job('c')); // 120 bytes > 100: b goes
    await work.run(job('a'));
    await work.run(job('b'));
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
    expect(work.stats().keptBytes).toBeLessThanOrEqual(100);
  });

  it('runs at most `concurrency` jobs at once and refuses past the queue with ERR_OVERLOADED and a Retry-After', async () => {
    const work = new ExpensiveWork({ concurrency: 2, queue: 1 });
    let now = 0;
    let peak = 0;
    const jobs = ['a', 'b', 'c'].map((k) => ({ key: k, g: gated(k) }));
    const run = (key: string, g: ReturnType<typeof gated<string>>) =>
      work.run({
        key, version: 1,
        compute: async () => {
          peak = Math.max(peak, ++now);
          try {
            return await g.compute();
          } finally {
            now--;
          }
        },
      });
    const running = jobs.map(({ key, g }) => run(key, g));
    expect(work.stats()).toMatchObject({ running: 2, queued: 1 });
    const refused = work.run({ key: 'd', version: 1, compute: async () => 'd' });
    const err = await refused.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).code).toBe('ERR_OVERLOADED');
    expect((err as QueryError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    for (const { g } of jobs) g.release();
    expect(await Promise.all(running)).toEqual(['a', 'b', 'c']);
    expect(peak).toBe(2);
    expect(work.stats()).toMatchObject({ refused: 1, running: 0, queued: 0 });
  });

  it('ends a job past its time budget with ERR_TIMEOUT, aborts its work and frees the slot', async () => {
    const work = new ExpensiveWork({ concurrency: 1, queue: 4, budgetMs: 50 });
    let slices = 0;
    // Work that would run for ever, in slices that look at the signal.
    const endless = work.run({
      key: 'endless', version: 1,
      compute: async (signal) => {
        for (;;) {
          slices++;
          await yieldToEventLoop(signal);
        }
      },
    });
    const t0 = performance.now();
    expect(await codeOf(endless)).toBe('ERR_TIMEOUT');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(slices).toBeGreaterThan(0);
    // The slot is free again: the next job runs.
    expect(await work.run({ key: 'next', version: 1, compute: async () => 'ok' })).toBe('ok');
  });

  it('answers ERR_OVERLOADED to a job still queued when its budget runs out', async () => {
    const work = new ExpensiveWork({ concurrency: 1, queue: 4, budgetMs: 50 });
    const blocker = gated('first');
    const first = work.run({ key: 'first', version: 1, compute: blocker.compute });
    const second = work.run({ key: 'second', version: 1, compute: async () => 'second' });
    const [a, b] = await Promise.all([codeOf(first), codeOf(second)]);
    blocker.release();
    expect(a).toBe('ERR_TIMEOUT');
    expect(b).toBe('ERR_OVERLOADED');
    expect(work.stats().timedOut).toBe(2);
  });

  it('memo: a part shared by jobs is computed once per data version, without a slot of its own', async () => {
    const work = new ExpensiveWork({ concurrency: 1, queue: 0 });
    let listed = 0;
    const list = (version: number) => work.memo({ key: 'series of a level', version, compute: async () => ++listed, bytes: () => 8 });
    // Two jobs in turn through the only slot, each asking for the shared part from inside it.
    const a = await work.run({ key: 'a', version: 1, compute: async () => `a${await list(1)}` });
    const b = await work.run({ key: 'b', version: 1, compute: async () => `b${await list(1)}` });
    expect([a, b, listed]).toEqual(['a1', 'b1', 1]);
    expect(await Promise.all([list(2), list(2)])).toEqual([2, 2]);
  });

  it('does not keep a failed computation: the next request computes again', async () => {
    const work = new ExpensiveWork();
    let calls = 0;
    const job = { key: 'k', version: 1, bytes: () => 1, compute: async () => (++calls === 1 ? Promise.reject(new Error('boom')) : 'ok') };
    await expect(work.run(job)).rejects.toThrow('boom');
    expect(await work.run(job)).toBe('ok');
    expect(calls).toBe(2);
  });
});
