import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../domain/dates.js';
import { backtest } from './backtest.js';
import type { CumulativeSeries } from './weekly.js';

const START = dayNumber('2020-01-04'); // a Saturday
const saturday = (week: number) => START + 7 * week;
/** A cumulative series growing by `perWeek` each week (evenly per day), for `days` days. */
const linear = (perWeek: number, days: number): CumulativeSeries => ({ start: START, cumulative: Float64Array.from({ length: days }, (_, i) => (perWeek / 7) * i) });

describe('backtest on versioned truth', () => {
  it('asks for each reference date’s vintage, never reads past it, and scores against the latest data', async () => {
    const asked: number[] = [];
    // The vintage of day D: 700 a week up to D, absurd values afterwards (which must stay unseen).
    const seriesAsOf = (day: number): CumulativeSeries => {
      asked.push(day);
      const s = linear(700, 200);
      for (let i = day - START + 1; i < s.cumulative.length; i++) (s.cumulative as Float64Array)[i] = 1e12 * i;
      return s;
    };
    const dates = [saturday(10), saturday(11), saturday(12)];
    const progress: [number, number][] = [];
    const r = await backtest({
      models: ['baseline'], referenceDates: dates, seriesAsOf, truth: linear(1400, 200), settings: { target: 'case' },
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(asked).toEqual(dates);
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
    // Every past change is 0, so every quantile is 700; the truth is 1400 a week. All quantiles
    // equal: WIS = (½·700 + Σ αₖ/2 · (2/αₖ)·700) / (K + ½) = 700 for any K.
    expect(r.scores).toHaveLength(12);
    for (const s of r.scores) {
      expect(Array.from(s.forecast.values)).toEqual(new Array(7).fill(700));
      expect(s).toMatchObject({ observed: 1400, wis: expect.closeTo(700, 9), aeMedian: 700, coverage50: false, coverage95: false });
    }
    expect(r.summary.find((x) => x.horizon === null)).toMatchObject({ model: 'baseline', n: 12, meanWis: expect.closeTo(700, 9), relativeWis: 1 });
  });

  it('each forecast moves with its own vintage only', async () => {
    // Vintage D reports (D − START) a week: the median of the forecast at D is that number.
    const seriesAsOf = (day: number) => linear(day - START, day - START + 1);
    const dates = [saturday(5), saturday(9)];
    const r = await backtest({ models: ['baseline'], referenceDates: dates, seriesAsOf, truth: linear(50, 400), settings: { target: 'death' } });
    for (const s of r.scores) expect(s.forecast.values[11]).toBeCloseTo(s.referenceDate - START, 9);
  });

  it('counts forecasts whose target week the latest data does not know yet, and reports models that could not forecast', async () => {
    const dates = [saturday(10), saturday(12)];
    const truth = linear(1400, saturday(13) - START + 1); // ends on week 13
    const r = await backtest({ models: ['baseline', 'loglinear'], referenceDates: dates, seriesAsOf: () => linear(700, 200), truth, settings: { target: 'case' } });
    // Week 10: horizons 1–3 scored, 4 not; week 12: horizon 1 only. Two models.
    expect(r.scores.filter((s) => s.model === 'baseline').map((s) => [s.referenceDate, s.horizon])).toEqual([
      [dates[0], 1], [dates[0], 2], [dates[0], 3], [dates[1], 1],
    ]);
    expect(r.unscored).toBe(2 * (1 + 3));
    const early = await backtest({ models: ['loglinear'], referenceDates: [saturday(2)], seriesAsOf: () => linear(700, 200), truth, settings: { target: 'case' } });
    expect(early.skipped).toEqual([{ model: 'loglinear', referenceDate: saturday(2), reason: expect.stringMatching(/last 3 weeks/) }]);
    // The baseline runs for relative WIS even when not asked for, and is not reported.
    expect(early.scores.every((s) => s.model === 'loglinear')).toBe(true);
  });
});
