import type { LocationLevel } from '../domain/location.js';
import type { Db } from './db.js';

export interface LatestRow {
  location: string;
  name: string;
  level: LocationLevel;
  parent: string | null;
  metric: string;
  date: string | null;
  value: number | null;
  source: string;
  derived: boolean;
  issue: string | null;
  population: number | null;
}

/**
 * One row per location: the newest reported value among its ranked series for `metric` (the
 * series reaching furthest; at equal dates the higher ranked).
 */
export async function latestValues(db: Db, metric: string, level: LocationLevel | null, parent: string | null): Promise<LatestRow[]> {
  return db.query<LatestRow>(
    `SELECT location, name, level, parent, metric, date, value, source, derived, issue, population FROM (
       SELECT l.key AS location, l.name, l.level, l.parent, r.metric, ss.latest_date AS date, ss.latest_value AS value,
              s.source_id AS source, s.derived, ss.latest_issue AS issue, l.population,
              row_number() OVER (PARTITION BY r.location_key ORDER BY ss.latest_date DESC NULLS LAST, r.rank) AS pick
       FROM series_rank r
       JOIN series s ON s.id = r.series_id
       JOIN series_summary ss ON ss.series_id = r.series_id
       JOIN locations l ON l.key = r.location_key
       WHERE r.metric = $1 AND ($2::text IS NULL OR l.level = $2) AND ($3::text IS NULL OR l.parent = $3)
     ) ranked
     WHERE pick = 1
     ORDER BY location`,
    [metric, level, parent],
  );
}
