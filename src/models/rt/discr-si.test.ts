import { describe, expect, it } from 'vitest';
import { discretiseSerialInterval } from './discr-si.js';
import { RtInputError } from './errors.js';

describe('discretiseSerialInterval (EpiEstim discr_si)', () => {
  it('matches R EpiEstim 2.2-4 discr_si(0:8, 2.6, 1.5) (influenza example)', () => {
    // Printed with sprintf("%.17g") from EpiEstim 2.2-4 under R 4.2; field notes §4.3 give the same to 6 places.
    const r = [0, 0.2331721254075412, 0.35857940031559687, 0.19811082854031356, 0.10334265542793926, 0.052905175247813935, 0.026821461951616152, 0.013516198089437562, 0.0067834378153538225];
    const w = discretiseSerialInterval({ mean: 2.6, sd: 1.5 }, 9);
    r.forEach((v, k) => (k === 0 ? expect(w[k]).toBe(0) : expect(Math.abs(w[k] - v) / v).toBeLessThan(1e-12)));
    const notes = [0, 0.233172, 0.358579, 0.198111, 0.103343, 0.052905, 0.026821, 0.013516, 0.006783];
    notes.forEach((v, k) => expect(w[k]).toBeCloseTo(v, 6));
  });

  it.each([
    [2.6, 1.5],
    [4.7, 2.9],
    [6.48, 3.83],
    [4.8, 2.3],
  ])('sums to 1 and has mean exactly mu for (%s, %s)', (mean, sd) => {
    const w = discretiseSerialInterval({ mean, sd }, 400);
    let sum = 0;
    let first = 0;
    w.forEach((v, k) => ((sum += v), (first += k * v)));
    expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
    expect(Math.abs(first - mean)).toBeLessThan(1e-10);
    expect(w.every((v) => v >= 0)).toBe(true);
  });

  it('refuses a mean of 1 day or less and a non-positive sd, naming the parameter', () => {
    expect(() => discretiseSerialInterval({ mean: 1, sd: 1 }, 10)).toThrow(RtInputError);
    expect(() => discretiseSerialInterval({ mean: 0.5, sd: 1 }, 10)).toThrow(/^mean_si: must be > 1/);
    expect(() => discretiseSerialInterval({ mean: 4, sd: 0 }, 10)).toThrow(/^std_si: must be > 0/);
    expect(() => discretiseSerialInterval({ mean: Number.NaN, sd: 1 }, 10)).toThrow(/^mean_si/);
  });
});
