import { describe, expect, it } from 'vitest';
import { estimateRt } from './estimate-rt.js';
import { RtInputError } from './errors.js';
import { rtSegments } from './rt-input.js';
import { rtReport } from './rt-report.js';

const N = Number.NaN;
const ones = (n: number) => new Array(n).fill(1);
const noFlags = (n: number) => Array.from({ length: n }, () => [] as string[]);
const si = { kind: 'parametric' as const, mean: 4.7, sd: 2.9 };

describe('rtSegments', () => {
  it('cuts leading zeros so that day 0 holds the first cases', () => {
    const [r, ...more] = rtSegments({ daily: [N, 0, 0, 3, 5, 0, 7], covers: [0, 1, 1, 1, 1, 1, 1], flags: noFlags(7) });
    expect(more).toEqual([]);
    expect(r.offset).toBe(3);
    expect(Array.from(r.values)).toEqual([3, 5, 0, 7]);
  });

  it('fills a gap of up to 7 unknown days linearly (marked imputed)', () => {
    const [r] = rtSegments({ daily: [5, 6, N, N, N, 10, 11], covers: [1, 1, 0, 0, 0, 1, 1], flags: noFlags(7) });
    expect(Array.from(r.values)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(Array.from(r.imputed)).toEqual([0, 0, 1, 1, 1, 0, 0]);
  });

  it('splits at a gap of more than 7 days and drops a segment without a case', () => {
    const daily = [5, 6, ...new Array(8).fill(N), 10, 11, ...new Array(9).fill(N), 0, 0, 0];
    const r = rtSegments({ daily, covers: daily.map((v) => (Number.isNaN(v) ? 0 : 1)), flags: noFlags(daily.length) });
    expect(r.map((s) => [s.offset, Array.from(s.values)])).toEqual([[0, [5, 6]], [10, [10, 11]]]);
  });

  it('leaves out a correction (negative change) and fills it in, never as zero', () => {
    const [r] = rtSegments({ daily: [4, 6, -20, 10], covers: [1, 1, 1, 1], flags: [[], [], ['negative_change'], []] });
    expect(Array.from(r.values)).toEqual([4, 6, 8, 10]);
    expect(Array.from(r.imputed)).toEqual([0, 0, 1, 0]);
  });
});

describe('rtReport', () => {
  // 2020-03-01 has no change (first stored day), then two zero days, then cases from 2020-03-04.
  const cases = [1, 0, 1, 0, 1, 1, 2, 2, 3, 4, 6, 8, 11, 15, 20, 26, 30, 35, 41, 48];
  const daily = [N, 0, 0, ...cases];
  const input = { start: '2020-03-01', daily, covers: [0, ...ones(daily.length - 1)], flags: noFlags(daily.length) };

  it('dates each window from the first case and serves the estimator’s numbers for that series', () => {
    const report = rtReport(input, { serialInterval: si, includeEarly: true });
    const est = estimateRt(cases, { serialInterval: si });
    expect(report.segments).toEqual([{ start: '2020-03-04', end: '2020-03-23', days: 20, imputed_days: 0, estimated: true }]);
    expect(report.rows).toHaveLength(est.windows.length);
    // First window: t_start 2..8 of the cases, i.e. 2020-03-05..2020-03-11.
    expect(report.rows[0]).toMatchObject({ window_start: '2020-03-05', window_end: '2020-03-11', mean: est.windows[0].mean, median: est.windows[0].median, cases: 0 + 1 + 0 + 1 + 1 + 2 + 2, early_reason: 'few_cumulative_cases' });
    expect(report.rows.at(-1)!.window_end).toBe('2020-03-23');
  });

  it('leaves out early windows by default and counts them', () => {
    const all = rtReport(input, { serialInterval: si, includeEarly: true }).rows;
    const kept = rtReport(input, { serialInterval: si });
    const early = all.filter((r) => r.early_reason !== null);
    // 8 then 11 cases seen by the ends of the first two windows (< 12); the third has seen 15 and holds 13.
    expect(early.map((r) => r.window_end)).toEqual(['2020-03-11', '2020-03-12']);
    expect(kept.rows).toEqual(all.filter((r) => r.early_reason === null));
    expect(kept.earlyOmitted).toBe(early.length);
  });

  it('cuts the windows to from..to by their end date, estimating from the whole history', () => {
    const all = rtReport(input, { serialInterval: si, includeEarly: true }).rows;
    const cut = rtReport(input, { serialInterval: si, includeEarly: true, from: '2020-03-15', to: '2020-03-20' }).rows;
    expect(cut.map((r) => r.window_end)).toEqual(['2020-03-15', '2020-03-16', '2020-03-17', '2020-03-18', '2020-03-19', '2020-03-20']);
    expect(cut).toEqual(all.filter((r) => r.window_end >= '2020-03-15' && r.window_end <= '2020-03-20'));
  });

  it('counts the imputed days of each window', () => {
    const gappy = [...daily];
    gappy[10] = N; // 2020-03-11 unknown: interpolated
    gappy[11] = N; // 2020-03-12 unknown: interpolated
    const r = rtReport({ ...input, daily: gappy, covers: gappy.map((v, i) => (i === 0 || Number.isNaN(v) ? 0 : 1)) }, { serialInterval: si, includeEarly: true });
    expect(r.segments[0].imputed_days).toBe(2);
    const byEnd = new Map(r.rows.map((row) => [row.window_end, row.imputed_days]));
    expect(byEnd.get('2020-03-11')).toBe(1); // 03-05..03-11
    expect(byEnd.get('2020-03-17')).toBe(2); // 03-11..03-17
    expect(byEnd.get('2020-03-18')).toBe(1); // 03-12..03-18
    expect(byEnd.get('2020-03-19')).toBe(0); // 03-13..03-19
  });

  it('estimates each segment apart (split at a gap of more than 7 days) and skips one too short for a window', () => {
    const second = [40, 42, 45, 47, 50, 52, 55, 57, 60, 61];
    const split = [...daily, ...new Array(10).fill(N), ...second, N, N, N, N, N, N, N, N, 5, 5, 5];
    const covers = split.map((v, i) => (i === 0 || Number.isNaN(v) ? 0 : 1));
    const r = rtReport({ ...input, daily: split, covers }, { serialInterval: si, includeEarly: true });
    expect(r.segments.map((s) => [s.start, s.days, s.estimated])).toEqual([['2020-03-04', 20, true], ['2020-04-03', 10, true], ['2020-04-21', 3, false]]);
    const rest = estimateRt(second, { serialInterval: si });
    const tail = r.rows.filter((row) => row.window_end >= '2020-04-03');
    expect(tail.map((row) => row.window_start)).toEqual(['2020-04-04', '2020-04-05', '2020-04-06']);
    expect(tail.map((row) => row.mean)).toEqual(rest.windows.map((w) => w.mean));
  });

  it('refuses a series without a stretch long enough for one window, as too short', () => {
    const short = { start: '2020-03-01', daily: [N, 1, 2, 3], covers: [0, 1, 1, 1], flags: noFlags(4) };
    expect(() => rtReport(short, { serialInterval: si })).toThrow(RtInputError);
    expect(() => rtReport(short, { serialInterval: si })).toThrow(/3 days; a 7-day window needs 8/);
    const none = { start: '2020-03-01', daily: [N, 0, 0], covers: [0, 1, 1], flags: noFlags(3) };
    expect(() => rtReport(none, { serialInterval: si })).toThrow(/no day with a case/);
  });
});
