import type { PlaceRef } from '../../domain/series.js';

/** Early JHU US rows name a county (or city) and its state's postal code: "King County, WA". */
const US_COUNTY_ROW = /^(.+),\s*([A-Z]{2})$/;

/**
 * How the JHU files of early 2020 name a place: country and province as written, except US rows
 * "X, ST", which are looked up as the county spelling "X, ST" within the state ST (the aliases of
 * src/gazetteer/reference/aliases.csv hold these spellings). "Washington, D.C." is no such row.
 */
export function placeOfRow(province: string, country: string): PlaceRef {
  const m = country === 'US' ? US_COUNTY_ROW.exec(province) : null;
  if (m) return { kind: 'names', country, province: m[2], admin2: province };
  return { kind: 'names', country, province };
}
