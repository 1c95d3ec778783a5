import { isoFromDay, weekday } from '../domain/dates.js';
import type { MissingReason } from '../domain/missing.js';
import type { MissingSpan } from '../domain/series.js';

/**
 * Rules that recognise cells a source wrote but did not mean as data (docs/data-model.md,
 * "Missing is not zero"). They only ever mark cells as missing; values are never edited.
 * Input: a cumulative series, values[i] on day start + i, NaN for blank cells.
 */
export interface MissingRuleOptions {
  /** The source declared the metric discontinued after this day number. */
  discontinuedAfter?: number;
  /** Rules 3 to 5 read cumulative counts only; other kinds get rules 1 and 2. */
  cumulative?: boolean;
}

/** Minimum length of a final run of zeros read as "the source stopped" rather than a gap. */
export const TRAILING_ZEROS_DISCONTINUED = 7;
/** Weeks a weekday must stay silent, while another weekday keeps reporting, to read as a schedule. */
export const CADENCE_MIN_WEEKS = 8;
/** Share of those weeks in which some other weekday must have reported. */
export const CADENCE_ACTIVE_SHARE = 0.75;

interface IndexSpan {
  from: number;
  to: number;
  reason: MissingReason;
  rule: string;
  step?: 7;
}

export function classifyMissing(values: Float64Array, start: number, opts: MissingRuleOptions = {}): MissingSpan[] {
  return classifyMissingWithMask(values, start, opts).spans;
}

/**
 * classifyMissing, and which cells its spans cover (1 = missing, 0 = free; the same cells as
 * maskFromSpans of the spans). The mask is a buffer shared by every call: valid until the next.
 * No closures here: the rules run on every series at every vintage of a run.
 */
export function classifyMissingWithMask(values: Float64Array, start: number, opts: MissingRuleOptions = {}): { spans: MissingSpan[]; mask: Uint8Array } {
  const n = values.length;
  const mask = maskScratch(n);
  const spans: IndexSpan[] = [];

  // 1. Blank cells.
  let s = -1;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) {
      if (s < 0) s = i;
    } else if (s >= 0) {
      mark(mask, spans, s, i - 1, 'not_reported', 'blank-cell');
      s = -1;
    }
  }
  if (s >= 0) mark(mask, spans, s, n - 1, 'not_reported', 'blank-cell');

  // 2. Declared discontinuation: whatever the source keeps writing after the date is not data.
  if (opts.discontinuedAfter !== undefined) {
    const from = Math.max(0, opts.discontinuedAfter - start + 1);
    if (from < n) mark(mask, spans, from, n - 1, 'discontinued', 'declared-discontinued');
  }

  if (opts.cumulative === false) return { spans: finish(spans, start), mask };

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
  s = -1;
  for (let i = 0; i < trailingEnd; i++) {
    const free = mask[i] === FREE;
    if (free && values[i] > 0) seenPositive = true;
    if (seenPositive && free && values[i] === 0) {
      if (s < 0) s = i;
    } else if (s >= 0) {
      mark(mask, spans, s, i - 1, 'not_reported', 'zero-between-positives');
      s = -1;
    }
  }
  if (s >= 0) mark(mask, spans, s, trailingEnd - 1, 'not_reported', 'zero-between-positives');

  // 5. Reporting schedule: weekdays with no change for many weeks while another weekday
  //    reports almost every week (weekly reporting, no weekend reports).
  cadenceSpans(values, mask, start, spans);
  return { spans: finish(spans, start), mask };
}

function mark(mask: Uint8Array, spans: IndexSpan[], from: number, to: number, reason: MissingReason, rule: string): void {
  for (let i = from; i <= to; i++) mask[i] = MASKED;
  spans.push({ from, to, reason, rule });
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
  if (spans.length > 1) spans.sort(byFromThenTo);
  const out: MissingSpan[] = new Array(spans.length);
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    out[k] = s.step
      ? { from: isoFromDay(start + s.from), to: isoFromDay(start + s.to), reason: s.reason, rule: s.rule, step: s.step }
      : { from: isoFromDay(start + s.from), to: isoFromDay(start + s.to), reason: s.reason, rule: s.rule };
  }
  return out;
}

function byFromThenTo(a: IndexSpan, b: IndexSpan): number {
  return a.from - b.from || a.to - b.to;
}

/** Rule 5's spans, appended to `out`; marks their cells. */
function cadenceSpans(values: Float64Array, mask: Uint8Array, start: number, out: IndexSpan[]): void {
  const n = values.length;
  // change[i]: +1 reported a change, 0 no change, -1 unknown (either side missing).
  const change = changeScratch(n);
  for (let i = 1; i < n; i++) {
    if (mask[i] === FREE && mask[i - 1] === FREE) change[i] = values[i] !== values[i - 1] ? 1 : 0;
  }
  const weekdayOfStart = weekday(start);
  for (let k = 0; k < 7; k++) {
    // First index with weekday k (n when there is none).
    const first = Math.min(n, (k - weekdayOfStart + 7) % 7);
    let runStart = -1;
    let i = first;
    for (; i < n; i += 7) {
      if (change[i] === 0) {
        if (runStart < 0) runStart = i;
      } else if (runStart >= 0) {
        cadenceRun(change, mask, out, runStart, i);
        runStart = -1;
      }
    }
    if (runStart >= 0) cadenceRun(change, mask, out, runStart, i);
  }
}

/** A weekday's run of unchanged weeks [runStart, endExclusive) (stride 7): a span when long enough and another weekday reports. */
function cadenceRun(change: Int8Array, mask: Uint8Array, out: IndexSpan[], runStart: number, endExclusive: number): void {
  const weeks = (endExclusive - runStart) / 7;
  if (weeks >= CADENCE_MIN_WEEKS && otherWeekdayReports(change, runStart, endExclusive - 7)) {
    out.push({ from: runStart, to: endExclusive - 7, reason: 'not_reported', rule: 'weekday-cadence', step: 7 });
    for (let i = runStart; i < endExclusive; i += 7) mask[i] = MASKED;
  }
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

function countUnmasked(mask: Uint8Array, from: number, to: number): number {
  let c = 0;
  for (let i = from; i <= to; i++) if (mask[i] === FREE) c++;
  return c;
}

function markUnmasked(mask: Uint8Array, spans: IndexSpan[], from: number, to: number, reason: MissingReason, rule: string): void {
  let s = -1;
  for (let i = from; i <= to; i++) {
    if (mask[i] === FREE) {
      if (s < 0) s = i;
    } else if (s >= 0) {
      mark(mask, spans, s, i - 1, reason, rule);
      s = -1;
    }
  }
  if (s >= 0) mark(mask, spans, s, to, reason, rule);
}
