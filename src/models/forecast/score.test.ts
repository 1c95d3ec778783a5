import { describe, expect, it } from 'vitest';
import { QUANTILES_23, QUANTILES_7 } from './quantiles.js';
import { intervalCoverage, intervalScore, relativeWis, scoreForecast, weightedIntervalScore } from './score.js';

/** Pinball (quantile) loss: the oracle for WIS = Σ pinball / (K + ½). */
const pinball = (level: number, q: number, y: number) => ((y < q ? 1 : 0) - level) * (q - y);

describe('interval score', () => {
  it('is the width inside the interval and adds 2/α times the miss outside it', () => {
    expect(intervalScore(2, 6, 4, 0.2)).toBe(4);
    expect(intervalScore(2, 6, 0, 0.2)).toBeCloseTo(4 + 10 * 2, 12);
    expect(intervalScore(2, 6, 10, 0.2)).toBeCloseTo(4 + 10 * 4, 12);
    expect(intervalScore(5, 12, 14, 0.5)).toBe(15); // field notes' worked example
  });
});

describe('weighted interval score', () => {
  it('golden example (Bracher et al.; field notes 4.4): q0.25=5, q0.5=8, q0.75=12, y=14 → 4.5', () => {
    expect(weightedIntervalScore([0.25, 0.5, 0.75], [5, 8, 12], 14)).toBeCloseTo(4.5, 12);
  });

  it('scoringutils’ wis() example, computed by hand: 0.36, 15.34, 19.14', () => {
    const levels = [0.1, 0.25, 0.5, 0.75, 0.9];
    expect(weightedIntervalScore(levels, [-1, 0, 1, 2, 3], 1)).toBeCloseTo(0.36, 12);
    expect(weightedIntervalScore(levels, [-2, 1, 2, 2, 4], -15)).toBeCloseTo(15.34, 12);
    expect(weightedIntervalScore(levels, [-2, 0, 3, 3, 4], 22)).toBeCloseTo(19.14, 12);
  });

  it('y inside every interval: only the widths count', () => {
    // Median 8 = y; IS₀.₅ = 7 (weight 0.25), IS₀.₀₅ = 20 (weight 0.025); (1.75 + 0.5) / 2.5.
    expect(weightedIntervalScore([0.025, 0.25, 0.5, 0.75, 0.975], [0, 5, 8, 12, 20], 8)).toBeCloseTo(0.9, 12);
  });

  it('equals the sum of pinball losses / (K + ½) on the Hub’s 23 levels', () => {
    const values = QUANTILES_23.map((q) => 100 + 80 * Math.log(q / (1 - q)));
    for (const y of [-500, 0, 37, 100, 163, 900]) {
      const expected = QUANTILES_23.reduce((s, q, i) => s + pinball(q, values[i], y), 0) / 11.5;
      expect(weightedIntervalScore(QUANTILES_23, values, y)).toBeCloseTo(expected, 9);
    }
  });

  it('refuses levels without a median or with an unpaired level', () => {
    expect(() => weightedIntervalScore([0.25, 0.75], [1, 2], 1)).toThrow(/median/);
    expect(() => weightedIntervalScore([0.1, 0.5, 0.75], [1, 2, 3], 1)).toThrow(/central interval/);
  });
});

describe('interval coverage', () => {
  const values = [1, 2, 3, 4, 5, 6, 7]; // the 7 case levels: 50 % = [3, 5], 95 % = [1, 7]
  it('counts the bounds as inside (scoringutils)', () => {
    expect(intervalCoverage(QUANTILES_7, values, 3, 50)).toBe(true);
    expect(intervalCoverage(QUANTILES_7, values, 5.5, 50)).toBe(false);
    expect(intervalCoverage(QUANTILES_7, values, 5.5, 95)).toBe(true);
    expect(intervalCoverage(QUANTILES_7, values, 0.5, 95)).toBe(false);
    expect(intervalCoverage(QUANTILES_7, values, 7, 95)).toBe(true);
  });

  it('scores one forecast: WIS, absolute error of the median, coverage', () => {
    expect(scoreForecast(QUANTILES_7, values, 4)).toMatchObject({ aeMedian: 0, coverage50: true, coverage95: true });
    expect(scoreForecast(QUANTILES_7, values, 9)).toMatchObject({ aeMedian: 5, coverage50: false, coverage95: false });
  });
});

describe('relative WIS', () => {
  it('is the ratio of mean WIS over the targets both models were scored on', () => {
    const model = new Map([['a', 2], ['b', 4], ['c', 6]]);
    const base = new Map([['a', 4], ['b', 4], ['d', 100]]);
    expect(relativeWis(model, base)).toBeCloseTo(0.75, 12);
    expect(relativeWis(model, new Map())).toBeNull();
  });
});
