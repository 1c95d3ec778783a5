import { describe, expect, it } from 'vitest';
import { inPool, runExample } from './run-example.js';

describe('course example runner', () => {
  it('gives the example GLACIER_URL and returns its stdout, stderr and exit status', async () => {
    const r = await runExample('bash', 'echo "$GLACIER_URL"; echo oops >&2; false; echo never', 'http://127.0.0.1:9');
    expect(r).toEqual({ stdout: 'http://127.0.0.1:9\n', stderr: 'oops\n', status: 1, timedOut: false });
  });

  it('kills an example that runs past its timeout, with what it started', async () => {
    const r = await runExample('bash', 'echo started; sleep 30 | cat', 'http://127.0.0.1:9', 300);
    expect([r.stdout, r.status, r.timedOut]).toEqual(['started\n', null, true]);
  });

  it('runs jobs at most `limit` at a time, results in order', async () => {
    let running = 0;
    let most = 0;
    const job = (i: number) => async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return i;
    };
    expect(await inPool([0, 1, 2, 3, 4].map(job), 2)).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });
});
