import type { Db } from './db.js';

export interface AnomalyRow {
  location: string;
  metric: string;
  source: string;
  derived: boolean;
  date: string;
  code: string;
  detail: Record<string, string | number> | null;
}

export interface AnomalyQuery {
  locations: string[] | null;
  metric: string | null;
  code: string | null;
  source: string | null;
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
}

/** Flags in the newest reading of every series, filtered and paged. */
export async function listAnomalies(db: Db, q: AnomalyQuery): Promise<{ total: number; rows: AnomalyRow[] }> {
  const rows = await db.query<AnomalyRow & { total: number }>(
    `SELECT s.location_key AS location, s.metric, s.source_id AS source, s.derived,
            f->>'date' AS date, f->>'code' AS code, f->'detail' AS detail, count(*) OVER () AS total
     FROM series s
     JOIN LATERAL (SELECT a.flags FROM series_annotations a WHERE a.series_id = s.id ORDER BY a.issue DESC LIMIT 1) a ON true
     CROSS JOIN LATERAL jsonb_array_elements(a.flags) f
     WHERE ($1::text[] IS NULL OR s.location_key = ANY($1)) AND ($2::text IS NULL OR s.metric = $2)
       AND ($3::text IS NULL OR f->>'code' = $3) AND ($4::text IS NULL OR s.source_id = $4)
       AND ($5::text IS NULL OR f->>'date' >= $5) AND ($6::text IS NULL OR f->>'date' <= $6)
     ORDER BY location, metric, source, date, code
     LIMIT $7 OFFSET $8`,
    [q.locations, q.metric, q.code, q.source, q.from, q.to, q.limit, q.offset],
  );
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _t, ...r }) => ({ ...r, detail: r.detail ?? null })) };
}
