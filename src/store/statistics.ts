import type { Db } from './db.js';

/**
 * The planner's statistics of the tables an ingest fills. PGlite runs no autovacuum, and
 * PostgreSQL's comes up to a minute later: until then a freshly loaded `observations` is planned
 * as if it had no statistics (an export measured 36,342 expected rows per series against about
 * 120, and JIT-compiled every page's query). ANALYZE samples a bounded number of rows, so it costs
 * about the same whatever the table's size.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  await db.query('ANALYZE series, series_annotations');
}

/**
 * A source's partition of observations, in the transaction of the run that wrote it (ANALYZE
 * counts the transaction's own rows): runs at once then analyze their sources side by side, and
 * the final ANALYZE after an ingest is only the small tables (analyzing `observations` itself
 * samples every partition and then each again: 0.66 s after the default ingest).
 */
export async function refreshObservationStatistics(tx: Db, partition: string): Promise<void> {
  // The columns queries filter on (value, file_id and the partition's constant source_id never are).
  await tx.query(`ANALYZE ${partition} (series_id, date, issue)`);
}
