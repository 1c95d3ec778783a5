import { dayNumber, isoFromDay } from '../domain/dates.js';
import { isMetricId } from '../domain/metrics.js';
import type { MissingReason } from '../domain/missing.js';
import { applyTransform, type Transform } from '../domain/transforms.js';
import { maskFromSpans } from '../ingest/missing-rules.js';
import type { Db } from '../store/db.js';
import { locationPopulations } from '../store/read-locations.js';
import { findSeries, readPoints, readSpans, type SeriesRef } from '../store/read-series.js';
import { ApiError } from './errors.js';
import type { SeriesRow } from './schemas.js';

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

/** The rows of a plan, series by series in request order, read in batches. */
export async function* seriesRows(db: Db, plan: SeriesPlan): AsyncGenerator<SeriesRow[]> {
  const wanted = plan.series.map((s) => plan.refs.get(`${s.location}|${s.metric}`)).filter((r): r is SeriesRef => r !== undefined);
  for (let i = 0; i < wanted.length; i += BATCH) {
    const batch = wanted.slice(i, i + BATCH);
    const ids = batch.map((r) => r.seriesId);
    const [points, spans] = await Promise.all([readPoints(db, ids, plan.request.asOf), readSpans(db, ids, plan.request.asOf)]);
    for (const ref of batch) {
      const p = points.get(ref.seriesId);
      if (p) yield rowsOf(ref, p, spans.get(ref.seriesId) ?? [], plan);
    }
  }
}

function rowsOf(ref: SeriesRef, p: { days: Int32Array; values: Float64Array; issues: Int32Array }, spans: Parameters<typeof maskFromSpans>[0], plan: SeriesPlan): SeriesRow[] {
  if (p.days.length === 0) return [];
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
  const rows: SeriesRow[] = [];
  for (let j = from; j <= to; j++) {
    const missing = t.reasons[j];
    rows.push({
      location: ref.location,
      date: isoFromDay(start + j),
      metric: ref.metric,
      value: missing === null && !Number.isNaN(t.values[j]) ? t.values[j] : null,
      missing_reason: missing,
      source: ref.source,
      derived: ref.derived,
      issue: t.issues[j] >= 0 ? isoFromDay(t.issues[j]) : null,
    });
  }
  return rows;
}
