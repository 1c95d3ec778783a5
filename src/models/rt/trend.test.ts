import { describe, expect, it } from 'vitest';
import { probBelowOne, trendFromProbBelowOne } from './trend.js';

describe('trend labels (EpiNow2 map_prob_change)', () => {
  it.each([
    [0, 'increasing'],
    [0.0499, 'increasing'],
    [0.05, 'likely_increasing'],
    [0.3999, 'likely_increasing'],
    [0.4, 'stable'],
    [0.5999, 'stable'],
    [0.6, 'likely_decreasing'],
    [0.9499, 'likely_decreasing'],
    [0.95, 'decreasing'],
    [1, 'decreasing'],
  ])('P(R<1) = %s → %s', (p, label) => expect(trendFromProbBelowOne(p)).toBe(label));

  it('P(R<1) is the posterior gamma CDF at 1 (closed forms for shapes 1 and 2)', () => {
    // Shape 1: 1 − e^(−x); shape 2: 1 − e^(−x)(1 + x), with x = 1 / scale.
    for (const scale of [0.1, 0.5, 1, 3]) {
      const x = 1 / scale;
      expect(probBelowOne(1, scale)).toBeCloseTo(1 - Math.exp(-x), 14);
      expect(probBelowOne(2, scale)).toBeCloseTo(1 - Math.exp(-x) * (1 + x), 14);
    }
  });
});
