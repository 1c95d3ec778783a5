import type { MissingSpan } from '../domain/series.js';
import type { Db } from './db.js';

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
  note: string | null;
}

/** Every published value of one cell (location, metric, date), from every source, by issue. */
export async function revisionsOf(db: Db, location: string, metric: string, date: string): Promise<RevisionRow[]> {
  return db.query<RevisionRow>(
    `SELECT s.source_id AS source, s.derived, s.id AS series_id, o.issue, o.value, rf.run_id, rf.file_id,
            rf.url AS file_url, rf.location AS file_location, n.note
     FROM series s
     JOIN observations o ON o.source_id = s.source_id AND o.series_id = s.id AND o.date = $3::date
     JOIN run_files rf ON rf.id = o.file_id
     LEFT JOIN observation_notes n ON n.series_id = o.series_id AND n.date = o.date AND n.issue = o.issue
     WHERE s.location_key = $1 AND s.metric = $2
     ORDER BY s.source_id, o.issue`,
    [location, metric, date],
  );
}

/** Spans of every annotation version of the given series (for revisions' missing reasons). */
export async function annotationHistory(db: Db, seriesIds: number[]): Promise<{ series_id: number; issue: string; spans: MissingSpan[] }[]> {
  return db.query(`SELECT series_id, issue, spans FROM series_annotations WHERE series_id = ANY($1) ORDER BY series_id, issue`, [seriesIds]);
}
