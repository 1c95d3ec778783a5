import { describe, expect, it } from 'vitest';
import { FitBudgetError } from './budget.js';
import { fitEpidemic, type FitOptions } from './fit.js';
import { nelderMead } from './nelder-mead.js';
import type { EpidemicParams } from './params.js';
import { createRng } from './rng.js';
import { sampleNegBin, samplePoisson } from './sample-counts.js';
import { simulate } from './simulate.js';
import { poissonLogLik } from './likelihood.js';

const sigma = 1 / 3.69, gamma = 1 / 3.47;
const truth: EpidemicParams = {
  structure: 'seir', population: 5e6, sigma, gamma, reporting: 0.3,
  beta: { value: 2.6 * gamma, changes: [{ day: 40, value: 0.85 * gamma }] },
  deaths: { ifr: 0.008, delay: 16 },
  initial: { exposed: 20, infectious: 10, removed: 0 },
};

/** Daily cases and deaths drawn around the true model (seeded). */
function observe(p: EpidemicParams, days: number, seed: number, noise: (rng: ReturnType<typeof createRng>, mu: number) => number) {
  const t = simulate(p, days);
  const rng = createRng(seed);
  return { cases: Float64Array.from(t.cases, (m) => noise(rng, m)), deaths: Float64Array.from(t.deaths, (m) => noise(rng, m)) };
}

const options = (o: Partial<FitOptions> & Pick<FitOptions, 'cases'>): FitOptions => ({
  structure: 'seir', population: truth.population, deaths: null, changeDays: [40], sigma, gamma, reporting: 0.3,
  ifr: 0.0066, deathDelay: 16, free: { gamma: false, reporting: false, ifr: false }, likelihood: 'poisson',
  starts: 3, seed: 1, intervals: 'profile', budget: { maxEvaluations: 200_000, timeLimitMs: 60_000 }, ...o,
});

const within = (value: number, expected: number, share: number) => expect(Math.abs(value / expected - 1), `${value} vs ${expected}`).toBeLessThan(share);

