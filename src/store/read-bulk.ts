import type { AnomalyFlag } from '../domain/series.js';
import type { Location } from '../domain/location.js';
import type { Db, Row } from './db.js';
import type { SeriesRef } from './read-series.js';

/**
 * Read side of the bulk files (src/query/bulk): every table in keyset pages (`after` = the last
 * key of the previous page, null for the first), so a build never holds a whole table and, on
 * PGlite's one connection, cheap API requests are answered between two pages. Each query text
 * is fixed (NULL-able key parameters), so PostgreSQL prepares it once.
 */

/**
 * Runs a build's reads. On PostgreSQL: in one READ ONLY REPEATABLE READ transaction (every table
 * from one snapshot, so no build mixes two data versions) with JIT off. A page's query plans each
 * series' rows at the default estimate of an unanalysed `observations` (36,342 rows, not ~120),
 * which puts its cost past `jit_above_cost`: PostgreSQL then compiled every page's query, 0.86 s of
 * its 3.0 s for 400 series (EXPLAIN ANALYZE on the bench database), ~375 times per export. PGlite
 * has no JIT, and a transaction there would hold its one connection for the whole build.
 */
export async function withBulkReads<T>(db: Db, fn: (reads: Db) => Promise<T>): Promise<T> {
  if (db.kind !== 'postgres') return fn(db);
  return db.transaction(
    async (tx) => {
      await tx.query('SET LOCAL jit = off');
      return fn(tx);
    },
    { readOnlySnapshot: true },
  );
}

export interface PairKey {
  location: string;
  metric: string;
}

/**
 * Keyset pages: the first page's key is the empty string, below every stored key, rather than a
 * `$1 IS NULL OR …` condition: PostgreSQL's generic plan of a prepared statement cannot use such
 * an OR as an index bound, and every page then scanned the index from its start (a page's query
 * grew from 1 to 80 ms across the default table; on an unvacuumed table each skipped entry is a
 * heap fetch).
 */
const FIRST = '';

/**
 * Every ranked series of the next `limit` (location, metric) pairs the default reading serves, in
 * key then rank order: the pairs first (a LIMIT, so the planner expects few rows), then their ranks
 * and series by primary key. A range of pairs joined directly was planned as a hash join that read
 * all of `series` for every page (60–190 ms a page against 20).
 */
export async function rankedPage(db: Db, after: PairKey | null, limit: number): Promise<SeriesRef[]> {
  const rows = await db.query<{ id: number; location_key: string; metric: string; source_id: string; derived: boolean; rank: number }>(
    `SELECT s.id, r.location_key, r.metric, s.source_id, s.derived, r.rank
     FROM (SELECT location_key, metric FROM series_rank WHERE rank = 0 AND (location_key, metric) > ($1::text, $2::text)
           ORDER BY location_key, metric LIMIT $3) p
     JOIN series_rank r ON r.location_key = p.location_key AND r.metric = p.metric
     JOIN series s ON s.id = r.series_id
     ORDER BY r.location_key, r.metric, r.rank`,
    [after?.location ?? FIRST, after?.metric ?? FIRST, limit],
  );
  return rows.map((r) => ({ seriesId: r.id, location: r.location_key, metric: r.metric, source: r.source_id, derived: r.derived, rank: r.rank }));
}

export interface SourceSeriesKey {
  source: string;
  location: string;
  metric: string;
}

/** The next `limit` stored series in (source, location, metric) order. */
export async function seriesPage(db: Db, after: SourceSeriesKey | null, limit: number): Promise<SeriesRef[]> {
  const rows = await db.query<{ id: number; location_key: string; metric: string; source_id: string; derived: boolean }>(
    `SELECT id, location_key, metric, source_id, derived FROM series
     WHERE (source_id, location_key, metric) > ($1::text, $2::text, $3::text)
     ORDER BY source_id, location_key, metric LIMIT $4`,
    [after?.source ?? FIRST, after?.location ?? FIRST, after?.metric ?? FIRST, limit],
  );
  return rows.map((r) => ({ seriesId: r.id, location: r.location_key, metric: r.metric, source: r.source_id, derived: r.derived, rank: 0 }));
}

/** A stored place, as the domain describes it (the bulk locations table's rows). */
export type BulkLocation = Location;

export async function locationsPage(db: Db, after: string | null, limit: number): Promise<BulkLocation[]> {
  return db.query<BulkLocation>(
    `SELECT key, level, parent, name, name_zh, iso_alpha2, iso_alpha3, iso_numeric, fips, jhu_uid, lat, lon, population, aliases, note
     FROM locations WHERE ($1::text IS NULL OR key > $1::text) ORDER BY key LIMIT $2`,
    [after, limit],
  );
}

export interface BulkAnomaly {
  series_id: number;
  location: string;
  metric: string;
  source: string;
  derived: boolean;
  flags: AnomalyFlag[];
}

/**
 * The anomaly flags of the series with ids in (afterSeriesId, afterSeriesId + span] in the reading in
 * force at `asOf` (null: the newest). A range of ids, not a LIMIT: ids have gaps, and the caller
 * steps through the ranges.
 */
