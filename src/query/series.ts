import { EXCLUDABLE_FROM_AVERAGE } from '../domain/anomalies.js';
import { dayNumber, isoFromDay } from '../domain/dates.js';
import type { MissingReason } from '../domain/missing.js';
import type { AnomalyFlag } from '../domain/series.js';
import { applyTransform, type Transform } from '../domain/transforms.js';
import { denseValues, type StoredPoints } from '../domain/stored-values.js';
import type { Db } from '../store/db.js';
import type { Reading, SeriesRef } from '../store/read-series.js';
import { readSeriesData, seriesCandidates, type SeriesData } from '../store/read-served.js';
import { dateRange, knownSource, locationList, metricList, requireKnown, transformApplies } from './params.js';
import type { SeriesJson, SeriesRow } from './series-schemas.js';

/** Location-metric pairs read from the database per batch while streaming. */
const BATCH = 50;

export interface SeriesRequest {
  locations: string[];
  metrics: string[];
  from: string | null;
  to: string | null;
  asOf: string | null;
  transform: Transform;
  source: string;
  excludeAnomalies: boolean;
}

export interface SeriesPlan {
  request: SeriesRequest;
  /** Candidate series per "location|metric", in rank order. */
  ranked: Map<string, SeriesRef[]>;
  populations: Map<string, number | null>;
  /** The requested pairs, in request order. */
  pairs: { location: string; metric: string }[];
  /** Every candidate's data, when it was read with the plan (a request of one batch). */
  data?: Map<number, SeriesData>;
}

export interface SeriesQueryInput {
  location: string;
  metric: string;
  from?: string;
  to?: string;
  as_of?: string;
  transform: Transform;
  source: string;
  exclude_anomalies?: boolean;
}

/** Checks the parameters against the store; every user mistake becomes a coded 400. */
export async function planSeries(db: Db, q: SeriesQueryInput): Promise<SeriesPlan> {
  const locations = locationList(q.location);
  const metrics = metricList(q.metric);
  transformApplies(q.transform, metrics);
  dateRange(q.from, q.to);
  await knownSource(db, q.source);
  // A request of one batch reads its data along with its candidates: one round trip.
  const oneBatch = locations.length * metrics.length <= BATCH;
  const { populations, refs, data } = await seriesCandidates(db, locations, metrics, q.source, oneBatch ? q.as_of ?? null : undefined);
  requireKnown(locations, populations);

  const request: SeriesRequest = {
    locations, metrics, from: q.from ?? null, to: q.to ?? null, asOf: q.as_of ?? null, transform: q.transform, source: q.source,
    excludeAnomalies: q.exclude_anomalies ?? false,
  };
  return { request, ranked: rankedByPair(refs), populations, pairs: locations.flatMap((location) => metrics.map((metric) => ({ location, metric }))), data };
}

/** Candidate series grouped by "location|metric", each group in rank order. */
export function rankedByPair(refs: readonly SeriesRef[]): Map<string, SeriesRef[]> {
  const ranked = new Map<string, SeriesRef[]>();
  for (const r of refs) {
    const k = `${r.location}|${r.metric}`;
    const group = ranked.get(k);
    if (group) group.push(r);
    else ranked.set(k, [r]);
  }
  for (const group of ranked.values()) group.sort((a, b) => a.rank - b.rank);
  return ranked;
}

/** The number of stored series a plan reads (its size, for deciding to stream). */
export function planSize(plan: SeriesPlan): number {
  let n = 0;
  for (const refs of plan.ranked.values()) n += refs.length;
  return n;
}

/**
 * One served location and metric after transform and date range: values[i] is on day
 * start + i, supplied by refs[supplier[i]] (-1: no series covers the day).
 */
export interface ServedSeries {
  location: string;
  metric: string;
  refs: SeriesRef[];
  start: number;
  values: Float64Array;
  reasons: (MissingReason | null)[];
  issues: Int32Array;
  supplier: Int16Array;
  flags: Map<number, AnomalyFlag[]>;
}

/** The plan's pairs in request order, read in batches. */
export async function* servedSeries(db: Db, plan: SeriesPlan): AsyncGenerator<ServedSeries> {
  for (let i = 0; i < plan.pairs.length; i += BATCH) {
    const pairs = plan.pairs.slice(i, i + BATCH);
    const refs = pairs.flatMap((p) => plan.ranked.get(`${p.location}|${p.metric}`) ?? []);
    const data = plan.data ?? (await readSeriesData(db, refs, plan.request.asOf));
    for (const p of pairs) {
      const candidates = (plan.ranked.get(`${p.location}|${p.metric}`) ?? []).filter((r) => data.get(r.seriesId)?.points.days.length);
      const blocks = candidates.map((r) => sourceBlock(data.get(r.seriesId)!.points, data.get(r.seriesId)!.reading, plan, plan.populations.get(r.location) ?? null));
      yield mergeByCoverage(p.location, p.metric, candidates, blocks, plan.request);
    }
  }
}

interface SourceBlock {
  start: number;
  values: Float64Array;
  reasons: (MissingReason | null)[];
  issues: Int32Array;
  flags: Map<number, AnomalyFlag[]>;
}

