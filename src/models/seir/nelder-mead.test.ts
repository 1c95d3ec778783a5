import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead.js';

describe('Nelder–Mead', () => {
  it('finds the Rosenbrock minimum (1, 1) from the classic start (−1.2, 1)', () => {
    const rosen = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const r = nelderMead(rosen, [-1.2, 1], { maxEvaluations: 2000, xTolerance: 1e-9, fTolerance: 1e-14 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });

  it('finds the minimum of a scaled, shifted 6-dimensional quadratic', () => {
    const centre = [3, -2, 0.5, 10, -7, 1];
    const scale = [1, 4, 0.5, 2, 10, 1];
    const q = (x: Float64Array) => x.reduce((s, v, i) => s + scale[i] * (v - centre[i]) ** 2, 0);
    const r = nelderMead(q, [0, 0, 0, 0, 0, 0], { step: 1, maxEvaluations: 20_000, xTolerance: 1e-8, fTolerance: 1e-14 });
    expect(r.converged).toBe(true);
    centre.forEach((c, i) => expect(r.x[i]).toBeCloseTo(c, 5));
  });

  it('finds the 4-dimensional Rosenbrock minimum (all ones) with the adaptive coefficients', () => {
    const rosen = (x: Float64Array) => { let s = 0; for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2; return s; };
    // (From near (−1, 1, 1, 1) it rightly stops at the known local minimum ≈ (−0.776, 0.614, 0.382, 0.145).)
    const r = nelderMead(rosen, [0, 0, 0, 0], { step: 0.5, maxEvaluations: 50_000, xTolerance: 1e-10, fTolerance: 1e-16 });
    for (const v of r.x) expect(v).toBeCloseTo(1, 4);
  });

  it('stops at the evaluation budget and treats NaN as +Infinity', () => {
    const r = nelderMead((x) => (x[0] < 0 ? Number.NaN : (x[0] - 2) ** 2), [1], { maxEvaluations: 15 });
    expect(r.evaluations).toBeLessThanOrEqual(16);
    expect(r.converged).toBe(false);
    expect(r.x[0]).toBeGreaterThanOrEqual(0);
  });
});
