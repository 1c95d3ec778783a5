/**
 * The missing-value and anomaly rules as they were before they were rewritten for speed (issue 13:
 * no closures, the rules' own mask, medians in shared buffers), kept here verbatim to check that
 * the rewrite reads every series the same: the same spans, mask and flags, on random series and on
 * every series of a real file cut at every length (as a many-vintage run reads them).
 */
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/shared-data.js';
import { dayNumber, isoFromDay, weekday } from '../domain/dates.js';
import type { MetricKind } from '../domain/metrics.js';
import type { MissingReason } from '../domain/missing.js';
import type { AnomalyFlag, MissingSpan } from '../domain/series.js';
import { maskFromSpans } from '../domain/stored-values.js';
import { parseJhuGlobal } from '../sources/jhu-global/parse.js';
import {
  OUTLIER_AFTER, OUTLIER_MIN, OUTLIER_RATIO, OUTLIER_WINDOW, OUTLIER_Z, STALE_DAYS, detectAnomalies, modifiedZ,
} from './anomaly-rules.js';
import {
  CADENCE_ACTIVE_SHARE, CADENCE_MIN_WEEKS, TRAILING_ZEROS_DISCONTINUED, classifyMissing, classifyMissingWithMask, type MissingRuleOptions,
} from './missing-rules.js';

/** Both readings of one series: before (maskFromSpans' reasons) and now (the rules' own mask). */
function bothReadings(values: Float64Array, start: number, kind: MetricKind, opts: MissingRuleOptions) {
  const ruleOpts = { ...opts, cumulative: kind === 'cumulative' };
  const beforeSpans = classifyMissingBefore(values, start, ruleOpts);
  const beforeMask = maskFromSpans(beforeSpans, start, values.length, dayNumber);
  const beforeFlags = detectAnomaliesBefore(values, start, beforeMask, kind, beforeSpans);
  const now = classifyMissingWithMask(values, start, ruleOpts);
  let nowMask = '';
  for (const b of now.mask) nowMask += b === 1 ? '1' : '0';
  const nowFlags = detectAnomalies(values, start, now.mask, kind, now.spans);
  // As text: toEqual on thousands of long arrays took most of a minute.
  const before = JSON.stringify({ spans: beforeSpans, mask: beforeMask.map((r) => (r === null ? '0' : '1')).join(''), flags: beforeFlags });
  return { before, now: JSON.stringify({ spans: now.spans, mask: nowMask, flags: nowFlags }), beforeSpans, beforeFlags };
}

/** Cumulative-looking series: steps (some zero for weeks, some weekly), blanks, falls to zero, spikes. */
const seriesArb = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 40 }) },
      { weight: 2, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 100, max: 5000 }) },
      { weight: 1, arbitrary: fc.integer({ min: -50, max: -1 }) },
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
      { weight: 1, arbitrary: fc.constant(Number.NEGATIVE_INFINITY) },
    ),
    { minLength: 0, maxLength: 160 },
  )
  .chain((steps) =>
    fc.record({
      steps: fc.constant(steps),
      base: fc.integer({ min: 0, max: 1000 }),
      weeklyFrom: fc.option(fc.integer({ min: 0, max: 160 })),
      weeklyDay: fc.integer({ min: 0, max: 6 }),
      start: fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2023-12-31') }),
      kind: fc.constantFrom<MetricKind>('cumulative', 'daily', 'stock'),
      discontinuedAt: fc.option(fc.integer({ min: -5, max: 170 })),
    }),
  )
  .map(({ steps, base, weeklyFrom, weeklyDay, start, kind, discontinuedAt }) => {
    // −∞ stands for "the count falls to 0 here"; NaN for a blank cell.
    const values = new Float64Array(steps.length);
    let c = base;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (Number.isNaN(step)) {
        values[i] = Number.NaN;
        continue;
      }
      if (step === Number.NEGATIVE_INFINITY) c = 0;
      else if (weeklyFrom === null || i < weeklyFrom || weekday(start + i) === weeklyDay) c += kind === 'cumulative' ? step : 0;
      values[i] = kind === 'cumulative' ? c : Number.isFinite(step) ? step : 0;
    }
    return { values, start, kind, opts: discontinuedAt === null ? {} : { discontinuedAfter: start + discontinuedAt } };
  });

