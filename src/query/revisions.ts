import { dayNumber } from '../domain/dates.js';
import type { MissingReason } from '../domain/missing.js';
import { denseValues } from '../domain/stored-values.js';
import type { Db } from '../store/db.js';
import { annotationHistory, revisionsOf } from '../store/read-revisions.js';
import { defaultSeriesIds } from '../store/read-series.js';
import { knownLocation, metricId } from './params.js';

export interface RevisionsRequest {
  location: string;
  metric: string;
  date: string;
}

export interface RevisionEntry {
  source: string;
  derived: boolean;
  issue: string;
  value: number | null;
  missing_reason: MissingReason | null;
  /** The series is first in the default order (it supplies /v1/series unless another covers the date first). */
  best: boolean;
  run_id: number;
  file: { id: string; url: string; read_from: string };
  note: string | null;
}

/**
 * Every value each source published for one cell, oldest issue first, each read by the missing
 * spans in force at its issue (a value stored then marked stale or discontinued is missing).
 */
export async function revisions(db: Db, r: RevisionsRequest): Promise<RevisionEntry[]> {
  metricId(r.metric);
  await knownLocation(db, r.location);
  const rows = await revisionsOf(db, r.location, r.metric, r.date);
  const ids = [...new Set(rows.map((row) => row.series_id))];
  const [history, best] = await Promise.all([annotationHistory(db, ids), defaultSeriesIds(db, ids)]);
  const day = dayNumber(r.date);
  return rows.map((row) => {
    const spans = history.filter((h) => h.series_id === row.series_id && h.issue <= row.issue).pop()?.spans ?? [];
    const point = { days: Int32Array.of(day), values: Float64Array.of(row.value ?? Number.NaN), issues: Int32Array.of(dayNumber(row.issue)) };
    const read = denseValues(point, spans, day, 1, dayNumber);
    return {
      source: row.source,
      derived: row.derived,
      issue: row.issue,
      value: read.reasons[0] === null ? read.values[0] : null,
      missing_reason: read.reasons[0],
      best: best.has(row.series_id),
      run_id: row.run_id,
      file: { id: row.file_id, url: row.file_url, read_from: row.file_location },
      note: row.note,
    };
  });
}
