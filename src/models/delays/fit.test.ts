import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DelayInputError } from './errors.js';
import { type DelayDistribution, type DelayFamily, distributionOf } from './families.js';
import { bootstrapDelay, type DelayInterval, delayLogLikelihood, delayPmf, fitDelay, fitDelays, intervalsFromDays } from './fit.js';

/** Made once by reference/make-reference.py (scipy 1.17): see that script. */
const ref = JSON.parse(readFileSync(new URL('./reference/reference.json', import.meta.url), 'utf8'));
const refIntervals: DelayInterval[] = ref.delays.intervals.map(([lo, hi]: [number, number | null]) => ({ lo, hi: hi ?? Number.POSITIVE_INFINITY }));
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('fitDelay against scipy (interval-censored MLE written independently in Python)', () => {
  for (const r of ref.delays.fits) {
    it(`${r.family}: parameters, log-likelihood and summaries`, () => {
      const fit = fitDelay({ intervals: refIntervals, family: r.family });
      expect(fit.family).toBe(r.family);
      expect(fit.n).toBe(r.n);
      expect(fit.convergence.converged).toBe(true);
      for (const [k, v] of Object.entries(fit.parameters)) expect(rel(v, r.parameters[k])).toBeLessThan(1e-5);
      expect(rel(fit.logLikelihood, r.logLikelihood)).toBeLessThan(1e-10);
      expect(rel(fit.aic, r.aic)).toBeLessThan(1e-10);
      for (const k of ['mean', 'sd', 'median', 'p95', 'p99'] as const) expect(rel(fit[k], r[k])).toBeLessThan(1e-5);
    });
  }

  it('log-likelihood at fixed parameters equals scipy’s to 1e-12 (gamma shapes 2 and 0.7, Weibull shapes 1.4 and 0.8)', () => {
    for (const r of ref.delays.fixed) {
      const ll = delayLogLikelihood({ intervals: refIntervals, distribution: distributionOf(r.family, r.p1, r.p2) });
      expect(rel(ll, r.logLikelihood)).toBeLessThan(1e-12);
    }
  });

  it('fitDelays sorts the three families by AIC', () => {
    const fits = fitDelays({ intervals: refIntervals });
    expect(fits.map((f) => f.family).sort()).toEqual(['gamma', 'lognormal', 'weibull']);
    for (let i = 1; i < fits.length; i++) expect(fits[i].aic).toBeGreaterThanOrEqual(fits[i - 1].aic);
    const best = [...ref.delays.fits].sort((a: { aic: number }, b: { aic: number }) => a.aic - b.aic)[0];
    expect(fits[0].family).toBe(best.family);
    expect(fitDelays({ intervals: refIntervals, families: ['weibull'] }).map((f) => f.family)).toEqual(['weibull']);
  });
});

