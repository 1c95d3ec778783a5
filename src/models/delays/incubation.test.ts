import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_SHAPE } from './core.js';
import { DelayInputError } from './errors.js';
import { distributionOf } from './families.js';
import { bootstrapIncubation, fitIncubation, type IncubationCase, incubationCaseLogProbs, incubationLogLikelihood } from './incubation.js';
import { seededUint32, simulateIncubation } from './test-helpers.js';

/** Made once by reference/make-reference.py: the same likelihood integrated by scipy.integrate.quad. */
const ref = JSON.parse(readFileSync(new URL('./reference/reference.json', import.meta.url), 'utf8'));
const cases: IncubationCase[] = ref.incubation.cases;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('doubly interval-censored likelihood against scipy quad', () => {
  it('each case’s log P_i at fixed parameters (lognormal 1.63/0.5, gamma shapes 3 and 0.7, Weibull) to 1e-10', () => {
    for (const r of ref.incubation.fixed) {
      const lp = incubationCaseLogProbs({ cases, distribution: distributionOf(r.family, r.p1, r.p2) });
      expect(lp.length).toBe(cases.length);
      r.caseLogProbs.forEach((v: number, i: number) => expect(Math.abs(lp[i] - v)).toBeLessThan(1e-10 * Math.max(1, Math.abs(v))));
    }
  });

  for (const r of ref.incubation.fits) {
    it(`${r.family}: the MLE, log-likelihood and summaries`, () => {
      const fit = fitIncubation({ cases, family: r.family });
      expect(fit.convergence.converged).toBe(true);
      expect(fit.n).toBe(cases.length);
      for (const [k, v] of Object.entries(fit.parameters)) expect(rel(v, r.parameters[k])).toBeLessThan(1e-5);
      expect(rel(fit.logLikelihood, r.logLikelihood)).toBeLessThan(1e-9);
      for (const k of ['mean', 'sd', 'median', 'p95', 'p99'] as const) expect(rel(fit[k], r[k])).toBeLessThan(1e-5);
      expect(rel(incubationLogLikelihood({ cases, distribution: fit }), fit.logLikelihood)).toBeLessThan(1e-14);
    });
  }
});

describe('recovery from simulated travellers (lognormal meanlog 1.63, sdlog 0.5 ≈ Lauer et al.)', () => {
  const truth = Math.exp(1.63);

  it('the bootstrap 95 % interval holds the true median in ≥ 17 of 20 data sets of 150 cases', () => {
    // 100 resamples each for test time. P(≤ 16 of 20) = 1.6 % at a true 95 % coverage.
    const next = seededUint32(2020);
    let covered = 0;
    const widths: number[] = [];
    for (let r = 0; r < 20; r++) {
      const sim = simulateIncubation('lognormal', 1.63, 0.5, 150, next);
      const b = bootstrapIncubation({ cases: sim, family: 'lognormal', samples: 100, seed: r });
      if (b.intervals.median.lower <= truth && truth <= b.intervals.median.upper) covered++;
      widths.push(b.intervals.median.upper - b.intervals.median.lower);
    }
    console.log('incubation recovery', covered, '/ 20; median interval widths', Math.min(...widths).toFixed(2), '–', Math.max(...widths).toFixed(2));
    expect(covered).toBeGreaterThanOrEqual(17);
  });

  it('with 3000 cases the median is within 3 % and sdlog within 5 %', () => {
    const sim = simulateIncubation('lognormal', 1.63, 0.5, 3000, seededUint32(7));
    const fit = fitIncubation({ cases: sim, family: 'lognormal' });
    expect(rel(fit.median, truth)).toBeLessThan(0.03);
    if (fit.family !== 'lognormal') throw new Error('family');
    expect(rel(fit.parameters.sdlog, 0.5)).toBeLessThan(0.05);
  });

  it('truncating the exposure window at onset changes the likelihood by a constant only', () => {
    // Case 5 of the reference has exposure days 0–6 and onset on day 4: the infection window is
    // [0, 5). Extending its exposure further leaves every P_i unchanged.
    const longer = cases.map((c, i) => (i === 4 ? { ...c, exposureEnd: c.exposureEnd + 10 } : c));
    const d = distributionOf('gamma', 3, 0.55);
    expect(incubationLogLikelihood({ cases: longer, distribution: d })).toBe(incubationLogLikelihood({ cases, distribution: d }));
  });
});

