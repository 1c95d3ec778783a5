import { describe, expect, it } from 'vitest';
import { dampedWeeks, fitLine, LOG_LINEAR_DEFAULTS, logLinearForecast } from './log-linear.js';
import { QUANTILES_23, QUANTILES_7, type ModelResult } from './quantiles.js';

const values = (r: ModelResult, horizon: number) => {
  if (!r.ok) throw new Error(r.reason);
  return Array.from(r.forecasts.find((f) => f.horizon === horizon)!.values);
};

describe('least-squares line', () => {
  it('fits by hand: y = 0, 1, 1, 2 at x = −3..0 → slope 0.6, intercept 1.9', () => {
    expect(fitLine([-3, -2, -1, 0], [0, 1, 1, 2])).toEqual({ slope: expect.closeTo(0.6, 12), intercept: expect.closeTo(1.9, 12) });
  });
});

describe('damped weeks', () => {
  it('φ + … + φʰ: the geometric sum φ(1 − φʰ)/(1 − φ), h when undamped, 0 when flat', () => {
    for (const phi of [0.3, 0.5, 0.8]) for (let h = 1; h <= 6; h++) expect(dampedWeeks(h, phi)).toBeCloseTo((phi * (1 - phi ** h)) / (1 - phi), 12);
    expect([1, 2, 3, 4].map((h) => dampedWeeks(h, 0.5))).toEqual([0.5, 0.75, 0.875, 0.9375]);
    expect([1, 2, 3, 4].map((h) => dampedWeeks(h, 1))).toEqual([1, 2, 3, 4]);
    expect(dampedWeeks(4, 0)).toBe(0);
  });
});

