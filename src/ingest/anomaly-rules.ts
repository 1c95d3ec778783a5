import { isoFromDay } from '../domain/dates.js';
import type { MetricKind } from '../domain/metrics.js';
import type { MissingReason } from '../domain/missing.js';
import type { AnomalyFlag, MissingSpan } from '../domain/series.js';

/**
 * Anomaly detection (docs/data-model.md, "Anomalies"): flags dates, never edits values.
 * Input: a series (values[i] on day start + i) and the missing mask from missing-rules.
 */
export const OUTLIER_Z = 8;
export const OUTLIER_MIN = 30;
/** Daily changes an outlier is measured against. */
export const OUTLIER_WINDOW = 14;
export const STALE_DAYS = 14;
/** A backlog is also at least this many times the median rate of the window, the change before it, and the median of the changes after it. */
export const OUTLIER_RATIO = 2;
/** Changes after a candidate backlog (three at least) that tell a spike from a surge. */
export const OUTLIER_AFTER = 7;

export function detectAnomalies(values: Float64Array, start: number, mask: (MissingReason | null)[], kind: MetricKind, spans: readonly MissingSpan[]): AnomalyFlag[] {
  const flags: AnomalyFlag[] = [];
  const flag = (i: number, code: AnomalyFlag['code'], detail?: AnomalyFlag['detail']) => flags.push({ date: isoFromDay(start + i), code, ...(detail ? { detail } : {}) });

  // Changes between consecutive reported values (cumulative), or the values (daily), and the
  // rate per day each covers: a weekly report is compared with weekly reports, and a jump
  // across a long gap (two vintages a year apart) is not a backlog.
  // In reused buffers: the rules run on every series at every vintage of a run.
  const { idx, change, rate } = changeBuffers(values.length);
  let count = 0;
  let prev = -1;
  for (let i = 0; i < values.length; i++) {
    if (mask[i] !== null || Number.isNaN(values[i])) continue;
    if (kind === 'daily') {
      idx[count] = i;
      change[count] = values[i];
      rate[count++] = values[i];
    } else if (kind === 'cumulative' && prev >= 0) {
      idx[count] = i;
      change[count] = values[i] - values[prev];
      rate[count++] = (values[i] - values[prev]) / (i - prev);
    }
    prev = i;
  }
  if (kind === 'cumulative' || kind === 'daily') {
    for (let k = 0; k < count; k++) {
      const d = change[k];
      if (d < 0) flag(idx[k], 'negative_change', { change: d });
      // A steady series has a MAD near 0, where any rise scores high: also ask for twice the usual
      // rate. A backlog is a spike, not a wave: it jumps from the change before it, and where
      // the next changes are known they fall back (a surge or a peak stays as high). The jump is
      // asked first: it is one comparison, and most changes fail it (the medians were 5 % of an ingest).
      else if (d >= OUTLIER_MIN && k >= 7 && rate[k] >= OUTLIER_RATIO * rate[k - 1]) {
        const window = Array.from(rate.subarray(Math.max(0, k - OUTLIER_WINDOW), k));
        const z = modifiedZ(rate[k], window);
        const after = Array.from(rate.subarray(k + 1, Math.min(count, k + 1 + OUTLIER_AFTER)));
        const fallsBack = after.length < 3 || rate[k] >= OUTLIER_RATIO * median(after);
        if (z > OUTLIER_Z && rate[k] >= OUTLIER_RATIO * median(window) && fallsBack) flag(idx[k], 'backlog_dump', { change: d, z: Math.round(z * 10) / 10 });
      }
    }
  }
  if (kind === 'cumulative') {
    for (const f of staleRuns(values, mask)) flag(f.from, 'stale_values', { days: f.days });
  }
  for (const c of cadenceStarts(spans)) flags.push({ date: c, code: 'cadence_change' });
  for (const s of spans) if (s.reason === 'discontinued') flags.push({ date: s.from, code: 'discontinued' });
  return flags.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.code < b.code ? -1 : 1));
}

let buffers = { idx: new Int32Array(1024), change: new Float64Array(1024), rate: new Float64Array(1024) };

/** Buffers for the changes of a series of n days (at most n changes), shared by every call. */
function changeBuffers(n: number): typeof buffers {
  if (buffers.idx.length < n) {
    const size = n + (n >> 1);
    buffers = { idx: new Int32Array(size), change: new Float64Array(size), rate: new Float64Array(size) };
  }
  return buffers;
}

/**
 * Iglewicz–Hoaglin modified z-score of x against a window: 0.6745 (x − median) / MAD. When the
 * MAD is 0, the mean absolute deviation (× 1.2533) stands in; when both are 0, any x above
 * the median is infinitely far.
 */
export function modifiedZ(x: number, window: number[]): number {
  if (window.length === 0) return 0;
  const med = median(window);
  const dev = window.map((v) => Math.abs(v - med));
  const mad = median(dev);
  if (mad > 0) return (0.6745 * (x - med)) / mad;
  const meanAd = dev.reduce((a, b) => a + b, 0) / dev.length;
  if (meanAd > 0) return (x - med) / (1.253314 * meanAd);
  return x > med ? Number.POSITIVE_INFINITY : 0;
}

function median(v: number[]): number {
  // A typed array sorts numbers natively, without a comparator call per pair.
  const s = Float64Array.from(v).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs of at least STALE_DAYS reported days without change, after a month in which the
 * series changed in at least 3 of 4 weeks (so that places that simply had no cases are
 * not flagged).
 */
function staleRuns(values: Float64Array, mask: (MissingReason | null)[]): { from: number; days: number }[] {
  const out: { from: number; days: number }[] = [];
  const ok = (i: number) => i >= 0 && mask[i] === null && !Number.isNaN(values[i]);
  let i = 1;
  while (i < values.length) {
    if (!(ok(i) && ok(i - 1) && values[i] === values[i - 1])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < values.length && ok(j + 1) && values[j + 1] === values[i]) j++;
    const days = j - i + 1;
    if (days >= STALE_DAYS && activeBefore(values, mask, i)) out.push({ from: i, days });
    i = j + 1;
  }
  return out;
}

function activeBefore(values: Float64Array, mask: (MissingReason | null)[], at: number): boolean {
  let weeks = 0;
  for (let w = 1; w <= 4; w++) {
    let changed = false;
    for (let i = at - 7 * w; i < at - 7 * (w - 1); i++) {
      if (i >= 1 && mask[i] === null && mask[i - 1] === null && values[i] !== values[i - 1]) changed = true;
    }
    if (changed) weeks++;
  }
  return weeks >= 3;
}

/** One date per change of reporting schedule: cadence spans starting within a week are one change. */
function cadenceStarts(spans: readonly MissingSpan[]): string[] {
  const starts = spans.filter((s) => s.rule === 'weekday-cadence').map((s) => s.from).sort();
  const out: string[] = [];
  for (const s of starts) {
    const last = out[out.length - 1];
    if (!last || (Date.parse(s) - Date.parse(last)) / 86_400_000 >= 7) out.push(s);
  }
  return out;
}
