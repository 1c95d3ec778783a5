import { finalSusceptible } from '../../../test/final-size.js';
import { describe, expect, it } from 'vitest';
import { ModelInputError, type EpidemicParams } from './params.js';
import { simulate } from './simulate.js';

const base: EpidemicParams = {
  structure: 'seir',
  population: 1e6,
  beta: { value: 0.5, changes: [] },
  sigma: 1 / 4,
  gamma: 1 / 5,
  reporting: 1,
  deaths: null,
  initial: { exposed: 0, infectious: 10, removed: 0 },
};

describe('SIR / SEIR simulation', () => {
  it('conserves S + E + I + R + dying + dead = N every day, through transmission changes and deaths', () => {
    const p: EpidemicParams = { ...base, beta: { value: 0.8, changes: [{ day: 30, value: 0.2 }, { day: 60, value: 0.45 }] }, deaths: { ifr: 0.01, delay: 16 } };
    const t = simulate(p, 300);
    for (let k = 0; k <= 300; k++) {
      const total = t.susceptible[k] + t.exposed[k] + t.infectious[k] + t.recovered[k] + t.dying[k] + t.dead[k];
      expect(Math.abs(total - p.population)).toBeLessThan(1e-6 * p.population);
    }
  });

  it.each(['sir', 'seir'] as const)('%s: the final size satisfies S∞ = S0·exp(−R0·(N − S∞)/N) (R0 = 2.5, 1.5, 1.1)', (structure) => {
    for (const R0 of [2.5, 1.5, 1.1]) {
      const gamma = 0.2;
      const p: EpidemicParams = { ...base, structure, beta: { value: R0 * gamma, changes: [] }, gamma, initial: { exposed: 0, infectious: 10, removed: 0 } };
      const t = simulate(p, 3000);
      const expected = finalSusceptible(p.population, p.population - 10, R0);
      expect(Math.abs(t.susceptible[3000] - expected) / (p.population - expected), `R0 ${R0}`).toBeLessThan(1e-5);
    }
  });

  it('grows at the SEIR eigenvalue r: (r + σ)(r + γ) = σβ while susceptibles are not depleted', () => {
    const p: EpidemicParams = { ...base, population: 1e12 };
    const { sigma, gamma } = p;
    const beta = p.beta.value;
    const r = (-(sigma + gamma) + Math.sqrt((sigma - gamma) ** 2 + 4 * sigma * beta)) / 2;
    const t = simulate(p, 80);
    // After the initial transient the dominant mode rules: log-slope of I between days 40 and 80.
    const slope = (Math.log(t.infectious[80]) - Math.log(t.infectious[40])) / 40;
    expect(Math.abs(slope - r)).toBeLessThan(1e-5);
  });

  it('with no transmission, I decays as I0·e^(−γt) and deaths reach ifr × removals', () => {
    const p: EpidemicParams = { ...base, structure: 'sir', beta: { value: 0, changes: [] }, deaths: { ifr: 0.02, delay: 0 }, initial: { exposed: 0, infectious: 1000, removed: 0 } };
    const t = simulate(p, 50);
    for (const k of [0, 1, 10, 50]) {
      // Within the solver's default relative tolerance (1e-7), with room.
      expect(Math.abs(t.infectious[k] / (1000 * Math.exp(-p.gamma * k)) - 1)).toBeLessThan(1e-6);
      expect(Math.abs(t.dead[k] - 0.02 * 1000 * (1 - Math.exp(-p.gamma * k)))).toBeLessThan(1e-6 * 20);
    }
  });

  it('delayed deaths end at ifr × everyone ever infected; reported cases are reporting × onsets', () => {
    const p: EpidemicParams = { ...base, reporting: 0.3, deaths: { ifr: 0.005, delay: 16 } };
    const t = simulate(p, 2000);
    const everInfected = p.population - t.susceptible[2000];
    expect(t.dead[2000] / everInfected).toBeCloseTo(0.005, 8);
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(sum(t.deaths)).toBeCloseTo(t.dead[2000], 6);
    expect(sum(t.cases) / sum(t.onsets)).toBeCloseTo(0.3, 12);
    expect(sum(t.onsets) + t.exposed[2000]).toBeCloseTo(sum(t.infections) + p.initial.exposed, 3);
  });

  it('stops infections from the day β drops to 0 (a change applies from its day on)', () => {
    const t = simulate({ ...base, beta: { value: 0.6, changes: [{ day: 20, value: 0 }] } }, 40);
    expect(t.infections[19]).toBeGreaterThan(1);
    for (let k = 20; k < 40; k++) expect(Math.abs(t.infections[k])).toBe(0);
  });

  it('a reporting delay of d days reports on day k the onsets of day k − d (the run starts d days earlier)', () => {
    const d = 6;
    const early: EpidemicParams = { ...base, beta: { value: 0.6, changes: [{ day: 30 + d, value: 0.2 }] }, deaths: { ifr: 0.01, delay: 10 } };
    const delayed: EpidemicParams = { ...early, beta: { value: 0.6, changes: [{ day: 30, value: 0.2 }] }, reportingDelay: d };
    const a = simulate(early, 100 + d), b = simulate(delayed, 100);
    for (let k = 0; k < 100; k++) {
      expect(b.cases[k]).toBeCloseTo(a.cases[k], 6); // onsets of day k − d, counted from the same start
      expect(b.deaths[k]).toBeCloseTo(a.deaths[k + d], 6);
      expect(b.infectious[k]).toBeCloseTo(a.infectious[k + d], 6);
    }
    expect(() => simulate({ ...base, reportingDelay: 1.5 }, 10)).toThrow(/^reportingDelay:/);
  });

  it('names the parameter out of its domain', () => {
    const bad = (p: Partial<EpidemicParams>) => () => simulate({ ...base, ...p }, 10);
    expect(bad({ gamma: 0 })).toThrow(ModelInputError);
    expect(bad({ gamma: 0 })).toThrow(/^gamma:/);
    expect(bad({ beta: { value: 1, changes: [{ day: 5, value: 1 }, { day: 3, value: 1 }] } })).toThrow(/^beta\.changes\[1\]\.day:/);
    expect(bad({ initial: { exposed: 0, infectious: 2e6, removed: 0 } })).toThrow(/^initial:/);
    expect(bad({ reporting: 1.5 })).toThrow(/^reporting:/);
  });
});
