import type { AnomalyFlag, MissingSpan } from '../domain/series.js';
import type { StoredPoints } from '../domain/stored-values.js';
import type { Db } from './db.js';
import { inForce, type Reading, type SeriesRef, type StoredSeries } from './read-series.js';

const EPOCH = `DATE '1970-01-01'`;

/**
 * What serving a series request reads, in as few round trips as possible: a request of a few
 * series is one query (its locations, their candidate series and their data), a larger one a
 * query for the candidates and one per batch of data.
 */

export interface SeriesData {
  points: StoredPoints;
  reading: Reading;
}

export interface SeriesCandidates {
  /** Every requested key that exists, with its population (null where unknown). */
  populations: Map<string, number | null>;
  /** The series that can serve each (location, metric): ranked for `best`, else the one source's. */
  refs: SeriesRef[];
  /** With `withDataAsOf`: each candidate's data (series with no value by then left out). */
  data?: Map<number, SeriesData>;
}

/**
 * The versions of series `id` in force at `asOf` (a parameter's $n; null: now, with no condition at
 * all, which plans cheaper), in primary-key order (the index: no sort), as one JSON text — parsing
 * it natively costs about half of decoding three PostgreSQL arrays in JavaScript — and the reading
 * (missing spans, anomaly flags) in force then.
 */
const dataOf = (id: string, source: string, asOf: string | null) => `
  LEFT JOIN LATERAL (
    SELECT json_build_array(array_agg(date - ${EPOCH}), array_agg(issue - ${EPOCH}), array_agg(value))::text AS p
    FROM (SELECT date, issue, value FROM observations WHERE source_id = ${source} AND series_id = ${id}${asOf ? ` AND issue <= ${asOf}::date` : ''} ORDER BY date, issue) o
    HAVING count(*) > 0) p ON true
  LEFT JOIN LATERAL (
    SELECT spans, flags FROM series_annotations
    WHERE series_id = ${id}${asOf ? ` AND issue <= ${asOf}::date` : ''} ORDER BY issue DESC LIMIT 1) a ON true`;

interface DataColumns {
  p: string | null;
  spans: MissingSpan[] | null;
  flags: AnomalyFlag[] | null;
}

function seriesData(r: DataColumns): SeriesData | null {
  if (!r.p) return null;
  const [d, i, v] = JSON.parse(r.p) as [number[], number[], (number | null)[]];
  return { points: inForce(d, i, v), reading: { spans: r.spans ?? [], flags: r.flags ?? [] } };
}

/** The locations, their candidate series and, with `withDataAsOf` (undefined: no data), the series' data. */
export async function seriesCandidates(db: Db, locations: readonly string[], metrics: readonly string[], source: string, withDataAsOf?: string | null): Promise<SeriesCandidates> {
  const withData = withDataAsOf !== undefined;
  // Parameters are numbered as they are used: a query without as_of has no as_of condition at all.
  const params: unknown[] = [locations, metrics];
  const param = (v: unknown) => `$${params.push(v)}`;
  const series =
    source === 'best'
      ? `LEFT JOIN series_rank r ON r.location_key = l.key AND r.metric = ANY($2) LEFT JOIN series s ON s.id = r.series_id`
      : `LEFT JOIN series s ON s.location_key = l.key AND s.metric = ANY($2) AND s.source_id = ${param(source)}`;
  const data = withData ? dataOf('s.id', 's.source_id', withDataAsOf === null ? null : param(withDataAsOf)) : '';
  const rows = await db.query<{ key: string; population: number | null; id: number | null; metric: string; source_id: string; derived: boolean; rank: number } & DataColumns>(
    `SELECT l.key, l.population, s.id, s.metric, s.source_id, s.derived, ${source === 'best' ? 'r.rank' : '0 AS rank'}
            ${withData ? ', p.p, a.spans, a.flags' : ''}
     FROM locations l ${series} ${data}
     WHERE l.key = ANY($1)`,
    params,
  );
  const populations = new Map<string, number | null>();
  const refs: SeriesRef[] = [];
  const found = withData ? new Map<number, SeriesData>() : undefined;
  for (const r of rows) {
    populations.set(r.key, r.population);
    if (r.id === null) continue;
    refs.push({ seriesId: r.id, location: r.key, metric: r.metric, source: r.source_id, derived: r.derived, rank: r.rank });
    const d = found && seriesData(r);
    if (d) found!.set(r.id, d);
  }
  return { populations, refs, data: found };
}

/** Each series' values and reading in force at `asOf` (or now); series with no value by then are left out. */
export async function readSeriesData(db: Db, series: readonly StoredSeries[], asOf: string | null): Promise<Map<number, SeriesData>> {
  const ids = series.map((s) => s.seriesId);
  const sources = series.map((s) => s.source);
  const rows = await db.query<{ s: number } & DataColumns>(
    `SELECT ids.id AS s, p.p, a.spans, a.flags FROM unnest($1::int[], $2::text[]) AS ids(id, source) ${dataOf('ids.id', 'ids.source', asOf === null ? null : '$3')}`,
    asOf === null ? [ids, sources] : [ids, sources, asOf],
  );
  const out = new Map<number, SeriesData>();
  for (const r of rows) {
    const d = seriesData(r);
    if (d) out.set(r.s, d);
  }
  return out;
}
