import { describe, expect, it } from 'vitest';
import { QUANTILES_23, QUANTILES_7, levelsFor, quantileType7 } from './quantiles.js';

describe('quantile levels', () => {
  it('are the Hub’s: 23 for deaths, 7 for cases, symmetric around the median', () => {
    expect(QUANTILES_23).toHaveLength(23);
    expect(QUANTILES_23.slice(0, 4)).toEqual([0.01, 0.025, 0.05, 0.1]);
    expect(QUANTILES_23.slice(-4)).toEqual([0.9, 0.95, 0.975, 0.99]);
    expect(QUANTILES_23[11]).toBe(0.5);
    expect(QUANTILES_23[5]).toBe(0.2); // written, not summed: exactly 0.2
    expect(QUANTILES_7).toEqual([0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975]);
    expect(levelsFor('case')).toBe(QUANTILES_7);
    expect(levelsFor('death')).toBe(QUANTILES_23);
    for (const set of [QUANTILES_7, QUANTILES_23]) set.forEach((q, i) => expect(q + set[set.length - 1 - i]).toBeCloseTo(1, 12));
  });
});

describe('quantileType7 (R quantile(type = 7))', () => {
  it('matches R on 1:4 and on a single value', () => {
    // R: quantile(1:4, c(0, 0.1, 0.5, 0.9, 1)) = 1.0 1.3 2.5 3.7 4.0
    expect([0, 0.1, 0.5, 0.9, 1].map((p) => quantileType7([1, 2, 3, 4], p))).toEqual([1, 1.3, 2.5, expect.closeTo(3.7, 12), 4]);
    expect(quantileType7([7], 0.3)).toBe(7);
  });
});
