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

/** One row per location: the newest reported value of its default series for `metric`. */
export async function latestValues(db: Db, metric: string, level: LocationLevel | null, parent: string | null): Promise<LatestRow[]> {
  return db.query<LatestRow>(
    `SELECT l.key AS location, l.name, l.level, l.parent, b.metric, ss.latest_date AS date, ss.latest_value AS value,
            s.source_id AS source, s.derived, ss.latest_issue AS issue, l.population
     FROM best_series b
     JOIN series s ON s.id = b.series_id
     JOIN series_summary ss ON ss.series_id = b.series_id
     JOIN locations l ON l.key = b.location_key
     WHERE b.metric = $1 AND ($2::text IS NULL OR l.level = $2) AND ($3::text IS NULL OR l.parent = $3)
     ORDER BY l.key`,
    [metric, level, parent],
  );
}