/** One stored series, read (missing spans) and transformed over its whole range. */
function sourceBlock(p: StoredPoints, reading: Reading, plan: SeriesPlan, population: number | null): SourceBlock {
  const start = p.days[0];
  const n = p.days[p.days.length - 1] - start + 1;
  const { values, reasons, issues } = denseValues(p, reading.spans, start, n, dayNumber);
  const flags = new Map<number, AnomalyFlag[]>();
  for (const f of reading.flags) {
    const d = dayNumber(f.date);
    flags.set(d, [...(flags.get(d) ?? []), f]);
  }
  let exclude: Uint8Array | undefined;
  if (plan.request.excludeAnomalies) {
    exclude = new Uint8Array(n);
    for (const f of reading.flags) if (EXCLUDABLE_FROM_AVERAGE.includes(f.code)) exclude[dayNumber(f.date) - start] = 1;
  }
  const t = applyTransform({ start, values, reasons, issues }, plan.request.transform, population, exclude);
  return { start, values: t.values.map((v, i) => (t.reasons[i] === null ? v : Number.NaN)), reasons: t.reasons, issues: t.issues, flags };
}

/**
 * Each day comes from the first ranked series whose range (first to last stored day) covers
 * it. A series' own missing days are not filled from another source: that would mix counts
 * defined differently inside one run of days.
 */
function mergeByCoverage(location: string, metric: string, refs: SeriesRef[], blocks: SourceBlock[], request: SeriesRequest): ServedSeries {
  if (blocks.length === 0) return { location, metric, refs, start: 0, values: new Float64Array(0), reasons: [], issues: new Int32Array(0), supplier: new Int16Array(0), flags: new Map() };
  let first = Math.min(...blocks.map((b) => b.start));
  let last = Math.max(...blocks.map((b) => b.start + b.values.length - 1));
  if (request.from) first = Math.max(first, dayNumber(request.from));
  if (request.to) last = Math.min(last, dayNumber(request.to));
  const n = Math.max(0, last - first + 1);
  const out: ServedSeries = {
    location, metric, refs, start: first, values: new Float64Array(n).fill(Number.NaN), reasons: new Array(n).fill('not_reported'),
    issues: new Int32Array(n).fill(-1), supplier: new Int16Array(n).fill(-1), flags: new Map(),
  };
  // Blocks are in rank order: each fills the days of its range that no better-ranked block took.
  blocks.forEach((b, k) => {
    const from = Math.max(first, b.start);
    const to = Math.min(last, b.start + b.values.length - 1);
    for (let day = from; day <= to; day++) {
      const i = day - first;
      if (out.supplier[i] >= 0) continue;
      const j = day - b.start;
      out.values[i] = b.values[j];
      out.reasons[i] = b.reasons[j];
      out.issues[i] = b.issues[j];
      out.supplier[i] = k;
      const f = b.flags.get(day);
      if (f) out.flags.set(day, f);
    }
  });
  return out;
}

/** Long format: one row per date (CSV, JSON Lines). */
export function servedRows(s: ServedSeries): SeriesRow[] {
  const rows: SeriesRow[] = [];
  for (let i = 0; i < s.values.length; i++) {
    const ref = s.refs[s.supplier[i]];
    rows.push({
      location: s.location,
      date: isoFromDay(s.start + i),
      metric: s.metric,
      value: Number.isNaN(s.values[i]) ? null : s.values[i],
      missing_reason: s.reasons[i],
      source: ref?.source ?? null,
      derived: ref?.derived ?? null,
      issue: s.issues[i] >= 0 ? isoFromDay(s.issues[i]) : null,
      flags: (s.flags.get(s.start + i) ?? []).map((f) => f.code),
    });
  }
  return rows;
}

/**
 * Compact JSON: one object per location and metric with a dense array of daily values (null
 * where missing); missing reasons, issues and suppliers as runs of dates; flags by date.
 * Expanding it gives exactly the rows of the CSV.
 */
export function servedJson(s: ServedSeries): SeriesJson {
  const n = s.values.length;
  return {
    location: s.location,
    metric: s.metric,
    start: n ? isoFromDay(s.start) : null,
    end: n ? isoFromDay(s.start + n - 1) : null,
    values: Array.from(s.values, (v) => (Number.isNaN(v) ? null : v)),
    missing: runs(s.reasons, s.start, (reason) => (reason === null ? null : { reason })),
    issues: runs(Array.from(s.issues), s.start, (issue) => (issue < 0 ? null : { issue: isoFromDay(issue) })),
    sources: runs(Array.from(s.supplier), s.start, (k) => (k < 0 ? null : { source: s.refs[k].source, derived: s.refs[k].derived })),
    flags: [...s.flags].sort(([a], [b]) => a - b).flatMap(([, f]) => f),
  };
}

function runs<T, R extends object>(items: ArrayLike<T>, start: number, label: (item: T) => R | null): (R & { from: string; to: string })[] {
  const out: (R & { from: string; to: string })[] = [];
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j + 1 < items.length && items[j + 1] === items[i]) j++;
    const l = label(items[i]);
    if (l) out.push({ from: isoFromDay(start + i), to: isoFromDay(start + j), ...l });
    i = j + 1;
  }
  return out;
}
