import type { LocationLevel } from '../domain/location.js';
import type { Db } from '../store/db.js';
import { getChildren, getLocation, locationSeries, searchLocations } from '../store/read-locations.js';
import { QueryError } from './errors.js';

export interface LocationSearch {
  q?: string;
  level?: LocationLevel;
  parent?: string;
  limit: number;
  offset: number;
}

/** Search by English or Chinese name, alias or code (case and accents ignored), exact matches first; paged. */
export function findLocations(db: Db, r: LocationSearch) {
  return searchLocations(db, r);
}

/** One location with its parent, children and the series stored for it. */
export async function locationDetail(db: Db, key: string) {
  const loc = await getLocation(db, key);
  if (!loc) throw new QueryError('ERR_LOCATION_NOT_FOUND', `no location has the key ${JSON.stringify(key)} (search at /v1/locations?q=)`);
  const [parent, children, series] = await Promise.all([loc.parent ? getLocation(db, loc.parent) : Promise.resolve(undefined), getChildren(db, loc.key), locationSeries(db, loc.key)]);
  return { ...loc, parent_location: parent ? { key: parent.key, name: parent.name, name_zh: parent.name_zh, level: parent.level } : null, children, series };
}