describe('input errors', () => {
  const expectError = (f: () => unknown, count?: number) => {
    try {
      f();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DelayInputError);
      expect((e as DelayInputError).parameter).toBe('cases');
      if (count !== undefined) expect((e as DelayInputError).count).toBe(count);
    }
  };
  const ok = { exposureStart: 0, exposureEnd: 2, onsetStart: 5, onsetEnd: 5 };

  it('refuses empty, NaN, an exposure window ending before it starts, an onset before exposure, a reversed onset window', () => {
    expectError(() => fitIncubation({ cases: [], family: 'lognormal' }));
    expectError(() => fitIncubation({ cases: [ok, { ...ok, exposureStart: Number.NaN }], family: 'lognormal' }), 1);
    expectError(() => fitIncubation({ cases: [{ ...ok, exposureEnd: -1 }], family: 'gamma' }), 1);
    expectError(() => fitIncubation({ cases: [{ ...ok, onsetStart: -1, onsetEnd: -1 }, { ...ok, exposureStart: 6, exposureEnd: 7 }], family: 'weibull' }), 2);
    expectError(() => fitIncubation({ cases: [{ ...ok, onsetEnd: 4 }], family: 'gamma' }), 1);
    expectError(() => fitIncubation({ cases: [{ ...ok, onsetStart: 5.5, onsetEnd: 5.5 }], family: 'gamma' }), 1);
    expect(() => bootstrapIncubation({ cases: [ok, { ...ok, onsetStart: 6, onsetEnd: 6 }], family: 'gamma', samples: 1 })).toThrow(DelayInputError);
    // The same windows up to a shift in time: one pattern, no MLE.
    expectError(() => fitIncubation({ cases: [ok, { exposureStart: 10, exposureEnd: 12, onsetStart: 15, onsetEnd: 15 }], family: 'gamma' }));
  });

  it('accepts onset on the exposure day and an onset without onsetEnd', () => {
    const f = fitIncubation({ cases: [{ exposureStart: 3, exposureEnd: 3, onsetStart: 3 }, ok, { ...ok, onsetStart: 9, onsetEnd: 9 }], family: 'gamma' });
    expect(Number.isFinite(f.logLikelihood)).toBe(true);
  });
});

describe('few cases', () => {
  // Eight windows of the Kudos list (one API filter selects them): some onsets on the last day of
  // exposure, so a resample can look like a point mass and drive the gamma shape without end.
  const day = (d: string) => Date.parse(d) / 86_400_000;
  const few: IncubationCase[] = [
    ['2020-02-12', '2020-02-18', '2020-02-22'], ['2020-02-20', '2020-02-23', '2020-02-23'], ['2020-01-23', '2020-02-01', '2020-02-01'],
    ['2020-02-15', '2020-02-15', '2020-02-20'], ['2020-01-22', '2020-02-02', '2020-02-03'], ['2020-01-25', '2020-02-20', '2020-02-20'],
    ['2020-01-25', '2020-02-12', '2020-02-12'], ['2020-01-25', '2020-02-17', '2020-02-17'],
  ].map(([s, e, o]) => ({ exposureStart: day(s), exposureEnd: day(e), onsetStart: day(o) }));

  it('keeps every bootstrap fit’s gamma and Weibull shape within MAX_SHAPE, so a resample that looks like a point mass stays cheap', () => {
    for (const family of ['gamma', 'weibull'] as const) {
      const b = bootstrapIncubation({ cases: few, family, samples: 200, seed: 3 });
      const shape = b.intervals.parameters.shape;
      expect(shape.upper).toBeGreaterThan(shape.lower);
      expect(shape.upper).toBeLessThanOrEqual(MAX_SHAPE);
      expect(b.fit.mean).toBeGreaterThan(0);
    }
  });
});
