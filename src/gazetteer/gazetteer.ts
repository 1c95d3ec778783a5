import { foldText, type Location } from '../domain/location.js';

/**
 * In-memory lookup over the location table: by key, by JHU UID and by the names and
 * aliases sources use. Names resolve only when they are unambiguous; an ambiguous or
 * unknown name returns undefined and the caller reports the row (never a guess).
 */
export class Gazetteer {
  private readonly byKey = new Map<string, Location>();
  private readonly byUid = new Map<number, string>();
  private readonly countries = new Map<string, string | null>();
  private readonly children = new Map<string, Map<string, string | null>>();
  private readonly combined = new Map<string, string | null>();
  private readonly byFips = new Map<string, string>();

  constructor(locations: Iterable<Location>, jhuUids?: Map<number, string>) {
    for (const loc of locations) this.byKey.set(loc.key, loc);
    for (const loc of this.byKey.values()) {
      if (loc.jhu_uid !== null) this.byUid.set(loc.jhu_uid, loc.key);
      if (loc.fips) this.byFips.set(loc.fips, loc.key);
      const names = [loc.name, loc.key, ...loc.aliases];
      for (const n of names) {
        if (n.includes(',')) setUnique(this.combined, normalizeCombined(n), loc.key);
        // Places with their own ISO 3166-1 code that are keyed as subdivisions (CN_HK, US_PR)
        // are named as countries by many sources ("Hong Kong", "Puerto Rico").
        if (loc.level === 'country' || loc.iso_alpha2) setUnique(this.countries, foldText(n), loc.key);
        if (loc.level !== 'country' && loc.parent) {
          let m = this.children.get(loc.parent);
          if (!m) this.children.set(loc.parent, (m = new Map()));
          setUnique(m, foldText(n), loc.key);
        }
      }
    }
    for (const [uid, key] of jhuUids ?? []) this.byUid.set(uid, key);
  }

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): Location | undefined {
    return this.byKey.get(key);
  }

  all(): IterableIterator<Location> {
    return this.byKey.values();
  }

  keyForJhuUid(uid: number): string | undefined {
    return this.byUid.get(uid);
  }

  /** A US state (2 digits) or county (5 digits) by FIPS code; "6037" and "06037" alike. */
  keyForFips(fips: string): string | undefined {
    const digits = fips.trim().replace(/\.0+$/, '');
    if (!/^\d{1,5}$/.test(digits)) return undefined;
    return this.byFips.get(digits.padStart(digits.length <= 2 ? 2 : 5, '0'));
  }

  /** A country by name, alias or ISO code. */
  country(name: string): string | undefined {
    return this.countries.get(foldText(name)) ?? undefined;
  }

  /** A direct child of `parent` by name or alias. */
  child(parent: string, name: string): string | undefined {
    return this.children.get(parent)?.get(foldText(name)) ?? undefined;
  }

  private within(country: string, key: string | null | undefined): string | undefined {
    return key && key.startsWith(`${country}_`) ? key : undefined;
  }

  /**
   * A place named the way JHU-like sources name it: country, optional province/state,
   * optional county. Tries the source's combined spelling first ("Anguilla, United Kingdom"
   * is a country of its own), then walks the hierarchy.
   */
  resolve(country: string, province = '', admin2 = ''): string | undefined {
    const parts = [admin2, province, country].filter((p) => p.trim() !== '');
    const hit = this.combined.get(normalizeCombined(parts.join(',')));
    if (hit) return hit;
    const c = this.country(country);
    if (!c || province.trim() === '') return c;
    const s =
      this.child(c, province) ??
      // "France / France", "Cruise Ship / Diamond Princess": a province naming the place itself.
      (this.country(province) === c || foldText(province) === 'none' ? c : undefined) ??
      // "US / King County, WA": early JHU reports put a county's combined name in the province column.
      this.within(c, this.combined.get(normalizeCombined(province)));
    if (!s || admin2.trim() === '') return s;
    return this.child(s, admin2);
  }
}

function normalizeCombined(s: string): string {
  return foldText(s).replace(/\s*,\s*/g, ',');
}

/** A name claimed by two places maps to null: ambiguous names never resolve. */
function setUnique(m: Map<string, string | null>, name: string, key: string): void {
  if (!name) return;
  const prev = m.get(name);
  if (prev === undefined) m.set(name, key);
  else if (prev !== key) m.set(name, null);
}
