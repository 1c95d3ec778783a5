import { describe, expect, it } from 'vitest';
import { classOf, colourBreaks, coloursFor, forLogScale, niceCeil, PALETTE, quantile, rtAxisMax } from './scales.js';

describe('scales', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.01, 2.2, 3, 7, 12, 240, 251, 999].map(niceCeil)).toEqual([1, 1, 2, 2.5, 5, 10, 20, 250, 500, 1000]);
    expect(niceCeil(0)).toBe(0);
  });

  it('interpolates quantiles between order statistics (R type 7)', () => {
    // R: quantile(c(1, 2, 3, 4), c(0, .25, .5, 1)) = 1, 1.75, 2.5, 4
    expect([0, 0.25, 0.5, 1].map((q) => quantile([1, 2, 3, 4], q))).toEqual([1, 1.75, 2.5, 4]);
  });

  it('makes strictly increasing round breaks from the quantiles of positive values, the last above the maximum', () => {
    const values = [0, -5, Number.NaN, ...Array.from({ length: 100 }, (_, i) => i + 1)];
    const breaks = colourBreaks(values, 4);
    // Quartiles of 1..100: 25.75, 50.5, 75.25, 100 → 50, 100 after rounding up (25.75 → 50, 50.5 → 100, dropping repeats).
    expect(breaks).toEqual([50, 100]);
    expect(colourBreaks([3, 3, 3])).toEqual([5]);
    expect(colourBreaks([0, -1])).toEqual([]);
    const spread = colourBreaks(Array.from({ length: 1000 }, (_, i) => 1.01 ** i), 8);
    for (let i = 1; i < spread.length; i++) expect(spread[i]).toBeGreaterThan(spread[i - 1]);
    expect(spread.at(-1)).toBeGreaterThanOrEqual(1.01 ** 999);
  });

  it('classes values: no data −1, zero and below 0, else the first break not exceeded', () => {
    const b = [10, 100, 1000];
    expect([null, Number.NaN, -3, 0, 5, 10, 11, 1000, 5000].map((v) => classOf(v, b))).toEqual([-1, -1, 0, 0, 0, 0, 1, 2, 2]);
  });

  it('spreads the palette over fewer classes, keeping both ends', () => {
    expect(coloursFor([1, 2])).toEqual([PALETTE[0], PALETTE[7]]);
    expect(coloursFor(Array(8).fill(0))).toEqual(PALETTE);
  });

  it('leaves zero and negative values off a log axis as gaps', () => {
    expect(forLogScale([0, 5, -2, null, 1e-3])).toEqual([null, 5, null, null, 1e-3]);
  });

  it('puts the top of an Rt axis above most medians, not above an early spike, and never below 2', () => {
    // 100 windows around R = 1.1 to 1.4 and two early windows at 48 and 20.
    const medians = [48, 20, ...Array.from({ length: 100 }, (_, i) => 1.1 + (0.3 * i) / 99)];
    expect(rtAxisMax(medians)).toBe(2);
    expect(rtAxisMax([...Array.from({ length: 100 }, () => 3)])).toBe(5); // 3 × 1.2 = 3.6 → 5
    expect(rtAxisMax([0.4, 0.5])).toBe(2);
    expect(rtAxisMax([])).toBe(2);
  });
});

