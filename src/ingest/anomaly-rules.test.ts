import { describe, expect, it } from 'vitest';
import { dayNumber, weekday } from '../domain/dates.js';
import { detectAnomalies, modifiedZ } from './anomaly-rules.js';
import { classifyMissingWithMask } from './missing-rules.js';

const START = dayNumber('2022-01-03'); // a Monday

function flagsOf(values: number[], kind: 'cumulative' | 'daily' = 'cumulative') {
  const v = Float64Array.from(values);
  const { spans, mask } = classifyMissingWithMask(v, START, { cumulative: kind === 'cumulative' });
  return detectAnomalies(v, START, mask, kind, spans);
}
const cumulative = (daily: number[], base = 1000) => {
  let c = base;
  return daily.map((d) => (c += d));
};

describe('detectAnomalies', () => {
  it('flags a cumulative decrease with its size', () => {
    const f = flagsOf(cumulative([10, 10, 10, -25, 10, 10]));
    expect(f).toEqual([{ date: '2022-01-06', code: 'negative_change', detail: { change: -25 } }]);
  });

  it('flags a backlog far above the recent days (modified z-score > 8 and at least 30)', () => {
    const daily = Array.from({ length: 30 }, (_, i) => (i === 20 ? 900 : 40 + (i % 5)));
    const f = flagsOf(cumulative(daily));
    expect(f.map((x) => [x.date, x.code])).toEqual([['2022-01-23', 'backlog_dump']]);
    expect(f[0].detail).toMatchObject({ change: 900 });
  });

  it('does not call a surge a backlog: the days after it stay as high', () => {
    const surge = Array.from({ length: 30 }, (_, i) => (i < 20 ? 40 + (i % 5) : 400 + (i % 3)));
    expect(flagsOf(cumulative(surge)).filter((x) => x.code === 'backlog_dump')).toEqual([]);
    // The same jump as the newest value, with nothing after it yet, is flagged (until later data says otherwise).
    expect(flagsOf(cumulative(surge.slice(0, 21))).map((x) => [x.date, x.code])).toEqual([['2022-01-23', 'backlog_dump']]);
  });

  it('does not call the weeks of a weekly-reported wave backlogs, but flags a weekly spike', () => {
    // Sundays only (the other days blank), a wave rising from zero and falling back.
    const wave = [0, 0, 0, 0, 0, 0, 0, 0, 10, 200, 1600, 5200, 8500, 6300, 4400, 3000, 2100, 1500, 1200, 1000, 900, 850];
    const weekly = (weeks: number[]) => {
      const out: number[] = [];
      let c = 0;
      for (const w of weeks) {
        c += w;
        out.push(...Array(6).fill(Number.NaN), c);
      }
      return out;
    };
    expect(flagsOf(weekly(wave)).filter((x) => x.code === 'backlog_dump')).toEqual([]);
    const calm = [800, 780, 820, 790, 810, 800, 770, 830, 800, 790, 810, 800];
    const spiked = flagsOf(weekly([...wave, ...calm, 9000, 820, 790, 800]));
    expect(spiked.filter((x) => x.code === 'backlog_dump').map((x) => x.detail?.change)).toEqual([9000]);
  });

  it('does not call small or ordinary jumps backlogs', () => {
    expect(flagsOf(cumulative(Array.from({ length: 30 }, (_, i) => (i === 20 ? 29 : i % 2))))).toEqual([]);
    expect(flagsOf(cumulative(Array.from({ length: 40 }, (_, i) => 100 + 10 * Math.sin(i))))).toEqual([]);
  });

  it('compares weekly reports with weekly reports (rates per day), not with the silent days', () => {
    // Daily reporting, then Fridays only with the week's total: no backlog, one cadence change.
    const daily = [...Array(70).fill(100), ...Array.from({ length: 84 }, (_, i) => (weekday(START + 70 + i) === 4 ? 700 : 0))];
    const f = flagsOf(cumulative(daily));
    expect(f.filter((x) => x.code === 'backlog_dump')).toEqual([]);
    expect(f.filter((x) => x.code === 'cadence_change')).toHaveLength(1);
  });

  it('flags values unchanged for 14 days after weeks of change, and where a metric was discontinued', () => {
    const stale = flagsOf(cumulative([...Array(35).fill(20), ...Array(20).fill(0), 20, 20]));
    expect(stale.filter((x) => x.code === 'stale_values')).toEqual([{ date: '2022-02-07', code: 'stale_values', detail: { days: 20 } }]);
    const stopped = flagsOf([...cumulative(Array(30).fill(10)), ...Array(20).fill(0)]);
    expect(stopped.map((x) => x.code)).toContain('discontinued');
  });

  it('modified z-score falls back to the mean absolute deviation when the MAD is 0', () => {
    expect(modifiedZ(10, [1, 1, 1, 1, 2])).toBeCloseTo(9 / (1.253314 * 0.2), 6);
    expect(modifiedZ(5, [3, 3, 3])).toBe(Number.POSITIVE_INFINITY);
  });
});
