import { isoFromDay } from '../domain/dates.js';
import type { MetricKind } from '../domain/metrics.js';
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

/** `missing`: the cells the missing-value rules read as missing (1 in classifyMissingWithMask's mask). */
export function detectAnomalies(values: Float64Array, start: number, missing: Uint8Array, kind: MetricKind, spans: readonly MissingSpan[]): AnomalyFlag[] {
  const flags: AnomalyFlag[] = [];

  // Changes between consecutive reported values (cumulative), or the values (daily), and the
  // rate per day each covers: a weekly report is compared with weekly reports, and a jump
  // across a long gap (two vintages a year apart) is not a backlog.
  // In reused buffers and without closures: the rules run on every series at every vintage of a run.
  const { idx, change, rate } = changeBuffers(values.length);
  let count = 0;
  let prev = -1;
  for (let i = 0; i < values.length; i++) {
    if (missing[i] !== 0 || Number.isNaN(values[i])) continue;
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
      if (d < 0) flags.push({ date: isoFromDay(start + idx[k]), code: 'negative_change', detail: { change: d } });
      // A steady series has a MAD near 0, where any rise scores high: also ask for twice the usual
      // rate. A backlog is a spike, not a wave: it jumps from the change before it, and where
      // the next changes are known they fall back (a surge or a peak stays as high). The jump is
      // asked first: it is one comparison, and most changes fail it (the medians were 5 % of an ingest).
      else if (d >= OUTLIER_MIN && k >= 7 && rate[k] >= OUTLIER_RATIO * rate[k - 1]) {
        const window = rate.subarray(Math.max(0, k - OUTLIER_WINDOW), k);
        const z = modifiedZOf(rate[k], window);
        const after = rate.subarray(k + 1, Math.min(count, k + 1 + OUTLIER_AFTER));
        const fallsBack = after.length < 3 || rate[k] >= OUTLIER_RATIO * medianOf(after);
        if (z > OUTLIER_Z && rate[k] >= OUTLIER_RATIO * medianOf(window) && fallsBack) {
          flags.push({ date: isoFromDay(start + idx[k]), code: 'backlog_dump', detail: { change: d, z: Math.round(z * 10) / 10 } });
        }
      }
    }
  }
  if (kind === 'cumulative') staleRuns(values, missing, start, flags);
  cadenceStarts(spans, flags);
  for (const s of spans) if (s.reason === 'discontinued') flags.push({ date: s.from, code: 'discontinued' });
  return flags.length > 1 ? flags.sort(byDateThenCode) : flags;
}

function byDateThenCode(a: AnomalyFlag, b: AnomalyFlag): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.code < b.code ? -1 : 1;
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
  return modifiedZOf(x, Float64Array.from(window));
}

function modifiedZOf(x: number, window: Float64Array): number {
  if (window.length === 0) return 0;
  const med = medianOf(window);
  const dev = scratchOf(window.length, 1);
  // Summed in the window's order (as before: the sum's rounding depends on it), then sorted for the MAD.
  let sum = 0;
  for (let i = 0; i < window.length; i++) sum += dev[i] = Math.abs(window[i] - med);
  const mad = medianSorted(dev.sort());
  if (mad > 0) return (0.6745 * (x - med)) / mad;
  const meanAd = sum / dev.length;
  if (meanAd > 0) return (x - med) / (1.253314 * meanAd);
  return x > med ? Number.POSITIVE_INFINITY : 0;
}

/** Median of v (left as it is; sorted in a shared buffer: a typed array sorts numbers natively, without a comparator call). */
function medianOf(v: Float64Array): number {
  const s = scratchOf(v.length, 0);
  s.set(v);
  return medianSorted(s.sort());
}

function medianSorted(s: Float64Array): number {
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Two shared buffers for medians (windows are at most OUTLIER_WINDOW long; grows if ever asked for more). */
const medianScratch = [new Float64Array(64), new Float64Array(64)];

function scratchOf(n: number, which: 0 | 1): Float64Array {
  if (medianScratch[which].length < n) medianScratch[which] = new Float64Array(n * 2);
  return medianScratch[which].subarray(0, n);
}

/**
 * Runs of at least STALE_DAYS reported days without change, after a month in which the
 * series changed in at least 3 of 4 weeks (so that places that simply had no cases are
 * not flagged).
 */
function staleRuns(values: Float64Array, missing: Uint8Array, start: number, flags: AnomalyFlag[]): void {
  let i = 1;
  while (i < values.length) {
    if (!(reportedAt(values, missing, i) && reportedAt(values, missing, i - 1) && values[i] === values[i - 1])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < values.length && reportedAt(values, missing, j + 1) && values[j + 1] === values[i]) j++;
    const days = j - i + 1;
    if (days >= STALE_DAYS && activeBefore(values, missing, i)) flags.push({ date: isoFromDay(start + i), code: 'stale_values', detail: { days } });
    i = j + 1;
  }
}

function reportedAt(values: Float64Array, missing: Uint8Array, i: number): boolean {
  return i >= 0 && missing[i] === 0 && !Number.isNaN(values[i]);
}

function activeBefore(values: Float64Array, missing: Uint8Array, at: number): boolean {
  let weeks = 0;
  for (let w = 1; w <= 4; w++) {
    let changed = false;
    for (let i = at - 7 * w; i < at - 7 * (w - 1); i++) {
      if (i >= 1 && missing[i] === 0 && missing[i - 1] === 0 && values[i] !== values[i - 1]) changed = true;
    }
    if (changed) weeks++;
  }
  return weeks >= 3;
}

/** One date per change of reporting schedule: cadence spans starting within a week are one change. */
function cadenceStarts(spans: readonly MissingSpan[], flags: AnomalyFlag[]): void {
  let starts: string[] | null = null;
  for (const s of spans) if (s.rule === 'weekday-cadence') (starts ??= []).push(s.from);
  if (!starts) return;
  starts.sort();
  let last: string | undefined;
  for (const s of starts) {
    if (!last || (Date.parse(s) - Date.parse(last)) / 86_400_000 >= 7) {
      flags.push({ date: s, code: 'cadence_change' });
      last = s;
    }
  }
}
