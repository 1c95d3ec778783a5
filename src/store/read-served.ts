import type { AnomalyFlag, MissingSpan } from '../domain/series.js';
import type { StoredPoints } from '../domain/stored-values.js';
import type { Db } from './db.js';
import { inForce, type Reading, type SeriesRef } from './read-series.js';

const EPOCH = `DATE '1970-01-01'`;

/**
 * What serving a series request reads, in as few round trips as possible: a request is then two
 * queries (its candidates, then their data), which is what an uncached /v1/series costs.
 */

export interface SeriesCandidates {
  /** Every requested key that exists, with its population (null where unknown). */
  populations: Map<string, number | null>;
  /** The series that can serve each (location, metric): ranked for `best`, else the one source's. */
  refs: SeriesRef[];
}

export async function seriesCandidates(db: Db, locations: readonly string[], metrics: readonly string[], source: string): Promise<SeriesCandidates> {
  const rows = await db.query<{ key: string; population: number | null; id: number | null; metric: string; source_id: string; derived: boolean; rank: number }>(
    source === 'best'
      ? `SELECT l.key, l.population, s.id, s.metric, s.source_id, s.derived, r.rank
         FROM locations l
         LEFT JOIN series_rank r ON r.location_key = l.key AND r.metric = ANY($2)
         LEFT JOIN series s ON s.id = r.series_id
         WHERE l.key = ANY($1) ORDER BY l.key, r.metric, r.rank`
      : `SELECT l.key, l.population, s.id, s.metric, s.source_id, s.derived, 0 AS rank
         FROM locations l
         LEFT JOIN series s ON s.location_key = l.key AND s.metric = ANY($2) AND s.source_id = $3
         WHERE l.key = ANY($1)`,
    source === 'best' ? [locations, metrics] : [locations, metrics, source],
  );
  const populations = new Map<string, number | null>();
  const refs: SeriesRef[] = [];
  for (const r of rows) {
    populations.set(r.key, r.population);
    if (r.id !== null) refs.push({ seriesId: r.id, location: r.key, metric: r.metric, source: r.source_id, derived: r.derived, rank: r.rank });
  }
  return { populations, refs };
}

export interface SeriesData {
  points: StoredPoints;
  reading: Reading;
}

/**
 * Each series' values in force at `asOf` (or now) and the reading (missing spans, anomaly flags)
 * in force then, in one query. Series with no value by then are left out.
 */
export async function readSeriesData(db: Db, seriesIds: readonly number[], asOf: string | null): Promise<Map<number, SeriesData>> {
  // The versions come in key order (the primary key's index: no sort), as one JSON text: parsing
  // it natively costs about half of decoding three PostgreSQL arrays in JavaScript.
  const rows = await db.query<{ s: number; p: string | null; spans: MissingSpan[] | null; flags: AnomalyFlag[] | null }>(
    `SELECT ids.id AS s, p.p, a.spans, a.flags
     FROM unnest($1::int[]) AS ids(id)
     CROSS JOIN LATERAL (
       SELECT json_build_array(array_agg(date - ${EPOCH}), array_agg(issue - ${EPOCH}), array_agg(value))::text AS p
       FROM (SELECT date, issue, value FROM observations
             WHERE series_id = ids.id AND ($2::date IS NULL OR issue <= $2::date) ORDER BY date, issue) o
       HAVING count(*) > 0) p
     LEFT JOIN LATERAL (
       SELECT spans, flags FROM series_annotations
       WHERE series_id = ids.id AND ($2::date IS NULL OR issue <= $2::date) ORDER BY issue DESC LIMIT 1) a ON true`,
    [seriesIds, asOf],
  );
  const out = new Map<number, SeriesData>();
  for (const r of rows) {
    if (!r.p) continue;
    const [d, i, v] = JSON.parse(r.p) as [number[], number[], (number | null)[]];
    out.set(r.s, { points: inForce(d, i, v), reading: { spans: r.spans ?? [], flags: r.flags ?? [] } });
  }
  return out;
}