describe('log-linear growth', () => {
  it('defaults: a 3-week window, φ = 0.5, 26 weeks of past errors', () => {
    expect(LOG_LINEAR_DEFAULTS).toMatchObject({ windowWeeks: 3, damping: 0.5, errorWeeks: 26 });
  });

  it('undamped (φ = 1): recovers the growth of an exact exponential and extrapolates it; past errors are 0, so no spread', () => {
    const weekly = Array.from({ length: 12 }, (_, k) => 100 * 1.5 ** k);
    const r = logLinearForecast(weekly, { levels: QUANTILES_7, horizons: 4, offset: 0, damping: 1 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.fit!.slope).toBeCloseTo(Math.log(1.5), 12);
    for (const f of r.forecasts) for (const v of f.values) expect(v / (100 * 1.5 ** (11 + f.horizon))).toBeCloseTo(1, 10);
  });

  it('damped, on an exact exponential: median = last · g^(φ + … + φʰ); the errors are ± the undamped excess, so the upper quantiles are the undamped curve', () => {
    // Growth g = 1.5 a week. Every past damped forecast h weeks ahead undershoots by
    // ln g · (h − D), D = φ + … + φʰ, so the errors with their negatives are n copies of ∓ that
    // excess: type-7 quantiles give −excess below the median, 0 at it, +excess above (n ≥ 2).
    const g = 1.5;
    const weekly = Array.from({ length: 14 }, (_, k) => 100 * g ** k);
    const last = weekly[13];
    for (const phi of [0.5, 0.7]) {
      const r = logLinearForecast(weekly, { levels: QUANTILES_7, horizons: 4, damping: phi });
      for (let h = 1; h <= 4; h++) {
        const d = (phi * (1 - phi ** h)) / (1 - phi);
        const v = values(r, h);
        const expected = [last * g ** (2 * d - h), last * g ** (2 * d - h), last * g ** (2 * d - h), last * g ** d, last * g ** h, last * g ** h, last * g ** h];
        v.forEach((x, i) => expect(x / expected[i]).toBeCloseTo(1, 9));
      }
    }
    // φ = 0.5: one week ahead the count grows by √g, four weeks ahead by g^0.9375 — never more than g.
    expect(values(logLinearForecast(weekly, { levels: QUANTILES_7, horizons: 4 }), 4)[3] / last).toBeCloseTo(g ** 0.9375, 9);
  });

  it('damps a decline the same way, and φ = 0 holds the fitted level', () => {
    const weekly = Array.from({ length: 10 }, (_, k) => 1e5 * 0.8 ** k);
    expect(values(logLinearForecast(weekly, { levels: QUANTILES_7, horizons: 2 }), 2)[3]).toBeCloseTo(weekly[9] * 0.8 ** 0.75, 6);
    expect(values(logLinearForecast(weekly, { levels: QUANTILES_7, horizons: 2, damping: 0 }), 2)[3]).toBeCloseTo(weekly[9], 6);
    expect(() => logLinearForecast(weekly, { levels: QUANTILES_7, horizons: 2, damping: 1.2 })).toThrow(RangeError);
  });

  it('with an offset of 1, large counts still give the growth rate (a decline here)', () => {
    const weekly = Array.from({ length: 16 }, (_, k) => 1e6 * 0.8 ** k);
    const r = logLinearForecast(weekly, { levels: QUANTILES_23, horizons: 4, offset: 1 });
    expect(r.ok && r.fit!.slope).toBeCloseTo(Math.log(0.8), 4);
  });

  it('by default fits positive counts only: a week of 0 (a reporting pause) is not fitted', () => {
    const weekly = [100, 200, 400, 800, 1600, 3200, 0, 6400, 12800, 25600, 51200, 102400, 204800, 409600];
    // Windows holding the 0 are skipped as origins; the others all see doubling: errors 0.
    const r = logLinearForecast(weekly, { levels: QUANTILES_7, horizons: 1, damping: 1 });
    expect(values(r, 1).every((v) => Math.abs(v / 819200 - 1) < 1e-9)).toBe(true);
    expect(logLinearForecast([...weekly, 0], { levels: QUANTILES_7, horizons: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/positive/) });
    expect(logLinearForecast([...weekly, 0], { levels: QUANTILES_7, horizons: 1, offset: 1 })).toMatchObject({ ok: true });
  });

  it('spread from its own past errors, computed by hand (undamped)', () => {
    // log₂ counts 0 1 2 3 5 6; a 2-week window: slope = last step, forecast = last + h·slope.
    // One week ahead from origins 1..4: predicted 2 3 4 7, seen 2 3 5 6 → errors 0 0 1 −1 (×ln 2).
    // With their negatives, sorted: −1 −1 0 0 0 0 1 1; type-7 quantiles (h = 7τ): τ .025 → −1,
    // .1 → −1, .25 → −0.25, .5 → 0, .75 → 0.25, .9 → 1, .975 → 1. The forecast: log₂ 7 + those.
    const weekly = [0, 1, 2, 3, 5, 6].map((k) => 2 ** k);
    const r = logLinearForecast(weekly, { levels: QUANTILES_7, horizons: 2, windowWeeks: 2, minErrors: 2, damping: 1 });
    const expected = [-1, -1, -0.25, 0, 0.25, 1, 1].map((e) => 2 ** (7 + e));
    values(r, 1).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
    // Two weeks ahead from origins 1..3: predicted 3 4 5, seen 3 5 6 → errors 0 1 1; with negatives
    // −1 −1 0 0 1 1 (h = 5τ): τ .5 → 0, .25 → −1 + 0.25 = −0.75, .975 → 1.
    expect(values(r, 2)[3]).toBeCloseTo(2 ** 8, 9);
    expect(values(r, 2)[2]).toBeCloseTo(2 ** (8 - 0.75), 9);
    expect(values(r, 2)[6]).toBeCloseTo(2 ** 9, 9);
  });

  it('damped spread from its own past errors, computed by hand (φ = 0.5)', () => {
    // log₂ counts 0 1 2 3 5 6; a 2-week window: slope = last step, forecast = last + ½·slope one week ahead.
    // From origins 1..4: predicted 1.5 2.5 3.5 6, seen 2 3 5 6 → errors 0.5 0.5 1.5 0 (×ln 2).
    // With their negatives, sorted: −1.5 −0.5 −0.5 0 0 0.5 0.5 1.5; type-7 (h = 7τ): τ .025 → −1.325,
    // .1 → −0.8, .25 → −0.5, .5 → 0, .75 → 0.5, .9 → 0.8, .975 → 1.325. Centre: 6 + ½ = 6.5.
    const weekly = [0, 1, 2, 3, 5, 6].map((k) => 2 ** k);
    const r = logLinearForecast(weekly, { levels: QUANTILES_7, horizons: 1, windowWeeks: 2, minErrors: 2, damping: 0.5 });
    const expected = [-1.325, -0.8, -0.5, 0, 0.5, 0.8, 1.325].map((e) => 2 ** (6.5 + e));
    values(r, 1).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
  });

  it('never uses a window holding an unknown or negative week, and says why it cannot forecast', () => {
    const r = logLinearForecast([10, 20, Number.NaN, 40, -5, 80, 160, 320], { levels: QUANTILES_7, horizons: 1, windowWeeks: 2, minErrors: 1, offset: 0, damping: 1 });
    // The only origin with a whole window and a known target is 6 (80, 160 → 320, error 0); 1 (10, 20) has an unknown target.
    expect(values(r, 1)[3]).toBeCloseTo(640, 9);
    expect(values(r, 1)[0]).toBeCloseTo(640, 9); // the only error is 0
    expect(logLinearForecast([10, 20, 30, Number.NaN], { levels: QUANTILES_7, horizons: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/last 3 weeks/) });
    expect(logLinearForecast([10, 20, 30, 40, 50], { levels: QUANTILES_7, horizons: 4 })).toMatchObject({ ok: false, reason: expect.stringMatching(/past 1-week errors/) });
  });
});
