import { describe, expect, it } from 'vitest';
import { OdeStepLimitError, solve, type Rhs, type SolverOptions } from './ode.js';

// Reference problems with closed-form solutions.
const decay = (lambda: number): Rhs => (_t, y, dy) => { dy[0] = -lambda * y[0]; };
const logistic = (r: number, K: number): Rhs => (_t, y, dy) => { dy[0] = r * y[0] * (1 - y[0] / K); };
const logisticExact = (r: number, K: number, y0: number, t: number) => K / (1 + (K / y0 - 1) * Math.exp(-r * t));
const oscillator: Rhs = (_t, y, dy) => { dy[0] = y[1]; dy[1] = -y[0]; };

const days = (n: number, step = 1) => Array.from({ length: Math.round(n / step) + 1 }, (_, i) => i * step);

/** Largest relative error of a one-dimensional solution against the closed form. */
function maxRelError(rhs: Rhs, y0: number, times: number[], exact: (t: number) => number, o: SolverOptions): number {
  const y = solve(rhs, 0, [y0], times, o);
  return Math.max(...times.map((t, k) => Math.abs(y[k] - exact(t)) / Math.abs(exact(t))));
}

describe('Dormand–Prince 5(4)', () => {
  it('keeps the global error of exponential decay within ten times the relative tolerance', () => {
    for (const rtol of [1e-4, 1e-6, 1e-8, 1e-10]) {
      const err = maxRelError(decay(0.3), 1, days(30, 0.5), (t) => Math.exp(-0.3 * t), { method: 'dopri5', rtol, atol: 1e-14 });
      expect(err, `rtol ${rtol}`).toBeLessThan(10 * rtol);
    }
  });

  it('keeps the logistic curve (growth through saturation) within ten times the tolerance', () => {
    const r = 0.5, K = 1e6, y0 = 1;
    for (const rtol of [1e-5, 1e-7, 1e-9]) {
      const err = maxRelError(logistic(r, K), y0, days(60), (t) => logisticExact(r, K, y0, t), { method: 'dopri5', rtol, atol: 1e-12 });
      expect(err, `rtol ${rtol}`).toBeLessThan(10 * rtol);
    }
  });

  it('error shrinks as the tolerance tightens (the control works, not just the bound)', () => {
    // Sparse output times, so that the steps are chosen by the error control alone.
    const errs = [1e-3, 1e-5, 1e-7].map((rtol) => maxRelError(logistic(0.5, 1e6), 1, [10, 20, 30, 40, 60], (t) => logisticExact(0.5, 1e6, 1, t), { method: 'dopri5', rtol, atol: 1e-12 }));
    expect(errs[1]).toBeLessThan(errs[0] / 10);
    expect(errs[2]).toBeLessThan(errs[1] / 10);
  });

  it('follows a two-dimensional oscillator (cos t, −sin t) over three periods', () => {
    const times = days(20, 0.25);
    const y = solve(oscillator, 0, [1, 0], times, { method: 'dopri5', rtol: 1e-9, atol: 1e-12 });
    times.forEach((t, k) => {
      expect(Math.abs(y[2 * k] - Math.cos(t))).toBeLessThan(1e-7);
      expect(Math.abs(y[2 * k + 1] + Math.sin(t))).toBeLessThan(1e-7);
    });
  });

  it('returns the initial state at t0 and stops with a coded error on a blow-up', () => {
    expect(Array.from(solve(decay(1), 0, [2], [0, 0]))).toEqual([2, 2]);
    const blowUp: Rhs = (_t, y, dy) => { dy[0] = y[0] * y[0]; }; // y = 1/(1 − t): infinite at t = 1
    expect(() => solve(blowUp, 0, [1], [0.5, 2], { method: 'dopri5', rtol: 1e-8, atol: 1e-8, maxSteps: 10_000 })).toThrow(OdeStepLimitError);
  });
});

describe('classic Runge–Kutta (fixed step)', () => {
  it('is fourth order: halving the step divides the error by about 16', () => {
    const exact = (t: number) => logisticExact(0.5, 1000, 1, t);
    const e1 = maxRelError(logistic(0.5, 1000), 1, days(40), exact, { method: 'rk4', step: 0.5 });
    const e2 = maxRelError(logistic(0.5, 1000), 1, days(40), exact, { method: 'rk4', step: 0.25 });
    expect(e1 / e2).toBeGreaterThan(13);
    expect(e1 / e2).toBeLessThan(19);
  });

  it('with a tenth-of-a-day step is within 1e-6 of exponential decay', () => {
    expect(maxRelError(decay(0.3), 1, days(30), (t) => Math.exp(-0.3 * t), { method: 'rk4', step: 0.1 })).toBeLessThan(1e-6);
  });
});
