import { describe, expect, it } from 'vitest';
import { countObserved, negBinLogLik, poissonLogLik } from './likelihood.js';

// The test's own references: factorials and binomials as plain products, no ln Γ.
const factorial = (n: number) => { let f = 1; for (let i = 2; i <= n; i++) f *= i; return f; };
const choose = (n: number, k: number) => { let c = 1; for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i; return c; };

describe('count likelihoods', () => {
  it('Poisson: matches μ^y e^(−μ) / y! summed over days', () => {
    const y = [0, 3, 7, 12], mu = [0.4, 2.5, 8.1, 10];
    const expected = y.reduce((s, v, i) => s + Math.log(mu[i] ** v * Math.exp(-mu[i]) / factorial(v)), 0);
    expect(poissonLogLik(y, mu)).toBeCloseTo(expected, 10);
  });

  it('negative binomial with integer size k: C(y + k − 1, y)·p^k·(1 − p)^y, p = k / (k + μ)', () => {
    for (const k of [1, 3, 10]) {
      const y = [0, 2, 5, 9], mu = [1.5, 3, 4.2, 12];
      const expected = y.reduce((s, v, i) => { const p = k / (k + mu[i]); return s + Math.log(choose(v + k - 1, v) * p ** k * (1 - p) ** v); }, 0);
      expect(negBinLogLik(y, mu, k), `k ${k}`).toBeCloseTo(expected, 9);
    }
  });

  it('negative binomial tends to Poisson as the size grows', () => {
    const y = [4, 40, 400], mu = [5, 38, 410];
    expect(negBinLogLik(y, mu, 1e9)).toBeCloseTo(poissonLogLik(y, mu), 4);
  });

  it('skips unknown days (NaN) instead of scoring them as zeros', () => {
    expect(poissonLogLik([3, Number.NaN, 5], [3, 100, 5])).toBeCloseTo(poissonLogLik([3, 5], [3, 5]), 12);
    expect(negBinLogLik([Number.NaN], [7], 2)).toBe(0);
    expect(countObserved([1, Number.NaN, 0])).toBe(2);
  });
});
