import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayNumber, weekday } from '../domain/dates.js';
import { dataPath } from '../../test/shared-data.js';
import { parseJhuGlobal } from '../sources/jhu-global/parse.js';
import { maskFromSpans } from '../domain/stored-values.js';
import { classifyMissing } from './missing-rules.js';

const START = dayNumber('2022-01-03'); // a Monday

function mask(values: number[], opts = {}) {
  const spans = classifyMissing(Float64Array.from(values), START, opts);
  return { spans, mask: maskFromSpans(spans, START, values.length, dayNumber) };
}

/** Cumulative series from daily increments. */
function cumulative(daily: number[], base = 1000): number[] {
  let c = base;
  return daily.map((d) => (c += d));
}

/** Seeded LCG so the "sporadic" series is the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('classifyMissing', () => {
  it('keeps a series reported every day untouched', () => {
    const { spans } = mask(cumulative(Array.from({ length: 120 }, (_, i) => 50 + (i % 9))));
    expect(spans).toEqual([]);
  });

  it('reads the non-report days of weekly reporting as not reported, not as zero new cases', () => {
    // 10 weeks daily, then 12 weeks reported on Fridays only (the Italy pattern of 2023).
    const daily = [
      ...Array.from({ length: 70 }, () => 100),
      ...Array.from({ length: 84 }, (_, i) => (weekday(START + 70 + i) === 4 ? 700 : 0)),
    ];
    const { mask: m, spans } = mask(cumulative(daily));
    const flagged = m.map((r, i) => (r ? i : -1)).filter((i) => i >= 0);
    // Every non-Friday of the weekly period and nothing of the daily period.
    const expected = daily.map((d, i) => (i >= 70 && d === 0 ? i : -1)).filter((i) => i >= 0);
    expect(flagged).toEqual(expected);
    expect(spans.every((s) => s.reason === 'not_reported' && s.rule === 'weekday-cadence' && s.step === 7)).toBe(true);
  });

  it('reads weekend silence as not reported', () => {
    const daily = Array.from({ length: 91 }, (_, i) => (weekday(START + i) >= 5 ? 0 : 300));
    const { mask: m } = mask(cumulative(daily));
    for (let i = 0; i < daily.length; i++) expect(m[i] !== null).toBe(weekday(START + i) >= 5 && i > 0);
  });

  it('does not mistake sporadic small counts for a schedule', () => {
    const r = rng(42);
    const daily = Array.from({ length: 400 }, () => (r() < 0.15 ? 1 + Math.floor(r() * 3) : 0));
    const { spans } = mask(cumulative(daily, 5));
    expect(spans.filter((s) => s.rule === 'weekday-cadence')).toEqual([]);
  });

  it('reads a cumulative count that falls to 0 for good as discontinued', () => {
    const values = [...cumulative(Array(30).fill(10)), ...Array(20).fill(0)];
    const { spans } = mask(values);
    expect(spans).toEqual([{ from: '2022-02-02', to: '2022-02-21', reason: 'discontinued', rule: 'trailing-zeros' }]);
  });

  it('reads a short final run of zeros and a 0 between positives as not reported', () => {
    const values = [5, 6, 0, 7, 8, 0, 0];
    const { mask: m } = mask(values);
    expect(m).toEqual([null, null, 'not_reported', null, null, 'not_reported', 'not_reported']);
  });

  it('applies a declared discontinuation whatever the cells say, and marks blank cells', () => {
    const values = [1, 2, Number.NaN, 4, 5, 0, -1, 0];
    const { spans } = mask(values, { discontinuedAfter: START + 4 });
    expect(spans).toEqual([
      { from: '2022-01-05', to: '2022-01-05', reason: 'not_reported', rule: 'blank-cell' },
      { from: '2022-01-08', to: '2022-01-10', reason: 'discontinued', rule: 'declared-discontinued' },
    ]);
  });

  it('finds Italy’s weekly reporting in JHU’s final file and leaves its daily-reporting year alone', () => {
    const text = gunzipSync(readFileSync(dataPath('jhu/time_series/time_series_covid19_confirmed_global.csv.gz'))).toString('utf8');
    const italy = parseJhuGlobal([{ fileId: 'confirmed', name: 'confirmed', text }]).series.find((s) => s.place.kind === 'names' && s.place.country === 'Italy')!;
    const spans = classifyMissing(italy.values, italy.start);
    const m = maskFromSpans(spans, italy.start, italy.values.length, dayNumber);
    const at = (iso: string) => m[dayNumber(iso) - italy.start];
    // 2023: reported on Fridays only (2023-01-13 was a Friday with +84,060).
    expect(at('2023-01-13')).toBeNull();
    expect(at('2023-01-16')).toBe('not_reported');
    expect(at('2023-03-08')).toBe('not_reported');
    // 2021: daily reporting, nothing flagged.
    expect(m.slice(dayNumber('2021-03-01') - italy.start, dayNumber('2021-06-01') - italy.start).every((r) => r === null)).toBe(true);
  });
});
