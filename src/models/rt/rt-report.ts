import { dayNumber, isoFromDay } from '../../domain/dates.js';
import type { DailyChanges } from '../incidence.js';
import { RtInputError } from './errors.js';
import { estimateRt, RT_DEFAULTS, type EarlyReason, type RtEstimate, type RtPosterior, type RtPrior, type SerialIntervalSpec } from './estimate-rt.js';
import { rtSegments, RT_MAX_GAP_DAYS, type RtIncidence } from './rt-input.js';
import type { RtWindowTrend } from './trend.js';

/** A stored cumulative series read as daily changes (src/api/model-input.ts), dated. */
export interface RtReportInput extends DailyChanges {
  /** ISO date of index 0 (null: no data). */
  start: string | null;
}

export interface RtReportOptions {
  serialInterval: SerialIntervalSpec;
  /** Days per sliding window (default 7). */
  window?: number;
  /** Given windows (ISO dates, inclusive) instead of sliding ones; each must lie within one segment. */
  windows?: readonly { start: string; end: string }[] | null;
  prior?: RtPrior;
  /** Keep the windows flagged as too early (default: leave them out). */
  includeEarly?: boolean;
  /** Only windows ending in from..to (ISO dates); the estimate still uses the earlier days. */
  from?: string | null;
  to?: string | null;
  maxGap?: number;
}

/** One window, as the API and CLI serve it. */
export interface RtRow extends RtPosterior {
  window_start: string;
  window_end: string;
  prob_below_1: number;
  trend: RtWindowTrend;
  cases: number;
  imputed_days: number;
  early_reason: EarlyReason | null;
}

export const RT_ROW_COLUMNS = [
  'window_start', 'window_end', 'mean', 'sd', 'median', 'q0_025', 'q0_05', 'q0_25', 'q0_75', 'q0_95', 'q0_975',
  'prob_below_1', 'trend', 'cases', 'imputed_days', 'early_reason',
] as const satisfies readonly (keyof RtRow)[];

export interface RtSegmentSummary {
  start: string;
  end: string;
  days: number;
  imputed_days: number;
  /** False when the segment has fewer days than a window needs (window + 1). */
  estimated: boolean;
}

export interface RtReport {
  rows: RtRow[];
  /** The stretches estimated on, split at gaps longer than maxGap, each from its first case. */
  segments: RtSegmentSummary[];
  serialInterval: { mean: number; sd: number; weights: number[] };
  prior: { mean: number; sd: number; shape: number; scale: number };
  /** Windows in from..to left out as too early (0 with includeEarly). */
  earlyOmitted: number;
}

/** Rt by window for one stored series: the daily changes made complete, estimated by segment, dated, cut to from..to. */
export function rtReport(input: RtReportInput, opts: RtReportOptions): RtReport {
  const window = opts.window ?? RT_DEFAULTS.window;
  if (!Number.isInteger(window) || window < 1) throw new RtInputError('window', `must be a whole number of days ≥ 1; got ${window}`);
  const segments = input.start === null ? [] : rtSegments(input, opts.maxGap ?? RT_MAX_GAP_DAYS);
  const longest = Math.max(0, ...segments.map((s) => s.values.length));
  const given = opts.windows?.length ? placeWindows(opts.windows, segments, input.start) : null;
  if (!given && longest < window + 1) {
    throw new RtInputError('window', longest === 0 ? 'the series has no day with a case to estimate from' : `the longest stretch of known days from a first case has ${longest} days; a ${window}-day window needs ${window + 1}`, true);
  }
  const prior = opts.prior ?? RT_DEFAULTS.prior;
  const from = opts.from ? dayNumber(opts.from) : -Infinity;
  const to = opts.to ? dayNumber(opts.to) : Infinity;
  const rows: RtRow[] = [];
  let earlyOmitted = 0;
  let reference: RtEstimate | null = null;
  const summaries: RtSegmentSummary[] = [];
  for (const seg of segments) {
    const day0 = dayNumber(input.start!) + seg.offset;
    const mine = given?.get(seg);
    const estimated = given ? mine !== undefined : seg.values.length >= window + 1;
    summaries.push({ start: isoFromDay(day0), end: isoFromDay(day0 + seg.values.length - 1), days: seg.values.length, imputed_days: seg.imputed.reduce((a, b) => a + b, 0), estimated });
    if (!estimated) continue;
    const windows = mine ? { kind: 'given' as const, ...mine } : { kind: 'sliding' as const, length: window };
    const est = estimateRt(seg.values, { serialInterval: opts.serialInterval, windows, prior });
    if (!reference || seg.values.length === longest) reference = est;
    for (const w of est.windows) {
      if (day0 + w.end < from || day0 + w.end > to) continue;
      if (w.early && !opts.includeEarly && !given) {
        earlyOmitted++;
        continue;
      }
      let imputed = 0;
      for (let t = w.start; t <= w.end; t++) imputed += seg.imputed[t];
      rows.push({
        window_start: isoFromDay(day0 + w.start), window_end: isoFromDay(day0 + w.end),
        mean: w.mean, sd: w.sd, median: w.median, q0_025: w.q0_025, q0_05: w.q0_05, q0_25: w.q0_25, q0_75: w.q0_75, q0_95: w.q0_95, q0_975: w.q0_975,
        prob_below_1: w.probBelowOne, trend: w.trend, cases: w.cases, imputed_days: imputed, early_reason: w.early,
      });
    }
  }
  if (!reference) reference = estimateRt(segments.find((g) => g.values.length === longest)!.values, { serialInterval: opts.serialInterval, prior });
  // The SI of the longest segment (a parametric SI is cut at T days, so shorter ones may be shorter).
  const si = reference!.serialInterval;
  let support = si.length;
  while (support > 1 && si[support - 1] === 0) support--;
  return {
    rows,
    segments: summaries,
    serialInterval: { mean: reference!.serialIntervalMean, sd: reference!.serialIntervalSd, weights: Array.from(si.subarray(0, support)) },
    prior: { mean: prior.mean, sd: prior.sd, shape: reference!.prior.shape, scale: reference!.prior.scale },
    earlyOmitted,
  };
}

/**
 * Given windows as day indices of the segment holding each; a window must start after its
 * segment's first day (whose cases count as imported) and not cross a gap.
 */
function placeWindows(windows: readonly { start: string; end: string }[], segments: RtIncidence[], start: string | null): Map<RtIncidence, { start: number[]; end: number[] }> {
  const out = new Map<RtIncidence, { start: number[]; end: number[] }>();
  const origin = start === null ? 0 : dayNumber(start);
  windows.forEach((w, i) => {
    const a = dayNumber(w.start);
    const b = dayNumber(w.end);
    if (b < a) throw new RtInputError('windows', `window ${i + 1} (${w.start}/${w.end}) ends before it starts`);
    const seg = segments.find((g) => a >= origin + g.offset + 1 && b <= origin + g.offset + g.values.length - 1);
    if (!seg) {
      const spans = segments.map((g) => `${isoFromDay(origin + g.offset + 1)}..${isoFromDay(origin + g.offset + g.values.length - 1)}`).join(', ');
      throw new RtInputError('windows', `window ${i + 1} (${w.start}/${w.end}) is not inside one stretch of known days after a first case (${spans || 'none'})`);
    }
    const day0 = origin + seg.offset;
    const entry = out.get(seg) ?? { start: [], end: [] };
    entry.start.push(a - day0);
    entry.end.push(b - day0);
    out.set(seg, entry);
  });
  return out;
}
