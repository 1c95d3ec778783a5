import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';
import { sampleNegBin, samplePoisson } from './sample-counts.js';

const moments = (draw: () => number, n: number) => {
  let s = 0, s2 = 0;
  for (let i = 0; i < n; i++) { const v = draw(); s += v; s2 += v * v; }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
};

describe('count samplers (seeded)', () => {
  it('Poisson draws have mean and variance μ (small and chunked large means)', () => {
    const rng = createRng(7);
    for (const mu of [0.7, 12, 450]) {
      const { mean, variance } = moments(() => samplePoisson(rng, mu), 20_000);
      expect(Math.abs(mean - mu)).toBeLessThan(5 * Math.sqrt(mu / 20_000));
      expect(variance / mu).toBeGreaterThan(0.95);
      expect(variance / mu).toBeLessThan(1.05);
    }
  });

  it('negative binomial draws have mean μ and variance μ + μ²/k', () => {
    const rng = createRng(11);
    for (const [mu, k] of [[20, 5], [300, 20], [5, 0.5]]) {
      const { mean, variance } = moments(() => sampleNegBin(rng, mu, k), 40_000);
      const v = mu + (mu * mu) / k;
      expect(Math.abs(mean - mu)).toBeLessThan(5 * Math.sqrt(v / 40_000));
      expect(variance / v).toBeGreaterThan(0.9);
      expect(variance / v).toBeLessThan(1.1);
    }
  });

  it('is reproducible from its seed', () => {
    const a = createRng(42), b = createRng(42);
    expect(Array.from({ length: 5 }, () => samplePoisson(a, 100))).toEqual(Array.from({ length: 5 }, () => samplePoisson(b, 100)));
  });
});
