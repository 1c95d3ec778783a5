import { agreement, type AgreementStats } from '../domain/agreement.js';
import { dayNumber } from '../domain/dates.js';
import type { MissingReason } from '../domain/missing.js';
import { maskFromSpans } from '../ingest/missing-rules.js';
import type { Db } from '../store/db.js';
import { readPoints, readReadings, type Reading, type SeriesRef, type StoredPoints } from '../store/read-series.js';

/** One source's values of a location and metric on a shared date range, missing days as NaN. */
export interface AlignedSeries {
  ref: SeriesRef;
  values: Float64Array;
  reasons: (MissingReason | null)[];
}

export interface AlignedSet {
  start: number;
  length: number;
  series: AlignedSeries[];
}

/**
 * The series of `refs` as known at `asOf` (one date, or one per series), read by their missing
 * spans, grouped by location and metric, on the union of their date ranges clipped to [from, to].
 */
export async function alignSeries(db: Db, refs: SeriesRef[], asOf: string | null | ((ref: SeriesRef) => string | null), from: string | null, to: string | null): Promise<Map<string, AlignedSet>> {
  // Series read at different dates are read in one batch per date.
  const at = typeof asOf === 'function' ? asOf : () => asOf;
  const points = new Map<number, StoredPoints>();
  const readings = new Map<number, Reading>();
  for (const date of new Set(refs.map(at))) {
    const ids = refs.filter((r) => at(r) === date).map((r) => r.seriesId);
    const [p, r] = await Promise.all([readPoints(db, ids, date), readReadings(db, ids, date)]);
    for (const [k, v] of p) points.set(k, v);
    for (const [k, v] of r) readings.set(k, v);
  }
  const groups = new Map<string, SeriesRef[]>();
  for (const r of refs) {
    if (!points.get(r.seriesId)?.days.length) continue;
    const k = `${r.location}|${r.metric}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const out = new Map<string, AlignedSet>();
  for (const [k, group] of groups) {
    let first = Math.min(...group.map((r) => points.get(r.seriesId)!.days[0]));
    let last = Math.max(...group.map((r) => points.get(r.seriesId)!.days.at(-1)!));
    if (from) first = Math.max(first, dayNumber(from));
    if (to) last = Math.min(last, dayNumber(to));
    const length = Math.max(0, last - first + 1);
    const series = group.map((ref) => {
      const p = points.get(ref.seriesId)!;
      const values = new Float64Array(length).fill(Number.NaN);
      const reasons: (MissingReason | null)[] = new Array(length).fill('not_reported');
      const mask = maskFromSpans(readings.get(ref.seriesId)?.spans ?? [], first, length, dayNumber);
      for (let j = 0; j < p.days.length; j++) {
        const i = p.days[j] - first;
        if (i < 0 || i >= length) continue;
        reasons[i] = mask[i] ?? (Number.isNaN(p.values[j]) ? 'not_reported' : null);
        if (reasons[i] === null) values[i] = p.values[j];
      }
      return { ref, values, reasons };
    });
    out.set(k, { start: first, length, series });
  }
  return out;
}

/** Each series against the reference (the first in `set.series` unless named). */
export function compareToReference(set: AlignedSet, reference: AlignedSeries): Map<AlignedSeries, AgreementStats | null> {
  return new Map(set.series.map((s) => [s, s === reference ? null : agreement(s.values, reference.values, set.start)]));
}
