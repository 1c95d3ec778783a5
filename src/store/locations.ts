import { foldText, type Location } from '../domain/location.js';
import type { Db } from './db.js';

/** Upserts locations; keys are never deleted (they are public identifiers). */
export async function upsertLocations(db: Db, locations: readonly Location[]): Promise<void> {
  for (let i = 0; i < locations.length; i += 2000) {
    const part = locations.slice(i, i + 2000).map((l) => ({ ...l, search: searchText(l) }));
    await db.query(
      `INSERT INTO locations (key, level, parent, name, name_zh, aliases, iso_alpha2, iso_alpha3, iso_numeric, fips, jhu_uid, lat, lon, population, note, search)
       SELECT key, level, parent, name, name_zh, aliases, iso_alpha2, iso_alpha3, iso_numeric, fips, jhu_uid, lat, lon, population, note, search
       FROM jsonb_to_recordset($1::jsonb) AS x(key text, level text, parent text, name text, name_zh text, aliases text[], iso_alpha2 text,
            iso_alpha3 text, iso_numeric text, fips text, jhu_uid bigint, lat float8, lon float8, population float8, note text, search text)
       ON CONFLICT (key) DO UPDATE SET level = EXCLUDED.level, parent = EXCLUDED.parent, name = EXCLUDED.name, name_zh = EXCLUDED.name_zh,
         aliases = EXCLUDED.aliases, iso_alpha2 = EXCLUDED.iso_alpha2, iso_alpha3 = EXCLUDED.iso_alpha3,
         iso_numeric = EXCLUDED.iso_numeric, fips = EXCLUDED.fips, jhu_uid = EXCLUDED.jhu_uid, lat = EXCLUDED.lat,
         lon = EXCLUDED.lon, population = COALESCE(EXCLUDED.population, locations.population), note = EXCLUDED.note,
         search = EXCLUDED.search`,
      [part],
    );
  }
}

/** What ?q= searches: key, English and Chinese names and the aliases (Chinese ones included), folded. */
export function searchText(l: Pick<Location, 'key' | 'name' | 'name_zh' | 'aliases'>): string {
  return [l.key, l.name, ...(l.name_zh ? [l.name_zh] : []), ...l.aliases].map(foldText).join(' | ');
}

export async function loadLocations(db: Db): Promise<Location[]> {
  return db.query<Location>(
    `SELECT key, level, parent, name, name_zh, aliases, iso_alpha2, iso_alpha3, iso_numeric, fips, jhu_uid, lat, lon, population, note FROM locations`,
  );
}

/** Fills populations the gazetteer lacks; returns the keys it set. */
export async function fillPopulations(db: Db, populations: Map<string, number>): Promise<string[]> {
  if (populations.size === 0) return [];
  const rows = await db.query<{ key: string }>(
    `UPDATE locations l SET population = u.p FROM unnest($1::text[], $2::float8[]) AS u(k, p)
     WHERE l.key = u.k AND l.population IS NULL RETURNING l.key`,
    [[...populations.keys()], [...populations.values()]],
  );
  return rows.map((r) => r.key);
}
