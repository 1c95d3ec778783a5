import { foldText, type Location, type LocationLevel } from '../domain/location.js';
import type { Db } from './db.js';

const COLUMNS = 'key, level, parent, name, name_zh, aliases, iso_alpha2, iso_alpha3, iso_numeric, fips, jhu_uid, lat, lon, population, note';

export interface LocationQuery {
  q?: string;
  level?: LocationLevel;
  parent?: string;
  limit: number;
  offset: number;
}

/**
 * Search by name, alias or code, case- and accent-insensitive. Exact matches of a name or
 * code come first, then prefix matches, then the rest; countries before subdivisions.
 */
export async function searchLocations(db: Db, query: LocationQuery): Promise<{ total: number; rows: Location[] }> {
  const q = query.q ? foldText(query.q) : '';
  const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db.query<Location & { total: number }>(
    `SELECT ${COLUMNS}, count(*) OVER () AS total FROM locations
     WHERE ($1 = '' OR search LIKE '%' || $1 || '%')
       AND ($2::text IS NULL OR level = $2) AND ($3::text IS NULL OR parent = $3)
     ORDER BY CASE WHEN $1 = '' THEN 0
                   WHEN (' | ' || search || ' | ') LIKE '% | ' || $1 || ' | %' THEN 0
                   WHEN (' | ' || search) LIKE '% | ' || $1 || '%' THEN 1
                   WHEN search LIKE '% ' || $1 || '%' THEN 2 ELSE 3 END,
              CASE level WHEN 'country' THEN 0 WHEN 'subdivision' THEN 1 ELSE 2 END, name, key
     LIMIT $4 OFFSET $5`,
    [like, query.level ?? null, query.parent ?? null, query.limit, query.offset],
  );
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _t, ...loc }) => loc as Location) };
}

export async function getLocation(db: Db, key: string): Promise<Location | undefined> {
  const rows = await db.query<Location>(`SELECT ${COLUMNS} FROM locations WHERE key = $1`, [key]);
  return rows[0];
}

export async function getChildren(db: Db, key: string): Promise<Pick<Location, 'key' | 'name' | 'name_zh' | 'level'>[]> {
  return db.query(`SELECT key, name, name_zh, level FROM locations WHERE parent = $1 ORDER BY name, key`, [key]);
}

/** Keys among `keys` that exist, with their population. */
export async function locationPopulations(db: Db, keys: readonly string[]): Promise<Map<string, number | null>> {
  const rows = await db.query<{ key: string; population: number | null }>('SELECT key, population FROM locations WHERE key = ANY($1)', [keys]);
  return new Map(rows.map((r) => [r.key, r.population]));
}

/** Metrics and sources with data for a location. */
export async function locationSeries(db: Db, key: string): Promise<{ metric: string; source: string; derived: boolean; best: boolean; first_date: string | null; last_date: string | null }[]> {
  return db.query(
    `SELECT s.metric, s.source_id AS source, s.derived, coalesce(r.rank = 0, false) AS best, ss.first_date, ss.last_date
     FROM series s JOIN series_summary ss ON ss.series_id = s.id
     LEFT JOIN series_rank r ON r.series_id = s.id
     WHERE s.location_key = $1 ORDER BY s.metric, r.rank NULLS LAST, s.source_id`,
    [key],
  );
}