describe('closed forms', () => {
  const days = [0, 0, 0, 1, 1, 2, 3, 3, 5, 8, 13];
  const intervals = intervalsFromDays(days);

  it('shape 1 (exponential, rate λ): P[d, d + 1) = e^{−λd}(1 − e^{−λ}) exactly, for gamma and Weibull', () => {
    const lambda = 0.3;
    const exact = days.reduce((s, d) => s - lambda * d + Math.log(-Math.expm1(-lambda)), 0);
    const gamma: DelayDistribution = { family: 'gamma', parameters: { shape: 1, rate: lambda } };
    const weibull: DelayDistribution = { family: 'weibull', parameters: { shape: 1, scale: 1 / lambda } };
    expect(rel(delayLogLikelihood({ intervals, distribution: gamma }), exact)).toBeLessThan(1e-13);
    expect(rel(delayLogLikelihood({ intervals, distribution: weibull }), exact)).toBeLessThan(1e-13);
  });

  it('gamma shape 2: S(x) = e^{−βx}(1 + βx), including a right-censored interval and far-tail intervals', () => {
    const beta = 0.45;
    const S = (x: number) => (x === Number.POSITIVE_INFINITY ? 0 : Math.exp(-beta * x) * (1 + beta * x));
    const iv = [...intervals, { lo: 2, hi: 4 }, { lo: 9, hi: Number.POSITIVE_INFINITY }];
    const exact = iv.reduce((s, { lo, hi }) => s + Math.log(S(lo) - S(hi)), 0);
    const d: DelayDistribution = { family: 'gamma', parameters: { shape: 2, rate: beta } };
    expect(rel(delayLogLikelihood({ intervals: iv, distribution: d }), exact)).toBeLessThan(1e-12);
    // P[60, 61) ≈ 5e-11 and P[100, 101) ≈ 4e-19: F(hi) − F(lo) would lose most or all digits;
    // the survival difference keeps them.
    for (const lo of [60, 100]) {
      const ll = delayLogLikelihood({ intervals: [{ lo, hi: lo + 1 }], distribution: d });
      expect(rel(ll, Math.log(S(lo) - S(lo + 1)))).toBeLessThan(1e-12);
    }
  });

  it('the exponential MLE from daily data is the geometric one, λ = ln(1 + 1/mean): the Weibull fit’s profile at shape 1', () => {
    // With the shape fixed at 1 the log-likelihood is maximised at λ = ln(1 + 1/d̄); check the
    // implementation's likelihood is flat there (central difference ≈ 0) and lower either side.
    const mean = days.reduce((a, b) => a + b, 0) / days.length;
    const lhat = Math.log(1 + 1 / mean);
    const ll = (l: number) => delayLogLikelihood({ intervals, distribution: { family: 'weibull', parameters: { shape: 1, scale: 1 / l } } });
    const h = 1e-5;
    expect(Math.abs((ll(lhat + h) - ll(lhat - h)) / (2 * h))).toBeLessThan(1e-5);
    expect(ll(lhat)).toBeGreaterThan(ll(lhat * 1.01));
    expect(ll(lhat)).toBeGreaterThan(ll(lhat * 0.99));
  });

  it('delayPmf of an exponential is geometric; other families match scipy (renormalised, d = 0…20)', () => {
    const lambda = 0.3;
    const pmf = delayPmf({ family: 'gamma', parameters: { shape: 1, rate: lambda } }, 30);
    const q = Math.exp(-lambda);
    const norm = 1 - q ** 31;
    for (let d = 0; d <= 30; d++) expect(rel(pmf[d], ((1 - q) * q ** d) / norm)).toBeLessThan(1e-12);
    for (const r of ref.delays.pmf) {
      const w = delayPmf(distributionOf(r.family, r.p1, r.p2), r.maxDays);
      expect(w.length).toBe(21);
      r.pmf.forEach((v: number, d: number) => expect(Math.abs(w[d] - v)).toBeLessThan(1e-13 + 1e-10 * v));
    }
    expect(delayPmf({ family: 'lognormal', parameters: { meanlog: 1.5, sdlog: 0.4 } }, 0)).toEqual(Float64Array.of(1));
  });
});

