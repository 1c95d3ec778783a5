import { describe, expect, it } from 'vitest';
import { DelayInputError } from './errors.js';
import { DELAY_QUANTILE_PROBS, summarizeDelays } from './summary.js';

describe('summarizeDelays', () => {
  it('gives n, mean, sd and type 7 quantiles (worked by hand: h = (n − 1)p)', () => {
    // Sorted: 0 1 1 2 3 5 8 (n = 7, h = 6p).
    const s = summarizeDelays([3, 1, 8, 0, 2, 5, 1]);
    expect(s.n).toBe(7);
    expect(s.mean).toBeCloseTo(20 / 7, 14);
    const ss = [0, 1, 1, 2, 3, 5, 8].reduce((a, x) => a + (x - 20 / 7) ** 2, 0);
    expect(s.sd).toBeCloseTo(Math.sqrt(ss / 6), 14);
    expect(s.median).toBe(2);
    expect(s.min).toBe(0);
    expect(s.max).toBe(8);
    // p: 0.025 → h 0.15 → 0.15; 0.05 → 0.3; 0.25 → h 1.5 → 1; 0.5 → 2; 0.75 → h 4.5 → 3 + 0.5·2 = 4;
    // 0.95 → h 5.7 → 5 + 0.7·3 = 7.1; 0.975 → h 5.85 → 5 + 0.85·3 = 7.55.
    const expected = [0.15, 0.3, 1, 2, 4, 7.1, 7.55];
    expect(s.quantiles.map((q) => q.probability)).toEqual([...DELAY_QUANTILE_PROBS]);
    s.quantiles.forEach((q, i) => expect(q.value).toBeCloseTo(expected[i], 12));
    expect(s.histogram).toEqual([1, 2, 1, 1, 0, 1, 0, 0, 1].map((count, day) => ({ day, count })));
  });

  it('handles one delay (sd undefined) and all-zero delays', () => {
    const one = summarizeDelays([4]);
    expect(one.median).toBe(4);
    expect(one.quantiles.every((q) => q.value === 4)).toBe(true);
    expect(Number.isNaN(one.sd)).toBe(true);
    expect(summarizeDelays([0, 0, 0]).histogram).toEqual([{ day: 0, count: 3 }]);
  });

  it('refuses negative delays, saying how many and which first', () => {
    try {
      summarizeDelays([1, -2, 3, -1, 0]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DelayInputError);
      const err = e as DelayInputError;
      expect(err.parameter).toBe('days');
      expect(err.count).toBe(2);
      expect(err.index).toBe(1);
      expect(err.message).toMatch(/2 of 5 delays are negative/);
    }
  });

  it('refuses an empty list, NaN, fractional days and a delay over 10,000 days', () => {
    for (const bad of [[], [1, Number.NaN], [1.5, 2], [Number.POSITIVE_INFINITY], [3, 1e9]]) {
      expect(() => summarizeDelays(bad)).toThrow(DelayInputError);
    }
  });
});
