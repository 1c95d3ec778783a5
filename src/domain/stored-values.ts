import type { MissingReason } from './missing.js';
import type { MissingSpan } from './series.js';

/** A series' stored values in force at one vintage: one entry per stored day (day numbers), NaN = stored blank. */
export interface StoredPoints {
  days: Int32Array;
  values: Float64Array;
  /** Issue (day number) of each value. */
  issues: Int32Array;
}

/**
 * Missing-value spans (Glacier's reading of a series) as one reason per day of
 * [start, start + length): the first span that covers a day names it, null elsewhere.
 */
export function maskFromSpans(spans: readonly MissingSpan[], start: number, length: number, dayOf: (iso: string) => number): (MissingReason | null)[] {
  const mask: (MissingReason | null)[] = new Array(length).fill(null);
  for (const s of spans) {
    const step = s.step ?? 1;
    const to = dayOf(s.to) - start;
    for (let i = dayOf(s.from) - start; i <= to; i += step) if (i >= 0 && i < length && mask[i] === null) mask[i] = s.reason;
  }
  return mask;
}

export interface DenseValues {
  /** NaN wherever `reasons` is not null. */
  values: Float64Array;
  reasons: (MissingReason | null)[];
  /** Issue of the stored value of each day (also of a stored value a span marks missing); -1 where nothing is stored. */
  issues: Int32Array;
}

/**
 * The one rule that turns stored points and their missing-value spans into served values on
 * [start, start + length): a day a span covers is missing for the span's reason; a day with no
 * stored value, or a stored blank, is `not_reported`; every other day has its value. Series,
 * compare and revisions all read values through it.
 */
export function denseValues(points: StoredPoints, spans: readonly MissingSpan[], start: number, length: number, dayOf: (iso: string) => number): DenseValues {
  const values = new Float64Array(length).fill(Number.NaN);
  const issues = new Int32Array(length).fill(-1);
  const reasons = maskFromSpans(spans, start, length, dayOf);
  const present = new Uint8Array(length);
  for (let k = 0; k < points.days.length; k++) {
    const i = points.days[k] - start;
    if (i < 0 || i >= length) continue;
    issues[i] = points.issues[k];
    if (reasons[i] === null && !Number.isNaN(points.values[k])) {
      values[i] = points.values[k];
      present[i] = 1;
    }
  }
  for (let i = 0; i < length; i++) if (reasons[i] === null && !present[i]) reasons[i] = 'not_reported';
  return { values, reasons, issues };
}
