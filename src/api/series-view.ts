import { dayNumber, isoFromDay } from '../domain/dates.js';
import { isMetricId } from '../domain/metrics.js';
import type { MissingReason } from '../domain/missing.js';
import type { MissingSpan } from '../domain/series.js';
import { applyTransform, type Transform } from '../domain/transforms.js';
import { maskFromSpans } from '../ingest/missing-rules.js';
import type { Db } from '../store/db.js';
import { locationPopulations } from '../store/read-locations.js';
import { findSeries, readPoints, readSpans, type SeriesRef, type StoredPoints } from '../store/read-series.js';
import { ApiError } from './errors.js';
import type { SeriesJson, SeriesRow } from './schemas.js';

export const MAX_LOCATIONS = 100;
/** Series read from the database per batch while streaming. */
const BATCH = 50;

export interface SeriesRequest {
  locations: string[];
  metrics: string[];
  from: string | null;
  to: string | null;
  asOf: string | null;
  transform: Transform;
  source: string;
}

export interface SeriesPlan {
  request: SeriesRequest;
  refs: Map<string, SeriesRef>;
  populations: Map<string, number | null>;
  /** Which series backs each requested location and metric, in request order. */
  series: { location: string; metric: string; source: string | null; derived: boolean | null }[];
}

export function splitList(raw: string): string[] {
  return [...new Set(raw.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}

/** Checks the parameters against the store; every user mistake becomes a coded 400. */
export async function planSeries(db: Db, q: { location: string; metric: string; from?: string; to?: string; as_of?: string; transform: Transform; source: string }): Promise<SeriesPlan> {
  const locations = splitList(q.location);
  if (locations.length === 0) throw new ApiError('ERR_BAD_PARAMETER', 'location: give at least one location key', 'location');
  if (locations.length > MAX_LOCATIONS) throw new ApiError('ERR_TOO_MANY_LOCATIONS', `location: ${locations.length} keys given, at most ${MAX_LOCATIONS} per request (use several requests or the bulk export)`, 'location');
  const metrics = splitList(q.metric);
  if (metrics.length === 0) throw new ApiError('ERR_BAD_PARAMETER', 'metric: give at least one metric', 'metric');
  const unknownMetrics = metrics.filter((m) => !isMetricId(m));
  if (unknownMetrics.length) throw new ApiError('ERR_UNKNOWN_METRIC', `metric: unknown ${unknownMetrics.map((m) => JSON.stringify(m)).join(', ')} (see /v1/metrics)`, 'metric');
  if (q.from && q.to && q.from > q.to) throw new ApiError('ERR_DATE_RANGE', `from (${q.from}) is after to (${q.to})`, 'from');
  if (q.source !== 'best') {
    const [known] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sources WHERE id = $1', [q.source]);
    if (!known.n) throw new ApiError('ERR_UNKNOWN_SOURCE', `source: unknown ${JSON.stringify(q.source)} (see /v1/sources)`, 'source');
  }
  const populations = await locationPopulations(db, locations);
  const unknown = locations.filter((l) => !populations.has(l));
  if (unknown.length) throw new ApiError('ERR_UNKNOWN_LOCATION', `location: unknown key ${unknown.map((l) => JSON.stringify(l)).join(', ')} (search keys at /v1/locations?q=)`, 'location');

  const request: SeriesRequest = { locations, metrics, from: q.from ?? null, to: q.to ?? null, asOf: q.as_of ?? null, transform: q.transform, source: q.source };
  const refs = new Map((await findSeries(db, locations, metrics, q.source)).map((r) => [`${r.location}|${r.metric}`, r]));
  const series = locations.flatMap((location) =>
    metrics.map((metric) => {
      const r = refs.get(`${location}|${metric}`);
      return { location, metric, source: r?.source ?? null, derived: r?.derived ?? null };
    }),
  );
  return { request, refs, populations, series };
}

/** One served series after transform and date range: values[i] is on day start + i. */
export interface SeriesBlock {
  ref: SeriesRef;
  start: number;
  values: Float64Array;
  reasons: (MissingReason | null)[];
  issues: Int32Array;
}

/** The plan's series in request order, read from the database in batches. */
export async function* seriesBlocks(db: Db, plan: SeriesPlan): AsyncGenerator<SeriesBlock> {
  const wanted = plan.series.map((s) => plan.refs.get(`${s.location}|${s.metric}`)).filter((r): r is SeriesRef => r !== undefined);
  for (let i = 0; i < wanted.length; i += BATCH) {
    const batch = wanted.slice(i, i + BATCH);
    const ids = batch.map((r) => r.seriesId);
    const [points, spans] = await Promise.all([readPoints(db, ids, plan.request.asOf), readSpans(db, ids, plan.request.asOf)]);
    for (const ref of batch) {
      const p = points.get(ref.seriesId);
      if (p && p.days.length) yield blockOf(ref, p, spans.get(ref.seriesId) ?? [], plan);
    }
  }
}

function blockOf(ref: SeriesRef, p: StoredPoints, spans: MissingSpan[], plan: SeriesPlan): SeriesBlock {
  const start = p.days[0];
  const n = p.days[p.days.length - 1] - start + 1;
  const values = new Float64Array(n).fill(Number.NaN);
  const issues = new Int32Array(n).fill(-1);
  const present = new Uint8Array(n);
  for (let k = 0; k < p.days.length; k++) {
    const j = p.days[k] - start;
    values[j] = p.values[k];
    issues[j] = p.issues[k];
    present[j] = 1;
  }
  const mask = maskFromSpans(spans, start, n, dayNumber);
  const reasons: (MissingReason | null)[] = mask.map((r, j) => r ?? (present[j] && !Number.isNaN(values[j]) ? null : 'not_reported'));
  const t = applyTransform({ start, values, reasons, issues }, plan.request.transform, plan.populations.get(ref.location) ?? null);
  const from = plan.request.from ? Math.max(0, dayNumber(plan.request.from) - start) : 0;
  const to = plan.request.to ? Math.min(n - 1, dayNumber(plan.request.to) - start) : n - 1;
  const end = Math.max(from, to + 1);
  return {
    ref,
    start: start + from,
    values: t.values.slice(from, end).map((v, i) => (t.reasons[from + i] === null ? v : Number.NaN)),
    reasons: t.reasons.slice(from, end),
    issues: t.issues.slice(from, end),
  };
}

/** Long format: one row per date (CSV, JSON Lines). */
export function blockRows(b: SeriesBlock): SeriesRow[] {
  const rows: SeriesRow[] = [];
  for (let i = 0; i < b.values.length; i++) {
    rows.push({
      location: b.ref.location,
      date: isoFromDay(b.start + i),
      metric: b.ref.metric,
      value: Number.isNaN(b.values[i]) ? null : b.values[i],
      missing_reason: b.reasons[i],
      source: b.ref.source,
      derived: b.ref.derived,
      issue: b.issues[i] >= 0 ? isoFromDay(b.issues[i]) : null,
    });
  }
  return rows;
}

/**
 * Compact JSON: one object per series with a dense array of daily values (null where
 * missing) and the missing reasons and issues as runs of dates. Expanding it gives exactly
 * the rows of the CSV.
 */
export function blockJson(b: SeriesBlock): SeriesJson {
  return {
    location: b.ref.location,
    metric: b.ref.metric,
    source: b.ref.source,
    derived: b.ref.derived,
    start: b.values.length ? isoFromDay(b.start) : null,
    end: b.values.length ? isoFromDay(b.start + b.values.length - 1) : null,
    values: Array.from(b.values, (v) => (Number.isNaN(v) ? null : v)),
    missing: runs(b.reasons, b.start, (reason) => (reason === null ? null : { reason })),
    issues: runs(Array.from(b.issues), b.start, (issue) => (issue < 0 ? null : { issue: isoFromDay(issue) })),
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
