import { isoFromDay } from '../domain/dates.js';
import { SOURCE_PRECEDENCE } from '../domain/precedence.js';
import type { Db } from './db.js';

export interface SeriesKey {
  key: string;
  metric: string;
  derived: boolean;
}

/** Ids of the source's series, creating the missing ones; `derived` follows the newest run. */
export async function ensureSeries(db: Db, sourceId: string, list: SeriesKey[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < list.length; i += 5000) {
    const part = list.slice(i, i + 5000);
    const rows = await db.query<{ id: number; location_key: string; metric: string }>(
      `INSERT INTO series (source_id, location_key, metric, derived)
       SELECT $1, k, m, d FROM unnest($2::text[], $3::text[], $4::boolean[]) AS u(k, m, d)
       ON CONFLICT (source_id, location_key, metric) DO UPDATE SET derived = EXCLUDED.derived
       RETURNING id, location_key, metric`,
      [sourceId, part.map((s) => s.key), part.map((s) => s.metric), part.map((s) => s.derived)],
    );
    for (const r of rows) ids.set(`${r.location_key}|${r.metric}`, r.id);
  }
  return ids;
}

export interface SeriesSummary {
  seriesId: number;
  firstDay: number | null;
  lastDay: number | null;
  latestDay: number | null;
  latestValue: number | null;
  latestIssue: number | null;
  valueCount: number;
  anomalyCount: number;
}

export async function writeSummaries(db: Db, list: SeriesSummary[]): Promise<void> {
  const d = (x: number | null) => (x === null ? null : isoFromDay(x));
  for (let i = 0; i < list.length; i += 5000) {
    const part = list.slice(i, i + 5000);
    await db.query(
      `INSERT INTO series_summary (series_id, first_date, last_date, latest_date, latest_value, latest_issue, value_count, anomaly_count)
       SELECT * FROM unnest($1::int[], $2::date[], $3::date[], $4::date[], $5::float8[], $6::date[], $7::int[], $8::int[])
       ON CONFLICT (series_id) DO UPDATE SET first_date = EXCLUDED.first_date, last_date = EXCLUDED.last_date,
         latest_date = EXCLUDED.latest_date, latest_value = EXCLUDED.latest_value,
         latest_issue = EXCLUDED.latest_issue, value_count = EXCLUDED.value_count, anomaly_count = EXCLUDED.anomaly_count`,
      [
        part.map((s) => s.seriesId),
        part.map((s) => d(s.firstDay)),
        part.map((s) => d(s.lastDay)),
        part.map((s) => d(s.latestDay)),
        part.map((s) => s.latestValue),
        part.map((s) => d(s.latestIssue)),
        part.map((s) => s.valueCount),
        part.map((s) => s.anomalyCount),
      ],
    );
  }
}

/** Recomputes the default series of every location and metric (SOURCE_PRECEDENCE). */
export async function refreshBestSeries(db: Db): Promise<void> {
  await db.query('DELETE FROM best_series');
  await db.query(
    `INSERT INTO best_series (location_key, metric, series_id)
     SELECT location_key, metric, id FROM (
       SELECT s.location_key, s.metric, s.id,
              row_number() OVER (PARTITION BY s.location_key, s.metric
                                 ORDER BY s.derived, COALESCE(p.rank, 1000000), s.source_id) AS rn
       FROM series s
       JOIN series_summary ss ON ss.series_id = s.id AND ss.value_count > 0
       LEFT JOIN unnest($1::text[]) WITH ORDINALITY AS p(source_id, rank) ON p.source_id = s.source_id
     ) ranked
     WHERE rn = 1`,
    [SOURCE_PRECEDENCE],
  );
}
