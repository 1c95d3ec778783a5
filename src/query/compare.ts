import { agreement, type AgreementStats } from '../domain/agreement.js';
import { dayNumber } from '../domain/dates.js';
import type { MissingReason } from '../domain/missing.js';
import type { MissingSpan } from '../domain/series.js';
import { denseValues, type StoredPoints } from '../domain/stored-values.js';
import type { Db } from '../store/db.js';
import type { LocationLevel } from '../domain/location.js';
import { findSeries, rankedSeriesAt, readPoints, readSpans, type SeriesRef } from '../store/read-series.js';
import { QueryError } from './errors.js';
import type { Slicer } from './expensive.js';
import type { SeriesLister } from './map.js';
import { dateRange, knownLocation, metricId } from './params.js';

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
  const spans = new Map<number, MissingSpan[]>();
  for (const date of new Set(refs.map(at))) {
    const batch = refs.filter((r) => at(r) === date);
    const ids = batch.map((r) => r.seriesId);
    const [p, r] = await Promise.all([readPoints(db, batch, date), readSpans(db, ids, date)]);
    for (const [k, v] of p) points.set(k, v);
    for (const [k, v] of r) spans.set(k, v);
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
      const { values, reasons } = denseValues(points.get(ref.seriesId)!, spans.get(ref.seriesId) ?? [], first, length, dayNumber);
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

export interface CompareRequest {
  location: string;
  metric: string;
  from: string | null;
  to: string | null;
  asOf: string | null;
  /** The source the others are compared with (default: the first in precedence order). */
  reference: string | null;
  /** The vintage of the reference (default: asOf). */
  referenceAsOf: string | null;
}

export interface CompareResult {
  set: AlignedSet | undefined;
  reference: AlignedSeries | undefined;
  agreements: Map<AlignedSeries, AgreementStats | null>;
  referenceAsOf: string | null;
}

/** Every source of one location and metric on a shared date range, each compared with the reference. */
export async function compareSources(db: Db, r: CompareRequest): Promise<CompareResult> {
  metricId(r.metric);
  await knownLocation(db, r.location);
  dateRange(r.from, r.to);
  const refs = await findSeries(db, [r.location], [r.metric], 'best');
  const referenceAsOf = r.referenceAsOf ?? r.asOf;
  const isReference = (ref: SeriesRef) => (r.reference ? ref.source === r.reference : ref.rank === refs[0]?.rank);
  const set = (await alignSeries(db, refs, (ref) => (isReference(ref) ? referenceAsOf : r.asOf), r.from, r.to)).get(`${r.location}|${r.metric}`);
  if (r.reference && !set?.series.some((s) => s.ref.source === r.reference)) {
    throw new QueryError('ERR_UNKNOWN_SOURCE', `reference: no ${JSON.stringify(r.reference)} data for ${r.location} ${r.metric} (sources: ${set?.series.map((s) => s.ref.source).join(', ') || 'none'})`, 'reference');
  }
  const reference = set && (set.series.find((s) => s.ref.source === r.reference) ?? set.series[0]);
  return { set, reference, agreements: set && reference ? compareToReference(set, reference) : new Map(), referenceAsOf };
}

export interface DiscrepanciesRequest {
  metric: string;
  level: LocationLevel | null;
  parent: string | null;
  from: string | null;
  to: string | null;
  asOf: string | null;
  /** Sources sharing fewer days with the reference are left out. */
  minDays: number;
}

/** A location's worst-disagreeing source and its agreement with the reference. */
export type DiscrepancyEntry = Omit<AgreementStats, 'first_differing' | 'last_differing'> & {
  location: string;
  name: string;
  level: LocationLevel;
  reference: string;
  sources_compared: number;
  worst_source: string;
};

/**
 * Every location with two or more sources of the metric, scored by the mean relative difference
 * of its worst source from the first in precedence order; worst first. A whole level is 15,000
 * series for confirmed counts: they are read and compared in slices of whole locations, and
 * `slicer` yields to the event loop between slices (and stops the work past its time budget).
 */
export async function discrepancies(db: Db, r: DiscrepanciesRequest, slicer?: Slicer, list: SeriesLister = (m, l, p) => rankedSeriesAt(db, m, l, p)): Promise<DiscrepancyEntry[]> {
  const metric = metricId(r.metric);
  dateRange(r.from, r.to);
  const candidates = await list(metric, r.level, r.parent);
  const names = new Map(candidates.map((c) => [c.location, c.name]));
  const levels = new Map(candidates.map((c) => [c.location, c.level]));
  const rows: DiscrepancyEntry[] = [];
  for (const slice of locationSlices(candidates)) {
    for (const set of (await alignSeries(db, slice, r.asOf, r.from, r.to)).values()) {
      if (set.series.length < 2) continue;
      const reference = set.series[0];
      const others = [...compareToReference(set, reference)].filter(([, s]) => s && s.days_compared >= r.minDays) as [AlignedSeries, AgreementStats][];
      if (others.length === 0) continue;
      const [worst, w] = others.reduce((a, b) => (b[1].mean_rel_diff > a[1].mean_rel_diff ? b : a));
      const location = reference.ref.location;
      rows.push({
        location, name: names.get(location) ?? location, level: levels.get(location)!, reference: reference.ref.source,
        sources_compared: others.length, worst_source: worst.ref.source, days_compared: w.days_compared, days_differing: w.days_differing,
        share_differing: w.share_differing, max_abs_diff: w.max_abs_diff, max_rel_diff: w.max_rel_diff, mean_rel_diff: w.mean_rel_diff,
      });
    }
    await slicer?.tick();
  }
  return rows.sort((a, b) => b.mean_rel_diff - a.mean_rel_diff || b.share_differing - a.share_differing || a.location.localeCompare(b.location));
}

/**
 * Series read and compared per slice: two short queries and a few ms of work. On PGlite each query
 * holds the thread; 100 rather than 300 cut the storm's poller p99 (docs/api.md "Cost bounds").
 */
const SLICE_SERIES = 100;

/**
 * The candidates (sorted by location) cut into slices of whole locations, without the locations
 * that have a single series: they have nothing to disagree with, so they are not read.
 */
function* locationSlices(candidates: SeriesRef[]): Generator<SeriesRef[]> {
  const count = new Map<string, number>();
  for (const c of candidates) count.set(c.location, (count.get(c.location) ?? 0) + 1);
  const several = candidates.filter((c) => count.get(c.location)! >= 2);
  for (let i = 0; i < several.length; ) {
    let j = Math.min(i + SLICE_SERIES, several.length);
    while (j < several.length && several[j].location === several[j - 1].location) j++;
    yield several.slice(i, j);
    i = j;
  }
}
