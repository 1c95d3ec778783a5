import type { AnomalyFlag, MissingSpan } from '../domain/series.js';
import type { StoredPoints } from '../domain/stored-values.js';
import type { Db } from './db.js';

const EPOCH = `DATE '1970-01-01'`;

export interface SeriesRef {
  seriesId: number;
  location: string;
  metric: string;
  source: string;
  derived: boolean;
  /** 0 = first in the default order. */
  rank: number;
}

/**
 * The series that can serve each (location, metric), in rank order: every ranked series for
 * the default reading (`best`), or one source's series.
 */
export async function findSeries(db: Db, locations: string[], metrics: string[], source: string): Promise<SeriesRef[]> {
  const rows = await db.query<{ id: number; location_key: string; metric: string; source_id: string; derived: boolean; rank: number }>(
    source === 'best'
      ? `SELECT s.id, s.location_key, s.metric, s.source_id, s.derived, r.rank FROM series_rank r JOIN series s ON s.id = r.series_id
         WHERE r.location_key = ANY($1) AND r.metric = ANY($2) ORDER BY r.location_key, r.metric, r.rank`
      : `SELECT s.id, s.location_key, s.metric, s.source_id, s.derived, 0 AS rank FROM series s
         WHERE s.location_key = ANY($1) AND s.metric = ANY($2) AND s.source_id = $3`,
    source === 'best' ? [locations, metrics] : [locations, metrics, source],
  );
  return rows.map((r) => ({ seriesId: r.id, location: r.location_key, metric: r.metric, source: r.source_id, derived: r.derived, rank: r.rank }));
}

export type { StoredPoints };

/** A stored series and its source: observations are partitioned by source, and a query names the partition it reads. */
export type StoredSeries = Pick<SeriesRef, 'seriesId' | 'source'>;

/** Values of series as known at `asOf` (newest issue ≤ asOf per date) or as of now. */
export async function readPoints(db: Db, series: readonly StoredSeries[], asOf: string | null): Promise<Map<number, StoredPoints>> {
  const out = new Map<number, StoredPoints>();
  // One query per source (a scalar source_id: the planner reads one partition, even in a generic plan).
  for (const [source, ids] of idsBySource(series)) {
    for (let k = 0; k < ids.length; k += 2000) {
      // One row per series with its versions as arrays: far fewer rows to decode than one per value.
      const rows = await db.query<{ s: number; d: number[]; i: number[]; v: (number | null)[] }>(
        `SELECT series_id AS s, array_agg(date - ${EPOCH} ORDER BY date, issue) AS d,
                array_agg(issue - ${EPOCH} ORDER BY date, issue) AS i, array_agg(value ORDER BY date, issue) AS v
         FROM observations WHERE source_id = $1 AND series_id = ANY($2) AND ($3::date IS NULL OR issue <= $3::date) GROUP BY series_id`,
        [source, ids.slice(k, k + 2000), asOf],
      );
      for (const r of rows) out.set(r.s, inForce(r.d, r.i, r.v));
    }
  }
  return out;
}

function idsBySource(series: readonly StoredSeries[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const s of series) {
    const ids = out.get(s.source);
    if (ids) ids.push(s.seriesId);
    else out.set(s.source, [s.seriesId]);
  }
  return out;
}

/** Versions sorted by (date, issue) → the last version of each date. */
export function inForce(d: number[], i: number[], v: (number | null)[]): StoredPoints {
  let n = 0;
  for (let k = 0; k < d.length; k++) if (k + 1 === d.length || d[k + 1] !== d[k]) n++;
  const days = new Int32Array(n);
  const issues = new Int32Array(n);
  const values = new Float64Array(n);
  let o = 0;
  for (let k = 0; k < d.length; k++) {
    if (k + 1 < d.length && d[k + 1] === d[k]) continue;
    days[o] = d[k];
    issues[o] = i[k];
    values[o++] = v[k] ?? Number.NaN;
  }
  return { days, issues, values };
}

export interface Reading {
  spans: MissingSpan[];
  flags: AnomalyFlag[];
}

/** Glacier's reading (missing-value spans, anomaly flags) in force at `asOf` (or the newest). */
export async function readReadings(db: Db, seriesIds: number[], asOf: string | null): Promise<Map<number, Reading>> {
  const rows = await db.query<{ s: number; spans: MissingSpan[]; flags: AnomalyFlag[] }>(
    // DISTINCT ON over the (series_id, issue) key: index lookups only. The former self-join on
    // max(issue) made PostgreSQL plan a parallel heap scan, ~17 ms a call instead of ~0.3 ms.
    `SELECT DISTINCT ON (series_id) series_id AS s, spans, flags FROM series_annotations
     WHERE series_id = ANY($1) AND ($2::date IS NULL OR issue <= $2::date)
     ORDER BY series_id, issue DESC`,
    [seriesIds, asOf],
  );
  return new Map(rows.map((r) => [r.s, { spans: r.spans, flags: r.flags }]));
}

/**
 * Only the missing-value spans in force at `asOf`: what comparing series needs. Anomaly flags are
 * the larger part of an annotation; leaving them unread makes a whole level's read about half as costly.
 */
export async function readSpans(db: Db, seriesIds: number[], asOf: string | null): Promise<Map<number, MissingSpan[]>> {
  const rows = await db.query<{ s: number; spans: MissingSpan[] }>(
    `SELECT DISTINCT ON (series_id) series_id AS s, spans FROM series_annotations
     WHERE series_id = ANY($1) AND ($2::date IS NULL OR issue <= $2::date)
     ORDER BY series_id, issue DESC`,
    [seriesIds, asOf],
  );
  return new Map(rows.map((r) => [r.s, r.spans]));
}

/** Every ranked series of a metric, for locations of a level and/or parent, with the location's name. */
export async function rankedSeriesAt(db: Db, metric: string, level: string | null, parent: string | null): Promise<(SeriesRef & { name: string; level: 'country' | 'subdivision' | 'county' })[]> {
  const rows = await db.query<{ id: number; location_key: string; metric: string; source_id: string; derived: boolean; rank: number; name: string; level: 'country' | 'subdivision' | 'county' }>(
    `SELECT s.id, s.location_key, s.metric, s.source_id, s.derived, r.rank, l.name, l.level
     FROM series_rank r JOIN series s ON s.id = r.series_id JOIN locations l ON l.key = r.location_key
     WHERE r.metric = $1 AND ($2::text IS NULL OR l.level = $2) AND ($3::text IS NULL OR l.parent = $3)
     ORDER BY r.location_key, r.rank`,
    [metric, level, parent],
  );
  return rows.map((r) => ({ seriesId: r.id, location: r.location_key, metric: r.metric, source: r.source_id, derived: r.derived, rank: r.rank, name: r.name, level: r.level }));
}

/** Which of the given series are first in the default order of their location and metric. */
export async function defaultSeriesIds(db: Db, seriesIds: number[]): Promise<Set<number>> {
  const rows = await db.query<{ series_id: number }>('SELECT series_id FROM series_rank WHERE series_id = ANY($1) AND rank = 0', [seriesIds]);
  return new Set(rows.map((r) => r.series_id));
}
