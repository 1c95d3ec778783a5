import { describe, expect, it } from 'vitest';
import type { MissingReason } from './missing.js';
import { applyTransform, type DailyPoints } from './transforms.js';

function points(values: (number | null)[], reasons: (MissingReason | null)[] = []): DailyPoints {
  return {
    start: 0,
    values: Float64Array.from(values.map((v) => (v === null ? Number.NaN : v))),
    reasons: values.map((v, i) => reasons[i] ?? (v === null ? 'not_reported' : null)),
    issues: Int32Array.from(values.map((_, i) => 100 + i)),
  };
}
const vals = (p: DailyPoints) => Array.from(p.values, (v) => (Number.isNaN(v) ? null : v));

describe('transforms', () => {
  it('daily differences against the previous reported day; the first day has nothing to difference', () => {
    const d = applyTransform(points([10, 15, 15, 30]), 'daily', null);
    expect(vals(d)).toEqual([null, 5, 0, 15]);
    expect(d.reasons).toEqual(['not_applicable', null, null, null]);
    expect(Array.from(d.issues)).toEqual([-1, 101, 102, 103]);
  });

  it('a report after non-report days carries everything since the last report, and the gaps stay missing', () => {
    const d = applyTransform(points([10, null, null, 40]), 'daily', null);
    expect(vals(d)).toEqual([null, null, null, 30]);
    expect(d.reasons).toEqual(['not_applicable', 'not_reported', 'not_reported', null]);
  });

  it('7-day average is the mean daily increase over the last 7 days', () => {
    const cum = [0, 1, 3, 6, 10, 15, 21, 28, 36];
    const a = applyTransform(points(cum), 'daily_7day_avg', null);
    expect(vals(a)).toEqual([null, null, null, null, null, null, null, 4, 5]);
  });

  it('7-day average of weekly reports spreads each week over its 7 days', () => {
    // Reported every 7th day: +70 per week.
    const cum = Array.from({ length: 22 }, (_, i) => (i % 7 === 0 ? 100 + (i / 7) * 70 : null));
    const a = applyTransform(points(cum), 'daily_7day_avg', null);
    expect(vals(a)[7]).toBe(10);
    expect(vals(a)[14]).toBe(10);
    expect(a.reasons[8]).toBe('not_reported');
  });

  it('per 100k needs a population', () => {
    expect(vals(applyTransform(points([50, 100]), 'per_100k', 200_000))).toEqual([25, 50]);
    const none = applyTransform(points([50, null]), 'per_100k', null);
    expect(none.reasons).toEqual(['not_applicable', 'not_reported']);
  });

  it('combines daily and per 100k', () => {
    expect(vals(applyTransform(points([0, 10, 30]), 'daily_per_100k', 1_000_000))).toEqual([null, 1, 2]);
  });
});

describe('7-day average leaving flagged days out', () => {
  it('averages the other days of the week, as NYT does', () => {
    // Daily increments 10 except a backlog of 300 on day 10.
    const daily = Array.from({ length: 14 }, (_, i) => (i === 10 ? 300 : 10));
    let c = 0;
    const cum = daily.map((d) => (c += d));
    const exclude = new Uint8Array(14);
    exclude[10] = 1;
    const plain = applyTransform(points(cum), 'daily_7day_avg', null);
    const left = applyTransform(points(cum), 'daily_7day_avg', null, exclude);
    expect(vals(plain)[12]).toBeCloseTo((300 + 6 * 10) / 7, 9);
    expect(vals(left)[12]).toBe(10);
    expect(vals(left)[8]).toBe(10);
  });
});
