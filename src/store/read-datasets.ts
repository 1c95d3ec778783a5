import type { Db } from './db.js';

/** What the store holds of one source: a table and its rows (for series: the values in force). */
export interface Holding {
  source: string;
  table: string;
  rows: number;
}

/**
 * Per source, the tables that hold its data and their rows: the series (values in force, from
 * the summary written at ingest, so this stays cheap) and the imaging index.
 */
export async function localHoldings(db: Db): Promise<Holding[]> {
  return db.query<Holding>(
    `SELECT s.source_id AS source, 'series' AS table, count(*)::int AS rows FROM series s GROUP BY s.source_id
     UNION ALL
     SELECT s.source_id, 'observations', coalesce(sum(ss.value_count), 0)::int FROM series s JOIN series_summary ss ON ss.series_id = s.id GROUP BY s.source_id
     UNION ALL
     SELECT dataset, 'imaging_images', count(*)::int FROM imaging_images GROUP BY dataset
     UNION ALL
     SELECT dataset, 'imaging_published_splits', count(*)::int FROM imaging_published_splits GROUP BY dataset
     ORDER BY 1, 2`,
  );
}
