import { describe, expect, it } from 'vitest';
import { baselineForecast } from './baseline.js';
import { QUANTILES_23, QUANTILES_7, type ModelResult } from './quantiles.js';

const N = Number.NaN;
const forecasts = (r: ModelResult) => {
  if (!r.ok) throw new Error(r.reason);
  return r.forecasts;
};
const values = (r: ModelResult, horizon: number) => Array.from(forecasts(r).find((f) => f.horizon === horizon)!.values);

describe('Hub baseline, horizon 1 (closed form, computed by hand)', () => {
  it('median = last week; spread = type-7 quantiles of the changes and their negatives', () => {
    // Changes 2, −1, 2 → symmetric sample −2 −2 −1 1 2 2; h = 5τ.
    // τ .025 → −2, .1 → −2, .25 → −1.75, .5 → 0, .75 → 1.75, .9 → 2, .975 → 2; added to 13.
    const r = baselineForecast([10, 12, 11, 13], { levels: QUANTILES_7, horizons: 1 });
    expect(values(r, 1)).toEqual([11, 11, 11.25, 13, 14.75, 15, 15]);
  });

  it('cuts at 0', () => {
    // Change −4 → symmetric ±4 → quantile −4 + 8τ, plus 1.
    const r = baselineForecast([5, 1], { levels: QUANTILES_7, horizons: 1 });
    expect(values(r, 1)).toEqual([0, 0, 0, 1, 3, expect.closeTo(4.2, 12), expect.closeTo(4.8, 12)]);
  });

  it('drops leading unknown and zero weeks, as the Hub’s script', () => {
    // From the first non-zero week: changes 2, −1 → symmetric −2 −1 1 2; h = 3τ.
    const r = baselineForecast([N, 0, 0, 3, 5, 4], { levels: QUANTILES_7, horizons: 1 });
    expect(values(r, 1)[0]).toBeCloseTo(4 - 1.925, 12); // τ .025: h .075 → −2 + .075
    expect(values(r, 1)[3]).toBe(4);
    // Only the last week is non-zero: the week before it is kept, giving one change.
    expect(values(baselineForecast([0, 0, 0, 6], { levels: QUANTILES_7, horizons: 1 }), 1)[6]).toBeCloseTo(6 + 6 * 0.95, 12);
  });

  it('skips unknown weeks inside the series (their changes are unknown)', () => {
    // Known changes: 12→11 (−1) only; 10→? and ?→12 are unknown.
    const r = baselineForecast([10, N, 12, 11], { levels: QUANTILES_7, horizons: 1 });
    expect(values(r, 1)).toEqual([10.05, 10.2, 10.5, 11, 11.5, 11.8, expect.closeTo(11.95, 12)]);
  });

  it('makes no forecast when the reference week is unknown or there is no change to learn from', () => {
    expect(baselineForecast([1, 2, N], { levels: QUANTILES_7, horizons: 4 })).toMatchObject({ ok: false });
    expect(baselineForecast([7], { levels: QUANTILES_7, horizons: 4 })).toMatchObject({ ok: false });
  });
});

describe('Hub baseline, horizons 2–4 (resampled, against closed forms)', () => {
  // One change of 10: the symmetric sample {−10, 10} has type-7 quantile function −10 + 20τ, i.e.
  // changes are uniform on [−10, 10]. Two weeks ahead the change is the sum of two uniforms
  // (triangular on [−20, 20]: q(τ) = −20 + 20√(2τ) below the median); three weeks ahead, of three
  // (Irwin–Hall: P(S ≤ s) = s³/6 on [0, 1] for the standard sum S).
  const r = baselineForecast([100, 110], { levels: QUANTILES_23, horizons: 4 });

  it('horizon 2 is triangular around last week’s count', () => {
    const v = values(r, 2);
    for (const [i, tau] of QUANTILES_23.entries()) {
      const q = tau <= 0.5 ? -20 + 20 * Math.sqrt(2 * tau) : 20 - 20 * Math.sqrt(2 * (1 - tau));
      expect(v[i], `τ ${tau}`).toBeCloseTo(110 + q, 0);
      expect(Math.abs(v[i] - 110 - q), `τ ${tau}`).toBeLessThan(0.3);
    }
    expect(v[11]).toBeCloseTo(110, 9); // median moved back to last week, as the Hub
  });

  it('horizon 3 follows the Irwin–Hall distribution in its tails', () => {
    const v = values(r, 3);
    const s = (tau: number) => Math.cbrt(6 * tau); // valid while s ≤ 1 (τ ≤ 1/6)
    for (const [i, tau] of QUANTILES_23.entries()) {
      if (tau > 0.15) continue;
      expect(Math.abs(v[i] - (110 + 20 * s(tau) - 30)), `τ ${tau}`).toBeLessThan(0.4);
      expect(Math.abs(v[22 - i] - (110 - 20 * s(tau) + 30)), `τ ${1 - tau}`).toBeLessThan(0.4);
    }
  });

  it('widens with the horizon, stays non-decreasing, and is reproducible from its seed', () => {
    const width = (h: number) => values(r, h)[22] - values(r, h)[0];
    expect(width(2)).toBeGreaterThan(width(1));
    expect(width(4)).toBeGreaterThan(width(3));
    for (let h = 1; h <= 4; h++) values(r, h).forEach((x, i, a) => i && expect(x).toBeGreaterThanOrEqual(a[i - 1]));
    expect(values(baselineForecast([100, 110], { levels: QUANTILES_23, horizons: 4 }), 4)).toEqual(values(r, 4));
    expect(values(baselineForecast([100, 110], { levels: QUANTILES_23, horizons: 4, seed: 7 }), 4)).not.toEqual(values(r, 4));
  });

  it('cuts every horizon at 0', () => {
    const low = baselineForecast([40, 5], { levels: QUANTILES_23, horizons: 4 });
    for (let h = 1; h <= 4; h++) {
      expect(values(low, h)[0]).toBe(0);
      expect(values(low, h)[11]).toBeCloseTo(5, 9);
    }
  });
});
