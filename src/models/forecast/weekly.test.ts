import { describe, expect, it } from 'vitest';
import { dayNumber, isoFromDay } from '../../domain/dates.js';
import { isSaturday, saturdayOnOrAfter, saturdayOnOrBefore, weeklyIncidence } from './weekly.js';

const N = Number.NaN;
const d = dayNumber;
/** A cumulative series from 2020-02-29 (a Saturday), given as date → value. */
function series(values: Record<string, number>, until = '2020-03-21') {
  const start = d('2020-02-29');
  const cumulative = new Float64Array(d(until) - start + 1).fill(N);
  for (const [date, v] of Object.entries(values)) cumulative[d(date) - start] = v;
  return { start, cumulative };
}
const weeks = (w: ReturnType<typeof weeklyIncidence>) => Object.fromEntries(Array.from(w.values, (v, i) => [isoFromDay(w.firstWeekEnd + 7 * i), v]));

describe('epiweek helpers', () => {
  it('finds Saturdays', () => {
    expect(isSaturday(d('2020-04-04'))).toBe(true);
    expect(isSaturday(d('2020-04-05'))).toBe(false);
    expect(isoFromDay(saturdayOnOrBefore(d('2020-04-08')))).toBe('2020-04-04');
    expect(isoFromDay(saturdayOnOrAfter(d('2020-04-08')))).toBe('2020-04-11');
    expect(isoFromDay(saturdayOnOrBefore(d('2020-04-04')))).toBe('2020-04-04');
  });
});

describe('weekly incidence from a cumulative series', () => {
  it('differences the values in force at consecutive Saturdays; the first week is unknown', () => {
    const w = weeklyIncidence(series({ '2020-02-29': 10, '2020-03-03': 15, '2020-03-07': 24, '2020-03-14': 40, '2020-03-21': 41 }));
    expect(weeks(w)).toEqual({ '2020-02-29': N, '2020-03-07': 14, '2020-03-14': 16, '2020-03-21': 1 });
  });

  it('takes the last value reported on or before a Saturday across a gap', () => {
    // Nothing on Saturday 03-07: Friday’s 22 is in force.
    const w = weeklyIncidence(series({ '2020-02-29': 10, '2020-03-06': 22, '2020-03-14': 40 }));
    expect(weeks(w)).toMatchObject({ '2020-03-07': 12, '2020-03-14': 18 });
  });

  it('handles a weekly-reported series (reports on Sundays only)', () => {
    const w = weeklyIncidence(series({ '2020-03-01': 15, '2020-03-08': 30, '2020-03-15': 50 }));
    expect(weeks(w)).toMatchObject({ '2020-03-07': N, '2020-03-14': 15, '2020-03-21': 20 });
  });

  it('leaves a week unknown when no value was reported within the week ending at either end', () => {
    const w = weeklyIncidence(series({ '2020-02-29': 10, '2020-03-14': 40, '2020-03-21': 45 }));
    expect(weeks(w)).toMatchObject({ '2020-03-07': N, '2020-03-14': N, '2020-03-21': 5 });
  });

  it('does not difference across a source take-over', () => {
    const s = series({ '2020-02-29': 10, '2020-03-07': 20, '2020-03-10': 500, '2020-03-14': 520, '2020-03-21': 530 });
    const breaks = new Uint8Array(s.cumulative.length);
    breaks[d('2020-03-10') - s.start] = 1;
    expect(weeks(weeklyIncidence({ ...s, breaks }))).toMatchObject({ '2020-03-07': 10, '2020-03-14': N, '2020-03-21': 10 });
  });

  it('keeps a negative week (a downward revision) as it is', () => {
    expect(weeks(weeklyIncidence(series({ '2020-02-29': 10, '2020-03-07': 8 })))).toMatchObject({ '2020-03-07': -2 });
  });

  it('never reads past `until`, and ends with the Saturday on or before it', () => {
    const clean = series({ '2020-02-29': 10, '2020-03-07': 20, '2020-03-14': 35 }, '2020-03-16');
    const later = series({ '2020-02-29': 10, '2020-03-07': 20, '2020-03-14': 35, '2020-03-15': 1e9, '2020-03-21': 2e9 });
    const a = weeklyIncidence(clean, { until: d('2020-03-16') });
    const b = weeklyIncidence(later, { until: d('2020-03-16') });
    expect(weeks(b)).toEqual(weeks(a));
    expect(weeks(a)).toEqual({ '2020-02-29': N, '2020-03-07': 10, '2020-03-14': 15 });
    // A Saturday after the series’ end is in the result, unknown.
    expect(weeks(weeklyIncidence(clean, { until: d('2020-03-28') }))).toMatchObject({ '2020-03-21': N, '2020-03-28': N });
  });
});
