import { dayNumber, isoFromDay } from '../domain/dates.js';
import type { Db } from '../store/db.js';
import { QueryError } from './errors.js';
import { cumulativeMetric, dateRange } from './params.js';
import { planSeries, servedSeries } from './series.js';

export interface ObservedQuery {
  location: string;
  /** A cumulative metric (confirmed, deaths, ...). */
  metric: string;
  asOf?: string | null;
  /** `best` (default) or one source id. */
  source?: string;
  from?: string | null;
  to?: string | null;
}

/** A stored cumulative series read as daily changes: the input of every model. */
export interface ObservedSeries {
  location: string;
  metric: string;
  asOf: string | null;
  /** ISO date of index 0 (null when there is no data). */
  start: string | null;
  /** As published; NaN where not reported. */
  cumulative: Float64Array;
  /** Change since the previous reported day of the same source; NaN where not reported or where a source takes over. */
  daily: Float64Array;
  /** Days each change covers (1 normally, 7 for a weekly report); 0 where `daily` is NaN. */
  covers: Int32Array;
  /** Anomaly codes per day. */
  flags: string[][];
  /** Sources supplying the values, in order of first use. */
  sources: string[];
}

/**
 * Reads one location's cumulative series as known at `asOf` (the whole history, so that a model
 * sees the days before `from`, then cut to from..to). Unknown location, metric or source: 400.
 */
export async function readObserved(db: Db, q: ObservedQuery): Promise<ObservedSeries> {
  cumulativeMetric(q.metric);
  dateRange(q.from, q.to);
  const plan = await planSeries(db, { location: q.location, metric: q.metric, as_of: q.asOf ?? undefined, transform: 'cumulative', source: q.source ?? 'best' });
  if (plan.request.locations.length !== 1) throw new QueryError('ERR_BAD_PARAMETER', 'location: give exactly one location key', 'location');
  let served = null;
  for await (const s of servedSeries(db, plan)) served = s;
  const n = served?.values.length ?? 0;
  const cumulative = served?.values ?? new Float64Array(0);
  const daily = new Float64Array(n).fill(Number.NaN);
  const covers = new Int32Array(n);
  const flags: string[][] = [];
  const sources: string[] = [];
  let prev = -1;
  for (let i = 0; i < n; i++) {
    flags.push((served!.flags.get(served!.start + i) ?? []).map((f) => f.code));
    const supplier = served!.supplier[i];
    if (Number.isNaN(cumulative[i]) || supplier < 0) continue;
    const source = served!.refs[supplier].source;
    if (!sources.includes(source)) sources.push(source);
    if (prev >= 0 && served!.supplier[prev] === supplier) {
      daily[i] = cumulative[i] - cumulative[prev];
      covers[i] = i - prev;
    }
    prev = i;
  }
  const first = served && n ? served.start : 0;
  const lo = q.from ? Math.max(0, dayNumber(q.from) - first) : 0;
  const hi = q.to ? Math.min(n, dayNumber(q.to) - first + 1) : n;
  const cut = lo < hi;
  return {
    location: q.location,
    metric: q.metric,
    asOf: q.asOf ?? null,
    start: cut ? isoFromDay(first + lo) : null,
    cumulative: cut ? cumulative.slice(lo, hi) : new Float64Array(0),
    daily: cut ? daily.slice(lo, hi) : new Float64Array(0),
    covers: cut ? covers.slice(lo, hi) : new Int32Array(0),
    flags: cut ? flags.slice(lo, hi) : [],
    sources,
  };
}

/** The 404 for a location with no values of the metric (as known at as_of). */
export function noData(o: ObservedSeries): QueryError {
  return new QueryError('ERR_NO_DATA', `no ${o.metric} values for ${o.location}${o.asOf ? ` as of ${o.asOf}` : ''} in the requested range`, 'location');
}
