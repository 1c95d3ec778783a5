import type { MissingReason } from './missing.js';

/**
 * Read-time transforms of a cumulative daily series (docs/data-model.md, "Transforms").
 * Missing days stay missing; a difference spans back to the last reported day, so weekly
 * reports are not spread over days nobody reported and never become zeros.
 */
export const TRANSFORMS = ['cumulative', 'daily', 'daily_7day_avg', 'per_100k', 'daily_per_100k', 'daily_7day_avg_per_100k'] as const;
export type Transform = (typeof TRANSFORMS)[number];

export interface DailyPoints {
  /** Day number of index 0. */
  start: number;
  /** NaN where missing. */
  values: Float64Array;
  /** Why a value is missing (null when it is not). */
  reasons: (MissingReason | null)[];
  /** Issue (day number) of the stored value each result rests on; -1 where none. */
  issues: Int32Array;
}

/** A 7-day average needs its earlier point 7 to 13 days back; further is too stale to call weekly. */
const AVG_MAX_SPAN = 13;

/**
 * `exclude` marks days (flagged anomalies) whose daily change a 7-day average leaves out, as NYT
 * does: the average is then the sum of the other reports in the week over the days they cover.
 */
export function applyTransform(p: DailyPoints, transform: Transform, population: number | null, exclude?: Uint8Array): DailyPoints {
  const base = transform.startsWith('daily_7day_avg') ? (exclude ? averageExcluding(p, exclude) : sevenDayAverage(p)) : transform.startsWith('daily') ? daily(p) : p;
  return transform.endsWith('per_100k') ? per100k(base, population) : base;
}

function averageExcluding(p: DailyPoints, exclude: Uint8Array): DailyPoints {
  const d = daily(p);
  const n = p.values.length;
  const out = emptyLike(p);
  // Days each report covers: since the previous reported day.
  const cover = new Int32Array(n);
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (p.reasons[i] !== null || Number.isNaN(p.values[i])) continue;
    cover[i] = prev < 0 ? 0 : i - prev;
    prev = i;
  }
  for (let i = 0; i < n; i++) {
    if (p.reasons[i] !== null || Number.isNaN(p.values[i])) {
      out.reasons[i] = p.reasons[i] ?? 'not_reported';
      continue;
    }
    if (i < 7) {
      out.reasons[i] = 'not_applicable';
      continue;
    }
    let sum = 0;
    let days = 0;
    let issue = -1;
    for (let j = i - 6; j <= i; j++) {
      if (cover[j] === 0 || Number.isNaN(d.values[j]) || exclude[j]) continue;
      sum += d.values[j];
      days += cover[j];
      issue = Math.max(issue, d.issues[j]);
    }
    if (days === 0) out.reasons[i] = 'not_reported';
    else {
      out.values[i] = sum / days;
      out.issues[i] = issue;
    }
  }
  return out;
}

function daily(p: DailyPoints): DailyPoints {
  const n = p.values.length;
  const out = emptyLike(p);
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (p.reasons[i] !== null || Number.isNaN(p.values[i])) {
      out.reasons[i] = p.reasons[i] ?? 'not_reported';
    } else {
      if (prev < 0) out.reasons[i] = 'not_applicable';
      else {
        out.values[i] = p.values[i] - p.values[prev];
        out.issues[i] = Math.max(p.issues[i], p.issues[prev]);
      }
      prev = i;
    }
  }
  return out;
}

function sevenDayAverage(p: DailyPoints): DailyPoints {
  const n = p.values.length;
  const out = emptyLike(p);
  const ok = (i: number) => p.reasons[i] === null && !Number.isNaN(p.values[i]);
  for (let i = 0; i < n; i++) {
    if (!ok(i)) {
      out.reasons[i] = p.reasons[i] ?? 'not_reported';
      continue;
    }
    if (i < 7) {
      out.reasons[i] = 'not_applicable';
      continue;
    }
    let j = i - 7;
    while (j >= 0 && j >= i - AVG_MAX_SPAN && !ok(j)) j--;
    if (j < 0 || j < i - AVG_MAX_SPAN) {
      out.reasons[i] = j < 0 ? 'not_applicable' : 'not_reported';
      continue;
    }
    out.values[i] = (p.values[i] - p.values[j]) / (i - j);
    out.issues[i] = Math.max(p.issues[i], p.issues[j]);
  }
  return out;
}

function per100k(p: DailyPoints, population: number | null): DailyPoints {
  if (!population || population <= 0) {
    const out = emptyLike(p);
    for (let i = 0; i < out.reasons.length; i++) out.reasons[i] = p.reasons[i] ?? 'not_applicable';
    return out;
  }
  return { ...p, values: p.values.map((v) => (v / population) * 100_000) };
}

function emptyLike(p: DailyPoints): DailyPoints {
  return {
    start: p.start,
    values: new Float64Array(p.values.length).fill(Number.NaN),
    reasons: new Array(p.values.length).fill(null),
    issues: new Int32Array(p.values.length).fill(-1),
  };
}
