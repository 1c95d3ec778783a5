/**
 * Location keys are stable, hierarchical and ISO-based (see docs/data-model.md):
 *   country      ISO 3166-1 alpha-2            FR, XK (Kosovo), SHIP-DIAMOND-PRINCESS
 *   subdivision  country + "_" + ISO 3166-2    CN_HB, AU_NSW, US_CA, CN_UNKNOWN
 *   county       subdivision + "_" + FIPS      US_CA_06037, US_CA_UNASSIGNED
 * Segments are separated by "_" and never contain one, so splitting a key on
 * "_" always yields its ancestors. Special (non-ISO) segments are upper-case
 * words joined by "-".
 */

export const LOCATION_LEVELS = ['country', 'subdivision', 'county'] as const;
export type LocationLevel = (typeof LOCATION_LEVELS)[number];

export const LOCATION_KEY_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*(?:_[A-Z0-9]+(?:-[A-Z0-9]+)*){0,2}$/;

export function isLocationKey(s: string): boolean {
  return LOCATION_KEY_PATTERN.test(s);
}

export function parentOfKey(key: string): string | null {
  const i = key.lastIndexOf('_');
  return i < 0 ? null : key.slice(0, i);
}

/** Upper-case, accent-free word slug for special key segments: "Out of AL" → "OUT-OF-AL". */
export function slugSegment(name: string): string {
  return foldText(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Lower-case, accent-free, punctuation-light form used for search and name matching. */
export function foldText(s: string): string {
  let folded = foldedOf.get(s);
  if (folded !== undefined) return folded;
  folded = foldUncached(s);
  if (foldedOf.size >= FOLD_MEMO_MAX) foldedOf.clear();
  foldedOf.set(s, folded);
  return folded;
}

/**
 * Folded names memoised: an ingest folds the same few thousand place names for every row of
 * every vintage (1 s of a jhu-daily run, profiled). Bounded, so odd input cannot grow it without end.
 */
const FOLD_MEMO_MAX = 50_000;
const foldedOf = new Map<string, string>();

function foldUncached(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Location {
  key: string;
  level: LocationLevel;
  parent: string | null;
  name: string;
  /**
   * The place's name in Simplified Chinese, or null where no source gives one (src/gazetteer/
   * chinese-names.ts: CLDR for countries and territories, DXY/NHC for China's provinces and cities).
   */
  name_zh: string | null;
  /** Other names and codes this place is known by (source spellings, ISO codes, JHU combined keys). */
  aliases: string[];
  iso_alpha2: string | null;
  iso_alpha3: string | null;
  iso_numeric: string | null;
  fips: string | null;
  jhu_uid: number | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  /** Short note for special keys: why the place has no ISO code, what it stands for. */
  note: string | null;
}
