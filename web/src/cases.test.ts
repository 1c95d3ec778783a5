import { describe, expect, it } from 'vitest';
import { ageText, casesQuery, cdfOf, dayRange, daySeries, eventText, expectedCounts, gammaRateCdf, lognormalCdf, pyramidOf, sourceLink, ticks, weibullCdf } from './cases.js';
import { DEFAULT_STATE } from './state.js';

describe('fitted-curve helpers', () => {
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
    expect(eventText({ onset_start: '2020-01-20', onset_end: '2020-01-20', onset_precision: 'day' }, 'onset')).toBe('2020-01-20');
    expect(eventText({ onset_start: '2020-01-10', onset_end: '2020-01-22', onset_precision: 'range' }, 'onset')).toBe('2020-01-10 – 2020-01-22');
    expect(eventText({ onset_start: '2020-01-01', onset_end: '2020-01-31', onset_precision: 'month' }, 'onset')).toBe('2020-01');
    expect(eventText({ onset_start: null, onset_end: null, onset_precision: 'unknown', onset_date_raw: 'early Jan' }, 'onset')).toBe('“early Jan”');
    expect(eventText({ onset_start: null, onset_date_raw: null }, 'onset')).toBe('—');
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
