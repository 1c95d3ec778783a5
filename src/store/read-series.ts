import type { MissingSpan } from '../domain/series.js';
import type { Db } from './db.js';

const EPOCH = `DATE '1970-01-01'`;

export interface SeriesRef {
  seriesId: number;
  location: string;
  metric: string;
  source: string;
  derived: boolean;
}

/** The series serving each (location, metric): the default (best) one or one source's. */
export async function findSeries(db: Db, locations: string[], metrics: string[], source: string): Promise<SeriesRef[]> {
  const rows = await db.query<{ id: number; location_key: string; metric: string; source_id: string; derived: boolean }>(
    source === 'best'
      ? `SELECT s.id, s.location_key, s.metric, s.source_id, s.derived FROM best_series b JOIN series s ON s.id = b.series_id
         WHERE b.location_key = ANY($1) AND b.metric = ANY($2)`
      : `SELECT s.id, s.location_key, s.metric, s.source_id, s.derived FROM series s
         WHERE s.location_key = ANY($1) AND s.metric = ANY($2) AND s.source_id = $3`,
    source === 'best' ? [locations, metrics] : [locations, metrics, source],
  );
  return rows.map((r) => ({ seriesId: r.id, location: r.location_key, metric: r.metric, source: r.source_id, derived: r.derived }));
}

/** Values of a series as known at `asOf` (newest issue ≤ asOf per date) or as of now. */
export interface StoredPoints {
  days: Int32Array;
  values: Float64Array;
  issues: Int32Array;
}

export async function readPoints(db: Db, seriesIds: number[], asOf: string | null): Promise<Map<number, StoredPoints>> {
  const out = new Map<number, StoredPoints>();
  if (seriesIds.length === 0) return out;
  const rows = await db.query<{ s: number; d: number; i: number; v: number | null }>(
    `SELECT series_id AS s, date - ${EPOCH} AS d, issue - ${EPOCH} AS i, value AS v FROM observations
     WHERE series_id = ANY($1) AND ($2::date IS NULL OR issue <= $2::date)
     ORDER BY series_id, date, issue`,
    [seriesIds, asOf],
  );
  let k = 0;
  while (k < rows.length) {
    const sid = rows[k].s;
    const d: number[] = [];
    const v: number[] = [];
    const i: number[] = [];
    for (; k < rows.length && rows[k].s === sid; k++) {
      const r = rows[k];
      // Rows come by date then issue: the last row of a date is the one in force.
      if (d.length && d[d.length - 1] === r.d) {
        v[v.length - 1] = r.v ?? Number.NaN;
        i[i.length - 1] = r.i;
      } else {
        d.push(r.d);
        v.push(r.v ?? Number.NaN);
        i.push(r.i);
      }
    }
    out.set(sid, { days: Int32Array.from(d), values: Float64Array.from(v), issues: Int32Array.from(i) });
  }
  return out;
}

/** Missing-value spans in force at `asOf` (or the newest). */
export async function readSpans(db: Db, seriesIds: number[], asOf: string | null): Promise<Map<number, MissingSpan[]>> {
  const rows = await db.query<{ s: number; spans: MissingSpan[] }>(
    `SELECT a.series_id AS s, a.spans FROM series_annotations a
     JOIN (SELECT series_id, max(issue) AS issue FROM series_annotations
           WHERE series_id = ANY($1) AND ($2::date IS NULL OR issue <= $2::date) GROUP BY series_id) m
       ON m.series_id = a.series_id AND m.issue = a.issue`,
    [seriesIds, asOf],
  );
  return new Map(rows.map((r) => [r.s, r.spans]));
}