describe('fitDelay on other inputs', () => {
  it('a delay of 0 days is [0, 1) and needs no shift, for every family', () => {
    const iv = intervalsFromDays([0, 0, 0, 0, 1, 1, 2]);
    for (const family of ['gamma', 'lognormal', 'weibull'] as DelayFamily[]) {
      const fit = fitDelay({ intervals: iv, family });
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
      expect(fit.median).toBeGreaterThan(0);
      expect(fit.median).toBeLessThan(1.5);
    }
  });

  it('converges on 100,000 cases (grouped: the cost does not grow with n)', () => {
    const days = Array.from({ length: 100_000 }, (_, i) => Math.floor(-Math.log(1 - (i + 0.5) / 100_000) / 0.2));
    for (const family of ['gamma', 'lognormal', 'weibull'] as DelayFamily[]) {
      const fit = fitDelay({ intervals: intervalsFromDays(days), family });
      expect(fit.convergence.converged).toBe(true);
      if (family !== 'lognormal') expect(rel(fit.mean, 5)).toBeLessThan(0.01); // exponential quantiles, mean 5
    }
  });

  it('the bootstrap is reproducible from its seed and brackets the point estimate', () => {
    const a = bootstrapDelay({ intervals: refIntervals, family: 'gamma', samples: 50, seed: 5 });
    const b = bootstrapDelay({ intervals: refIntervals, family: 'gamma', samples: 50, seed: 5 });
    expect(a).toEqual(b);
    expect(a.samples).toBe(50);
    for (const k of ['mean', 'median', 'p95', 'p99'] as const) {
      expect(a.intervals[k].lower).toBeLessThan(a.fit[k]);
      expect(a.intervals[k].upper).toBeGreaterThan(a.fit[k]);
    }
    expect(Object.keys(a.intervals.parameters)).toEqual(['shape', 'rate']);
    expect(bootstrapDelay({ intervals: refIntervals, family: 'gamma', samples: 50, seed: 6 })).not.toEqual(a);
  });
});

describe('input errors', () => {
  const expectError = (f: () => unknown, parameter: string, count?: number) => {
    try {
      f();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DelayInputError);
      expect((e as DelayInputError).parameter).toBe(parameter);
      if (count !== undefined) expect((e as DelayInputError).count).toBe(count);
    }
  };

  it('refuses empty, NaN, hi ≤ lo and negative intervals, counting them', () => {
    expectError(() => fitDelay({ intervals: [], family: 'gamma' }), 'intervals');
    expectError(() => fitDelay({ intervals: [{ lo: Number.NaN, hi: 1 }], family: 'gamma' }), 'intervals', 1);
    expectError(() => fitDelay({ intervals: [{ lo: 1, hi: Number.NaN }], family: 'gamma' }), 'intervals', 1);
    expectError(() => fitDelay({ intervals: [{ lo: 2, hi: 2 }, { lo: 3, hi: 1 }, { lo: 0, hi: 1 }], family: 'lognormal' }), 'intervals', 2);
    expectError(() => fitDelay({ intervals: [{ lo: -1, hi: 0 }], family: 'weibull' }), 'intervals', 1);
    expectError(() => fitDelays({ intervals: [{ lo: 1, hi: 0 }] }), 'intervals');
    // One distinct interval: every distribution with its mass inside fits perfectly (no MLE).
    expectError(() => fitDelay({ intervals: intervalsFromDays([3, 3, 3, 3]), family: 'gamma' }), 'intervals');
  });

  it('refuses an unknown family, bad bootstrap options and a bad pmf request', () => {
    const iv = intervalsFromDays([1, 2, 3]);
    expectError(() => fitDelay({ intervals: iv, family: 'exponential' as DelayFamily }), 'family');
    expectError(() => fitDelays({ intervals: iv, families: [] }), 'families');
    expectError(() => bootstrapDelay({ intervals: iv, family: 'gamma', samples: 5 }), 'samples');
    expectError(() => bootstrapDelay({ intervals: iv, family: 'gamma', seed: -1 }), 'seed');
    expectError(() => bootstrapDelay({ intervals: iv, family: 'gamma', seed: 1.5 }), 'seed');
    expectError(() => delayPmf({ family: 'gamma', parameters: { shape: 2, rate: 1 } }, -1), 'maxDays');
    expectError(() => delayPmf({ family: 'gamma', parameters: { shape: 2, rate: 1 } }, 2.5), 'maxDays');
    expectError(() => delayPmf({ family: 'gamma', parameters: { shape: -2, rate: 1 } }, 10), 'distribution');
    expectError(() => delayLogLikelihood({ intervals: iv, distribution: { family: 'lognormal', parameters: { meanlog: 1, sdlog: 0 } } }), 'distribution');
    expectError(() => delayLogLikelihood({ intervals: iv, distribution: { family: 'weibull', parameters: { shape: 1, scale: Number.NaN } } }), 'distribution');
  });
});
