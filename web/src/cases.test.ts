import { describe, expect, it } from 'vitest';
import erfcStdlib from '@stdlib/math-base-special-erfc';
import gammaCdfStdlib from '@stdlib/stats-base-dists-gamma-cdf';
import { setLang } from './i18n/index.js';
import { ageText, casesQuery, cdfOf, parametersOf, dayRange, daySeries, erfc, eventText, expectedCounts, gammaRateCdf, lnGamma, lognormalCdf, pyramidOf, sourceLink, ticks, weibullCdf } from './cases.js';
import { DEFAULT_STATE } from './state.js';

describe('fitted-curve helpers', () => {
  it('ln Γ, erfc and the gamma CDF agree with known values and with @stdlib (which the browser cannot use: it evals)', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(erfc(0)).toBe(1);
    expect(erfc(1)).toBeCloseTo(0.157299207050285, 14);
    expect(erfc(-1)).toBeCloseTo(1.842700792949715, 14);
    for (const z of [-3, -1.2, -0.3, 0.01, 0.7, 1.9, 3.3, 5.5]) expect(Math.abs(erfc(z) - erfcStdlib(z)), String(z)).toBeLessThan(1e-14 * Math.max(1, erfcStdlib(z)) + 1e-300);
    // Relative accuracy in the far tail too.
    expect(erfc(5.5) / erfcStdlib(5.5)).toBeCloseTo(1, 11);
    for (const [x, k, r] of [[0.3, 0.8, 1], [2, 2.5, 0.4], [14, 3.1, 0.45], [7, 40, 5], [0.01, 0.2, 3], [30, 1.7, 0.2]]) {
      expect(Math.abs(gammaRateCdf(x, k, r) - gammaCdfStdlib(x, k, r)), `${x} ${k} ${r}`).toBeLessThan(1e-13);
    }
  });

  it('gamma(shape 1, rate r) is the exponential: F(x) = 1 − e^−rx', () => {
    for (const x of [0.1, 0.5, 1, 2, 7.5, 20]) expect(gammaRateCdf(x, 1, 1)).toBeCloseTo(1 - Math.exp(-x), 12);
    expect(gammaRateCdf(3, 1, 0.5)).toBeCloseTo(1 - Math.exp(-1.5), 12);
    // Rate, not scale: gamma(2, rate 2) has mean 1 and F(1) = 1 − 3e^−2.
    expect(gammaRateCdf(1, 2, 2)).toBeCloseTo(1 - 3 * Math.exp(-2), 12);
    expect(gammaRateCdf(0, 2, 2)).toBe(0);
    expect(gammaRateCdf(-1, 2, 2)).toBe(0);
  });

  it('lognormal: F(e^meanlog) = ½, F(e^(μ+σ)) = Φ(1)', () => {
    expect(lognormalCdf(Math.exp(1.6), 1.6, 0.5)).toBeCloseTo(0.5, 14);
    expect(lognormalCdf(Math.exp(1.6 + 0.5), 1.6, 0.5)).toBeCloseTo(0.841344746068543, 12);
    expect(lognormalCdf(Math.exp(1.6 - 2 * 0.5), 1.6, 0.5)).toBeCloseTo(0.022750131948179, 12);
    expect(lognormalCdf(0, 1.6, 0.5)).toBe(0);
  });

  it('Weibull: F(scale) = 1 − 1/e for any shape; shape 1 is the exponential', () => {
    for (const k of [0.5, 1, 2.3, 5]) expect(weibullCdf(6.2, k, 6.2)).toBeCloseTo(1 - 1 / Math.E, 14);
    expect(weibullCdf(2, 1, 4)).toBeCloseTo(1 - Math.exp(-0.5), 14);
    expect(weibullCdf(-2, 1, 4)).toBe(0);
  });

  it('picks each family’s CDF by the API’s parameter names, and none for an unknown family or a bad parameter', () => {
    expect(cdfOf({ family: 'gamma', parameters: { shape: 1, rate: 1 } })!(1)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(cdfOf({ family: 'lognormal', parameters: { meanlog: 0, sdlog: 1 } })!(1)).toBeCloseTo(0.5, 14);
    expect(cdfOf({ family: 'weibull', parameters: { shape: 2, scale: 3 } })!(3)).toBeCloseTo(1 - 1 / Math.E, 14);
    expect(cdfOf({ family: 'cauchy', parameters: { location: 0, scale: 1 } })).toBeNull();
    expect(cdfOf({ family: 'gamma', parameters: { shape: 2, scale: 1 } })).toBeNull();
    expect(cdfOf({ family: 'weibull', parameters: { shape: -1, scale: 1 } })).toBeNull();
  });

  it('solves a fit’s parameters from its summaries when the answer lacks them, and keeps them when it has them', () => {
    // Gamma(shape 2.5, rate 0.5): mean 5, sd √10.
    const g = parametersOf({ family: 'gamma', parameters: {}, mean: 5, sd: Math.sqrt(10), median: 4.3, p95: 11 })!;
    expect(g.shape).toBeCloseTo(2.5, 12);
    expect(g.rate).toBeCloseTo(0.5, 12);
    // Lognormal(1.6, 0.5): median e^1.6, p95 e^(1.6 + 0.5·1.6449).
    const l = parametersOf({ family: 'lognormal', parameters: {}, mean: 0, sd: 0, median: Math.exp(1.6), p95: Math.exp(1.6 + 0.5 * 1.6448536269514722) })!;
    expect(l.meanlog).toBeCloseTo(1.6, 12);
    expect(l.sdlog).toBeCloseTo(0.5, 12);
    // Weibull(shape 2, scale 6): q(p) = 6·(−ln(1−p))^(1/2).
    const q = (p: number) => 6 * Math.sqrt(-Math.log(1 - p));
    const w = parametersOf({ family: 'weibull', parameters: {}, mean: 0, sd: 0, median: q(0.5), p95: q(0.95) })!;
    expect(w.shape).toBeCloseTo(2, 12);
    expect(w.scale).toBeCloseTo(6, 12);
    expect(cdfOf({ family: 'weibull', parameters: {}, mean: 0, sd: 0, median: q(0.5), p95: q(0.95) })!(6)).toBeCloseTo(1 - 1 / Math.E, 12);
    const given = { shape: 3, rate: 1 };
    expect(parametersOf({ family: 'gamma', parameters: given, mean: 99, sd: 1, median: 1, p95: 2 })).toBe(given);
    expect(parametersOf({ family: 'pareto', parameters: {}, mean: 1, sd: 1, median: 1, p95: 2 })).toBeNull();
  });

  it('gives each whole day the expected count total × (F(d+1) − F(d)), summing to the total over the support', () => {
    const exp1 = (x: number) => (x > 0 ? 1 - Math.exp(-x) : 0);
    const c = expectedCounts(exp1, [-1, 0, 1, 2], 100);
    expect(c.map((x) => x.day)).toEqual([-1, 0, 1, 2]);
    expect(c[0].count).toBe(0);
    expect(c[1].count).toBeCloseTo(100 * (1 - Math.exp(-1)), 12);
    expect(c[2].count).toBeCloseTo(100 * (Math.exp(-1) - Math.exp(-2)), 12);
    const all = expectedCounts(cdfOf({ family: 'gamma', parameters: { shape: 3, rate: 0.6 } })!, Array.from({ length: 200 }, (_, i) => i), 250);
    expect(all.reduce((n, x) => n + x.count, 0)).toBeCloseTo(250, 8);
  });

  it('spans the histogram’s days (gaps included) and reaches a later day asked for', () => {
    expect(dayRange([{ day: 2 }, { day: 0 }, { day: 5 }])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(dayRange([{ day: -1 }, { day: 1 }], 3)).toEqual([-1, 0, 1, 2, 3]);
    expect(dayRange([])).toEqual([]);
  });
});

describe('Cases page data', () => {
  it('sends only the filters that are set, as the API names them', () => {
    expect(casesQuery(DEFAULT_STATE.cases)).toEqual({ source: undefined, location: undefined, sex: undefined, outcome: undefined, as_of: undefined });
    expect(casesQuery({ sources: ['linelist-kudos'], location: 'CN', sex: 'female', outcome: 'died', asOf: '2020-02-01' }))
      .toEqual({ source: 'linelist-kudos', location: 'CN', sex: 'female', outcome: 'died', as_of: '2020-02-01' });
  });

  it('builds the pyramid from age × sex rows: every band between the youngest and oldest, unknowns counted apart', () => {
    const p = pyramidOf([
      { band: '20-29', sex: 'female', cases: 4 }, { band: '20-29', sex: 'male', cases: 6 }, { band: '50-59', sex: 'male', cases: 2 },
      { band: '50-59', sex: 'unknown', cases: 3 }, { band: 'unknown', sex: 'female', cases: 5 }, { band: 'unknown', sex: 'unknown', cases: 7 },
    ]);
    expect(p.bands).toEqual([
      { band: '20-29', male: 6, female: 4 }, { band: '30-39', male: 0, female: 0 }, { band: '40-49', male: 0, female: 0 }, { band: '50-59', male: 2, female: 0 },
    ]);
    expect([p.unknownSex, p.unknownAge, p.total]).toEqual([10, 5, 27]);
    expect(pyramidOf([]).bands).toEqual([]);
  });

  it('puts onset and confirmation counts on every day from the first to the last date of either', () => {
    const s = daySeries([
      { event: 'confirmation', date: '2020-01-30', cases: 2 }, { event: 'onset', date: '2020-01-28', cases: 1 },
      { event: 'onset', date: '2020-02-01', cases: 3 }, { event: 'outcome', date: '2020-03-01', cases: 9 },
    ]);
    expect(s.days).toEqual(['2020-01-28', '2020-01-29', '2020-01-30', '2020-01-31', '2020-02-01']);
    expect(s.onset).toEqual([1, 0, 0, 0, 3]);
    expect(s.confirmation).toEqual([0, 0, 2, 0, 0]);
    expect(daySeries([{ event: 'report', date: '2020-01-01', cases: 1 }]).days).toEqual([]);
  });

  it('writes ages, event dates and source links as the table shows them', () => {
    expect([ageText(45, 45), ageText(50, 59), ageText(80, null), ageText(null, null)]).toEqual(['45', '50–59', '80+', '—']);
    const day = { onset_start: '2020-01-20', onset_end: '2020-01-20', onset_precision: 'day' };
    const range = { onset_start: '2020-01-10', onset_end: '2020-01-22', onset_precision: 'range' };
    const month = { onset_start: '2020-01-01', onset_end: '2020-01-31', onset_precision: 'month' };
    expect(eventText(day, 'onset')).toEqual({ text: '20 Jan 2020', raw: false });
    expect(eventText(range, 'onset')).toEqual({ text: '10 Jan 2020 – 22 Jan 2020', raw: false });
    expect(eventText(month, 'onset')).toEqual({ text: 'Jan 2020', raw: false });
    expect(eventText({ onset_start: null, onset_end: null, onset_precision: 'unknown', onset_date_raw: 'early Jan' }, 'onset')).toEqual({ text: '“early Jan”', raw: true });
    expect(eventText({ onset_start: null, onset_date_raw: null }, 'onset')).toEqual({ text: '—', raw: false });
    setLang('zh');
    expect([day, range, month].map((r) => eventText(r, 'onset').text)).toEqual(['2020年1月20日', '2020年1月10日 – 2020年1月22日', '2020年1月']);
    setLang('en');
    expect(sourceLink('https://example.org/a; http://b.example/c')).toBe('https://example.org/a');
    expect(sourceLink('javascript:alert(1); https://ok.example/x')).toBe('https://ok.example/x');
    expect(sourceLink('see report')).toBeNull();
    expect(sourceLink(null)).toBeNull();
  });

  it('makes round axis ticks from zero past the maximum', () => {
    expect(ticks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(100)).toEqual([0, 50, 100]);
    expect(ticks(0)).toEqual([0, 1]);
    expect(ticks(1234)).toEqual([0, 500, 1000, 1500]);
  });
});
