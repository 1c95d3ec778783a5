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

export interface RevisionRow {
  source: string;
  derived: boolean;
  series_id: number;
  issue: string;
  value: number | null;
  run_id: number;
  file_id: string;
  file_url: string;
  file_location: string;
}

/** Every published value of one cell (location, metric, date), from every source, by issue. */
export async function revisionsOf(db: Db, location: string, metric: string, date: string): Promise<RevisionRow[]> {
  return db.query<RevisionRow>(
    `SELECT s.source_id AS source, s.derived, s.id AS series_id, o.issue, o.value, rf.run_id, rf.file_id,
            rf.url AS file_url, rf.location AS file_location
     FROM series s
     JOIN observations o ON o.series_id = s.id AND o.date = $3::date
     JOIN run_files rf ON rf.id = o.file_id
     WHERE s.location_key = $1 AND s.metric = $2
     ORDER BY s.source_id, o.issue`,
    [location, metric, date],
  );
}

/** Spans of every annotation version of the given series (for revisions' missing reasons). */
export async function annotationHistory(db: Db, seriesIds: number[]): Promise<{ series_id: number; issue: string; spans: { from: string; to: string; reason: string; step?: number }[] }[]> {
  return db.query(`SELECT series_id, issue, spans FROM series_annotations WHERE series_id = ANY($1) ORDER BY series_id, issue`, [seriesIds]);
}
