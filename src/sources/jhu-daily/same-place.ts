import { foldText } from '../../domain/location.js';

/**
 * Which rows of one global daily report name the same place, for dropping stale duplicates
 * (src/gazetteer/reference/README.md, "Several rows of one file can resolve to the same key").
 *
 * In March 2020 JHU renamed places and for some days kept the old row beside the new one,
 * frozen or zeroed: `Mainland China` / `Gansu` next to `China` / `Gansu`, `Republic of Ireland`
 * next to `Ireland`, `Guam` as a country next to `US` / `Guam`, `Cape Verde` next to `Cabo
 * Verde`… Such rows are the same place written two ways; they must not be added up. The tables
 * below list exactly those spellings (every pair seen in the files, plus the README's list);
 * they only decide which rows are copies of each other — the row that is kept still resolves
 * through the gazetteer by its own spelling.
 *
 * Rows that are *parts* of one place (`Toronto, ON` + `London, ON`; `Washington` +
 * `Washington County` in Utah, April 2020, which JHU's own time series adds up) have different
 * identities here and are summed by the runner (manifest `duplicatePlaces: 'sum'`).
 */

const fold = (table: Record<string, string>) => new Map(Object.entries(table).map(([k, v]) => [foldText(k), v]));

/** Country names JHU replaced, and the name that replaced them. */
const RENAMED_COUNTRY = fold({
  'Mainland China': 'China',
  'Republic of Ireland': 'Ireland',
  'Cape Verde': 'Cabo Verde',
  'The Gambia': 'Gambia, The',
  'The Bahamas': 'Bahamas, The',
  'Republic of the Congo': 'Congo (Brazzaville)',
  'East Timor': 'Timor-Leste',
});

/** Territories written as a country while a row under their country existed too. */
const TERRITORY_OF = fold({
  Guam: 'US',
  'Puerto Rico': 'US',
  'French Guiana': 'France',
  Guadeloupe: 'France',
  Reunion: 'France',
  Mayotte: 'France',
  Greenland: 'Denmark',
  Aruba: 'Netherlands',
});

/** Province names JHU replaced within a country ("country|province" → new province). */
const RENAMED_PROVINCE = fold({
  'US|Washington, D.C.': 'District of Columbia',
  'US|United States Virgin Islands': 'Virgin Islands',
  'US|Virgin Islands, U.S.': 'Virgin Islands',
  'France|Fench Guiana': 'French Guiana',
});

/**
 * The identity of a row's place: its names after the renames above, compared without case,
 * accents or extra spaces (`Desoto` = `DeSoto`, `Dona Ana` = `Doña Ana`, `unassigned` =
 * `Unassigned`, all seen on one day of 2020).
 */
export function samePlaceIdentity(country: string, province: string, admin2: string): string {
  let c = RENAMED_COUNTRY.get(foldText(country)) ?? country;
  let p = province;
  const territoryOf = p === '' ? TERRITORY_OF.get(foldText(c)) : undefined;
  if (territoryOf) [c, p] = [territoryOf, c];
  p = RENAMED_PROVINCE.get(foldText(`${c}|${p}`)) ?? p;
  return [c, p, admin2].map(foldText).join('|');
}