describe('missing-value and anomaly rules, rewritten for speed', () => {
  it('read random series as before: the same spans, mask and flags', () => {
    fc.assert(
      fc.property(seriesArb, ({ values, start, kind, opts }) => {
        const { before, now } = bothReadings(values, start, kind, opts);
        expect(now).toBe(before);
        expect(classifyMissing(values, start, { ...opts, cumulative: kind === 'cumulative' })).toEqual(JSON.parse(before).spans);
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('read every series of the JHU global confirmed file, cut at every 29th length, as before', () => {
    const text = gunzipSync(readFileSync(dataPath('jhu/time_series/time_series_covid19_confirmed_global.csv.gz'))).toString('utf8');
    const parsed = parseJhuGlobal([{ fileId: 'confirmed', name: 'confirmed', text }]);
    let readings = 0;
    let flagged = 0;
    let spanned = 0;
    for (const s of parsed.series) {
      for (let n = 1; n <= s.values.length; n += 29) {
        const values = s.values.subarray(0, n);
        const { before, now, beforeSpans, beforeFlags } = bothReadings(values, s.start, 'cumulative', {});
        if (now !== before) expect(now).toBe(before);
        readings++;
        if (beforeFlags.length) flagged++;
        if (beforeSpans.length) spanned++;
      }
    }
    // The comparison met flags and spans, not only clean series.
    expect(readings).toBeGreaterThan(10_000);
    expect(flagged).toBeGreaterThan(1_000);
    expect(spanned).toBeGreaterThan(1_000);
  });

  it('score modified z as before', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 20 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (window, x) => {
        expect(Object.is(modifiedZ(x, window), modifiedZBefore(x, window))).toBe(true);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});

// ---- The rules before the rewrite (missing-rules.ts and anomaly-rules.ts at 6e10986), verbatim. ----

interface IndexSpan {
  from: number;
  to: number;
  reason: MissingReason;
  rule: string;
  step?: 7;
}

function classifyMissingBefore(values: Float64Array, start: number, opts: MissingRuleOptions = {}): MissingSpan[] {
  const n = values.length;
  const mask = maskScratch(n);
  const spans: IndexSpan[] = [];
  const mark = (from: number, to: number, reason: MissingReason, rule: string) => {
    for (let i = from; i <= to; i++) mask[i] = MASKED;
    spans.push({ from, to, reason, rule });
  };

  // 1. Blank cells.
  runs(n, (i) => Number.isNaN(values[i]), (a, b) => mark(a, b, 'not_reported', 'blank-cell'));

  // 2. Declared discontinuation: whatever the source keeps writing after the date is not data.
  if (opts.discontinuedAfter !== undefined) {
    const from = Math.max(0, opts.discontinuedAfter - start + 1);
    if (from < n) mark(from, n - 1, 'discontinued', 'declared-discontinued');
  }

  if (opts.cumulative === false) return finish(spans, start);

  // 3. A cumulative count that falls to 0 and stays there: the source stopped (or, when the
  //    run is short, skipped the last days).
  let lastPositive = -1;
  for (let i = 0; i < n; i++) if (mask[i] === FREE && values[i] > 0) lastPositive = i;
  let trailingEnd = n;
  if (lastPositive >= 0) {
    let j = lastPositive + 1;
    while (j < n && (mask[j] !== FREE || values[j] === 0)) j++;
    if (j === n && lastPositive + 1 < n) {
      const from = lastPositive + 1;
      const zeros = countUnmasked(mask, from, n - 1);
      if (zeros > 0) {
        trailingEnd = from;
        const long = n - from >= TRAILING_ZEROS_DISCONTINUED;
        markUnmasked(mask, spans, from, n - 1, long ? 'discontinued' : 'not_reported', long ? 'trailing-zeros' : 'trailing-zeros-short');
      }
    }
  }

  // 4. A cumulative 0 between positive values is a gap, not a reset.
  let seenPositive = false;
  runs(
    trailingEnd,
    (i) => {
      if (mask[i] === FREE && values[i] > 0) seenPositive = true;
      return seenPositive && mask[i] === FREE && values[i] === 0;
    },
    (a, b) => mark(a, b, 'not_reported', 'zero-between-positives'),
  );

  // 5. Reporting schedule: weekdays with no change for many weeks while another weekday
  //    reports almost every week (weekly reporting, no weekend reports).
  for (const s of cadenceSpans(values, mask, start)) spans.push(s);
  return finish(spans, start);
}

/**
 * Which cells a rule has marked (only whether, not why, is read back). One buffer for every
 * call: the rules run on every series at every vintage of a run, and a fresh array per call was
 * the largest allocation of a many-vintage ingest (profiled on jhu-daily).
 */
const FREE = 0;
const MASKED = 1;
let maskBuffer = new Uint8Array(1024);

function maskScratch(n: number): Uint8Array {
  if (maskBuffer.length < n) maskBuffer = new Uint8Array(n + (n >> 1));
  return maskBuffer.subarray(0, n).fill(FREE);
}

/** The same for the day-to-day changes the cadence rule reads (−1 = unknown). */
let changeBuffer = new Int8Array(1024);

function changeScratch(n: number): Int8Array {
  if (changeBuffer.length < n) changeBuffer = new Int8Array(n + (n >> 1));
  return changeBuffer.subarray(0, n).fill(-1);
}

function finish(spans: IndexSpan[], start: number): MissingSpan[] {
  return spans
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((s) => ({ from: isoFromDay(start + s.from), to: isoFromDay(start + s.to), reason: s.reason, rule: s.rule, ...(s.step ? { step: s.step } : {}) }));
}

function cadenceSpans(values: Float64Array, mask: Uint8Array, start: number): IndexSpan[] {
  const n = values.length;
  // change[i]: +1 reported a change, 0 no change, -1 unknown (either side missing).
  const change = changeScratch(n);
  for (let i = 1; i < n; i++) {
    if (mask[i] === FREE && mask[i - 1] === FREE) change[i] = values[i] !== values[i - 1] ? 1 : 0;
  }
  const out: IndexSpan[] = [];
  for (let k = 0; k < 7; k++) {
    // First index with weekday k.
    let first = 0;
    while (first < n && weekday(start + first) !== k) first++;
    let runStart = -1;
    const flush = (endExclusive: number) => {
      if (runStart < 0) return;
      const weeks = (endExclusive - runStart) / 7;
      if (weeks >= CADENCE_MIN_WEEKS && otherWeekdayReports(change, runStart, endExclusive - 7)) {
        out.push({ from: runStart, to: endExclusive - 7, reason: 'not_reported', rule: 'weekday-cadence', step: 7 });
        for (let i = runStart; i < endExclusive; i += 7) mask[i] = MASKED;
      }
      runStart = -1;
    };
    let i = first;
    for (; i < n; i += 7) {
      if (change[i] === 0) {
        if (runStart < 0) runStart = i;
      } else flush(i);
    }
    flush(i);
  }
  return out;
}

/** True when, in the weeks from..to, some other weekday reported a change in ≥ 75 % of them. */
function otherWeekdayReports(change: Int8Array, from: number, to: number): boolean {
  const weeks = (to - from) / 7 + 1;
  for (let offset = 1; offset < 7; offset++) {
    let reported = 0;
    for (let i = from + offset; i <= to + offset && i < change.length; i += 7) if (change[i] === 1) reported++;
    if (reported >= CADENCE_ACTIVE_SHARE * weeks) return true;
  }
  return false;
}

function runs(n: number, inRun: (i: number) => boolean, emit: (from: number, to: number) => void): void {
  let s = -1;
  for (let i = 0; i < n; i++) {
    if (inRun(i)) {
      if (s < 0) s = i;
    } else if (s >= 0) {
      emit(s, i - 1);
      s = -1;
    }
  }
  if (s >= 0) emit(s, n - 1);
}

function countUnmasked(mask: Uint8Array, from: number, to: number): number {
  let c = 0;
  for (let i = from; i <= to; i++) if (mask[i] === FREE) c++;
  return c;
}

function markUnmasked(mask: Uint8Array, spans: IndexSpan[], from: number, to: number, reason: MissingReason, rule: string): void {
  runs(to + 1, (i) => i >= from && mask[i] === FREE, (a, b) => {
    for (let i = a; i <= b; i++) mask[i] = MASKED;
    spans.push({ from: a, to: b, reason, rule });
  });
}


function detectAnomaliesBefore(values: Float64Array, start: number, mask: (MissingReason | null)[], kind: MetricKind, spans: readonly MissingSpan[]): AnomalyFlag[] {
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
        const z = modifiedZBefore(rate[k], window);
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

let buffers: { idx: Int32Array; change: Float64Array; rate: Float64Array } = { idx: new Int32Array(1024), change: new Float64Array(1024), rate: new Float64Array(1024) };

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
function modifiedZBefore(x: number, window: number[]): number {
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