describe('SEIR fit (maximum likelihood, Nelder–Mead)', () => {
  it('recovers R0 and the post-change R from Poisson-noised cases, each inside its 95 % profile interval', () => {
    const { cases } = observe(truth, 120, 1, samplePoisson);
    const started = performance.now();
    const fit = fitEpidemic(options({ cases }));
    const seconds = (performance.now() - started) / 1000;
    within(fit.r0.value, 2.6, 0.03);
    within(fit.segments[1].r.value, 0.85, 0.03);
    for (const [est, true_] of [[fit.r0, 2.6], [fit.segments[1].r, 0.85]] as const) {
      expect(est.lower!).toBeLessThan(true_);
      expect(est.upper!).toBeGreaterThan(true_);
      expect(est.lower!).toBeLessThan(est.value);
      expect(est.upper!).toBeGreaterThan(est.value);
    }
    expect(fit.r0.value).toBeCloseTo(fit.params.beta.value / fit.params.gamma, 12);
    expect(fit.optimizer.startsAgreeing).toBeGreaterThanOrEqual(2);
    expect(fit.aic).toBeCloseTo(2 * 3 - 2 * fit.logLik, 9);
    expect(seconds).toBeLessThan(10); // sanity: 120 days, 3 starts, two profiles (about 1 s here)
  });

  it('puts the profile bounds where the deviance is 3.84 (re-optimised independently at each bound)', () => {
    const { cases } = observe(truth, 120, 2, samplePoisson);
    const fit = fitEpidemic(options({ cases, starts: 2 }));
    // Profile deviance at R0 = bound: maximise over the other parameters by a long simplex run of its own.
    const profileAt = (r0: number) => {
      // The fit seeds day 0 along the linearised SEIR's growth eigenvector, E/I = (r + γ)/σ with
      // (r + σ)(r + γ) = σβ; the same split, from the formula, keeps this a like-for-like profile.
      const beta = r0 * gamma;
      const r = (-(sigma + gamma) + Math.sqrt((sigma - gamma) ** 2 + 4 * sigma * beta)) / 2;
      const eShare = (r + gamma) / sigma / (1 + (r + gamma) / sigma);
      const negLogLik = (x: Float64Array) => {
        const p: EpidemicParams = {
          ...truth, deaths: null,
          beta: { value: beta, changes: [{ day: 40, value: Math.exp(x[0]) * gamma }] },
          initial: { exposed: Math.exp(x[1]) * eShare, infectious: Math.exp(x[1]) * (1 - eShare), removed: 0 },
        };
        return -poissonLogLik(cases, simulate(p, 120).cases);
      };
      return nelderMead(negLogLik, [Math.log(0.85), Math.log(30)], { step: 0.2, maxEvaluations: 4000, xTolerance: 1e-8, fTolerance: 1e-10 }).f;
    };
    const best = -fit.logLik;
    for (const bound of [fit.r0.lower!, fit.r0.upper!]) {
      const deviance = 2 * (profileAt(bound) - best);
      expect(Math.abs(deviance - 3.8415)).toBeLessThan(0.05);
    }
  });

  it('recovers R, the IFR and the dispersion from negative-binomial cases (reported 5 days late) and deaths', () => {
    const { cases, deaths } = observe({ ...truth, reportingDelay: 5 }, 140, 3, (rng, mu) => sampleNegBin(rng, mu, 20));
    const fit = fitEpidemic(options({ cases, deaths, reportingDelay: 5, likelihood: 'negbin', free: { gamma: false, reporting: false, ifr: true }, intervals: 'none' }));
    within(fit.r0.value, 2.6, 0.05);
    within(fit.segments[1].r.value, 0.85, 0.03);
    within(fit.estimates.find((e) => e.name === 'ifr')!.value, 0.008, 0.1);
    within(fit.estimates.find((e) => e.name === 'dispersion_cases')!.value, 20, 0.5);
    expect(fit.observations).toBe(280);
  });

  it('recovers β and γ of an SIR epidemic seen through its peak (depletion identifies both)', () => {
    const p: EpidemicParams = { structure: 'sir', population: 2e5, sigma: 0, gamma: 0.25, reporting: 1, beta: { value: 0.5, changes: [] }, deaths: null, initial: { exposed: 0, infectious: 20, removed: 0 } };
    const { cases } = observe(p, 150, 4, samplePoisson);
    const fit = fitEpidemic(options({ structure: 'sir', population: 2e5, cases, changeDays: [], gamma: 0.15, reporting: 1, free: { gamma: true, reporting: false, ifr: false } }));
    within(fit.params.gamma, 0.25, 0.03);
    within(fit.params.beta.value, 0.5, 0.03);
    within(fit.r0.value, 2, 0.02);
  });

  it('skips unknown days rather than reading them as zeros', () => {
    const { cases } = observe(truth, 120, 5, samplePoisson);
    for (let d = 0; d < 120; d++) if (d % 7 >= 5) cases[d] = Number.NaN; // no weekend reports
    const fit = fitEpidemic(options({ cases, intervals: 'none' }));
    within(fit.r0.value, 2.6, 0.03);
    within(fit.segments[1].r.value, 0.85, 0.03);
    expect(fit.observations).toBe(120 - 34);
  });

  it('is reproducible from its seed, and stops with FitBudgetError instead of running on', () => {
    const { cases } = observe(truth, 80, 6, samplePoisson);
    const a = fitEpidemic(options({ cases, intervals: 'none' }));
    const b = fitEpidemic(options({ cases, intervals: 'none' }));
    expect(b.estimates).toEqual(a.estimates);
    expect(() => fitEpidemic(options({ cases, budget: { maxEvaluations: 50, timeLimitMs: 60_000 } }))).toThrow(FitBudgetError);
    let clock = 0;
    expect(() => fitEpidemic(options({ cases, budget: { maxEvaluations: 1e6, timeLimitMs: 100, now: () => (clock += 10) } }))).toThrow(/ran out of time/);
  });

  it('refuses a change day outside the data and too few known days', () => {
    const { cases } = observe(truth, 60, 7, samplePoisson);
    expect(() => fitEpidemic(options({ cases, changeDays: [60] }))).toThrow(/^changes\[0\]:/);
    expect(() => fitEpidemic(options({ cases: cases.subarray(0, 8), changeDays: [] }))).toThrow(/^cases: too few known days/);
  });
});
