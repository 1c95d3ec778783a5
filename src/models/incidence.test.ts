import { describe, expect, it } from 'vitest';
import { fillShortGaps, toDailyIncidence } from './incidence.js';

const N = Number.NaN;

describe('toDailyIncidence', () => {
  it('spreads a weekly report over the 7 days it covers, marked imputed', () => {
    // Cumulative 10 on day 0, then 80 reported on day 7 (covers days 1..7).
    const r = toDailyIncidence({ daily: [N, N, N, N, N, N, N, 70], covers: [0, 0, 0, 0, 0, 0, 0, 7], flags: [] });
    expect(Array.from(r.values)).toEqual([N, 10, 10, 10, 10, 10, 10, 10]);
    expect(Array.from(r.imputed)).toEqual([0, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('leaves out corrections and backlogs: unknown, not zero', () => {
    const r = toDailyIncidence({ daily: [5, -3, 400, 6, -1], covers: [1, 1, 1, 1, 1], flags: [[], ['negative_change'], ['backlog_dump'], ['stale_values'], []] });
    expect(Array.from(r.values)).toEqual([5, N, N, 6, N]);
    expect(Array.from(r.excluded)).toEqual([0, 1, 1, 0, 1]);
  });

  it('does not spread a report after a silence longer than two weeks', () => {
    const covers = new Array(21).fill(0);
    covers[20] = 20;
    const daily = new Array(21).fill(N);
    daily[20] = 200;
    expect(toDailyIncidence({ daily, covers, flags: [] }).values.every(Number.isNaN)).toBe(true);
  });
});

describe('fillShortGaps', () => {
  const inc = (values: number[]) => ({ values: Float64Array.from(values), imputed: new Uint8Array(values.length), excluded: new Uint8Array(values.length) });

  it('interpolates a short gap linearly and trims unknown ends', () => {
    const r = fillShortGaps(inc([N, 2, N, N, 8, 9, N]), 3);
    expect(r.offset).toBe(1);
    expect(Array.from(r.values)).toEqual([2, 4, 6, 8, 9]);
    expect(Array.from(r.imputed)).toEqual([0, 1, 1, 0, 0]);
  });

  it('restarts after the last gap longer than the limit', () => {
    const r = fillShortGaps(inc([1, 2, N, N, N, N, 5, N, 7]), 3);
    expect(r.offset).toBe(6);
    expect(Array.from(r.values)).toEqual([5, 6, 7]);
  });

  it('returns nothing for a series with no known day', () => {
    expect(fillShortGaps(inc([N, N]), 3).values.length).toBe(0);
  });
});