export async function anomaliesPage(db: Db, afterSeriesId: number, span: number, asOf: string | null): Promise<BulkAnomaly[]> {
  return db.query<BulkAnomaly>(
    `SELECT s.id AS series_id, s.location_key AS location, s.metric, s.source_id AS source, s.derived, a.flags
     FROM (SELECT id, location_key, metric, source_id, derived FROM series WHERE id > $1::int AND id <= $1::int + $2::int) s
     JOIN LATERAL (SELECT flags FROM series_annotations WHERE series_id = s.id AND ($3::date IS NULL OR issue <= $3::date)
                   ORDER BY issue DESC LIMIT 1) a ON true
     ORDER BY s.id`,
    [afterSeriesId, span, asOf],
  );
}

/** The largest series id (the end of the anomaly pages), 0 with no series. */
export async function maxSeriesId(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number | null }>('SELECT max(id) AS n FROM series');
  return row.n ?? 0;
}

/** Each source's manifest (licence, publisher), by id. */
export async function sourceManifests(db: Db): Promise<{ id: string; manifest: Record<string, unknown> }[]> {
  return db.query<{ id: string; manifest: Record<string, unknown> }>('SELECT id, manifest FROM sources ORDER BY id');
}

/**
 * The next `limit` cases (by source, case_id) with their newest version on or before `asOf`:
 * `issue` null when the case had no version by then, `withdrawn` true when that version withdrew
 * it (the caller leaves both out; the page's last key still moves the cursor on). Keys come from
 * the primary-key index in order, each newest version from one index lookup.
 */
export async function casesPage(db: Db, sources: string[], after: { source: string; id: string } | null, limit: number, asOf: string | null): Promise<Row[]> {
  return db.query(
    `SELECT k.source, k.case_id, c.issue, c.withdrawn, c.location_key, c.record::text AS record
     FROM (SELECT DISTINCT source, case_id FROM case_records
           WHERE source = ANY($1::text[]) AND ($2::text IS NULL OR (source, case_id) > ($2::text, $3::text))
           ORDER BY source, case_id LIMIT $4) k
     LEFT JOIN LATERAL (SELECT issue, withdrawn, location_key, record FROM case_records r
                        WHERE r.source = k.source AND r.case_id = k.case_id AND ($5::date IS NULL OR r.issue <= $5::date)
                        ORDER BY r.issue DESC LIMIT 1) c ON true
     ORDER BY k.source, k.case_id`,
    [sources, after?.source ?? null, after?.id ?? null, limit, asOf],
  );
}

/** Paper metadata (no abstracts, no full text), by (source, id). */
export async function papersPage(db: Db, sources: string[], after: { source: string; id: string } | null, limit: number): Promise<Row[]> {
  return db.query(
    `SELECT source, id, title, doi, published, precision, journal, sources FROM papers
     WHERE source = ANY($1::text[]) AND ($2::text IS NULL OR (source, id) > ($2::text, $3::text)) ORDER BY source, id LIMIT $4`,
    [sources, after?.source ?? null, after?.id ?? null, limit],
  );
}

/** Sequence metadata of the given sources (never the genomes), by (source, strain). */
export async function sequencesPage(db: Db, sources: string[], after: { source: string; id: string } | null, limit: number): Promise<Row[]> {
  return db.query(
    `SELECT source, strain, location_key, date, date_precision, host, clade, qc_status, qc_score FROM sequences
     WHERE source = ANY($1::text[]) AND ($2::text IS NULL OR (source, strain) > ($2::text, $3::text)) ORDER BY source, strain LIMIT $4`,
    [sources, after?.source ?? null, after?.id ?? null, limit],
  );
}

/** Image index rows of the given datasets (metadata, never the image files), by (dataset, image_id, listing). */
export async function imagesPage(db: Db, datasets: string[], after: { source: string; id: string; listing: number } | null, limit: number): Promise<Row[]> {
  return db.query(
    `SELECT dataset, image_id, listing, patient, finding, modality, view, sex, age, study_date, license, commercial_use, source_url, doi
     FROM imaging_images
     WHERE dataset = ANY($1::text[]) AND ($2::text IS NULL OR (dataset, image_id, listing) > ($2::text, $3::text, $4::int))
     ORDER BY dataset, image_id, listing LIMIT $5`,
    [datasets, after?.source ?? null, after?.id ?? null, after?.listing ?? null, limit],
  );
}

/** Which of the research tables hold rows, by source (for choosing what to export). */
export async function researchSources(db: Db): Promise<{ table: string; source: string }[]> {
  return db.query<{ table: string; source: string }>(
    `SELECT 'sequences' AS table, source FROM (SELECT DISTINCT source FROM sequences) s
     UNION ALL SELECT 'images', dataset FROM (SELECT DISTINCT dataset FROM imaging_images) i
     UNION ALL SELECT 'cases', source FROM (SELECT DISTINCT source FROM case_records) c
     UNION ALL SELECT 'papers', source FROM (SELECT DISTINCT source FROM papers) p
     ORDER BY 1, 2`,
  );
}
