import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.js';

describe('apportion (largest remainder), hand-computed', () => {
  it.each([
    // quotas 7, 1.5, 1.5 → floors 7, 1, 1 (9); 1 left; remainders 0, .5, .5 tie → the earlier (val).
    [10, [0.7, 0.15, 0.15], [7, 2, 1]],
    // quotas .7, .15, .15 → floors 0; 1 left → train (.7).
    [1, [0.7, 0.15, 0.15], [1, 0, 0]],
    // quotas 1.4, .3, .3 → floors 1, 0, 0; 1 left → train (.4 > .3).
    [2, [0.7, 0.15, 0.15], [2, 0, 0]],
    // quotas 2.1, .45, .45 → floors 2, 0, 0; 1 left → val (.45 > .1; tie with test → earlier).
    [3, [0.7, 0.15, 0.15], [2, 1, 0]],
    // quotas 2.8, .6, .6 → floors 2, 0, 0; 2 left → train (.8), val (.6, tie → earlier).
    [4, [0.7, 0.15, 0.15], [3, 1, 0]],
    // quotas 3.5, .75, .75 → floors 3, 0, 0; 2 left → val, test (.75 each > .5).
    [5, [0.7, 0.15, 0.15], [3, 1, 1]],
    // quotas 4.9, 1.05, 1.05 → floors 4, 1, 1; 1 left → train (.9).
    [7, [0.7, 0.15, 0.15], [5, 1, 1]],
    // quotas 14, 3, 3: exact.
    [20, [0.7, 0.15, 0.15], [14, 3, 3]],
    // quotas 2.4, .3, .3 → floors 2, 0, 0; 1 left → train (.4).
    [3, [0.8, 0.1, 0.1], [3, 0, 0]],
    // 3 · 0.7 = 2.0999999999999996 in floating point: quotas 2.1, .9 → floors 2, 0; 1 left → val (.9).
    [3, [0.7, 0.3], [2, 1]],
    // 100 · 0.57 = 56.99999999999999 in floating point: snapped to 57 (its exact value), 43 exact.
    [100, [0.57, 0.43], [57, 43]],
    // 100 · 0.57 snapped to 57; 21.5, 21.5 → floors 57, 21, 21; 1 left → val (tie → earlier).
    [100, [0.57, 0.215, 0.215], [57, 22, 21]],
    // quotas 1, 1, 1.
    [3, [1 / 3, 1 / 3, 1 / 3], [1, 1, 1]],
    // quotas 0, .5, .5 → 1 left → val; a ratio of 0 never gets a unit.
    [1, [0, 0.5, 0.5], [0, 1, 0]],
    [5, [0, 0, 1], [0, 0, 5]],
    [0, [0.7, 0.15, 0.15], [0, 0, 0]],
    [4, [1], [4]],
  ])('%i units on %j → %j', (n, ratios, expected) => {
    expect(apportion(n, ratios)).toEqual(expected);
  });

  it('normalises ratios that sum to 1 only within rounding', () => {
    expect(apportion(2, [0.5, 0.5 + 1e-10])).toEqual([1, 1]);
  });
});

describe('apportion properties', () => {
  it('sums to n, each part is the floor or ceiling of its quota, zero ratio → zero', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.array(fc.nat(20), { minLength: 1, maxLength: 3 }).filter((w) => w.some((x) => x > 0)), (n, w) => {
        const total = w.reduce((a, x) => a + x, 0);
        const ratios = w.map((x) => x / total);
        const counts = apportion(n, ratios);
        expect(counts.reduce((a, c) => a + c, 0)).toBe(n);
        counts.forEach((c, i) => {
          const q = (n * w[i]) / total;
          expect(Math.abs(c - q)).toBeLessThan(1);
          if (w[i] === 0) expect(c).toBe(0);
        });
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });
});
