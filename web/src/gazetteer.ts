import { getJson } from './api';
import { currentLang, placeName, type Lang } from './i18n';

/** Links between map shapes (ISO numeric codes, US FIPS codes) and Glacier's location keys. */
export interface ShapeKeys {
  /** Shape id → location key. */
  byId: Map<string, string>;
  /** Shape name (lower case) → location key, for shapes without an id (Kosovo, N. Cyprus). */
  byName: Map<string, string>;
  /** Location key → name in the reader's language (placeName: Chinese where the gazetteer has it). */
  names: Map<string, string>;
}

/** Per language: the names are the reader's (the language can change without a reload). */
const countries = new Map<Lang, Promise<ShapeKeys>>();
const states = new Map<Lang, Promise<ShapeKeys>>();

export function countryKeys(): Promise<ShapeKeys> {
  const lang = currentLang();
  const hit = countries.get(lang);
  if (hit) return hit;
  const keys = getJson('/v1/locations', { level: 'country', limit: 1000 }).then((r) => {
    const keys: ShapeKeys = { byId: new Map(), byName: new Map(), names: new Map() };
    for (const l of r.data) {
      if (l.iso_numeric) keys.byId.set(l.iso_numeric.padStart(3, '0'), l.key);
      keys.byName.set(l.name.toLowerCase(), l.key);
      for (const a of l.aliases) keys.byName.set(a.toLowerCase(), l.key);
      keys.names.set(l.key, placeName(l));
    }
    return keys;
  });
  countries.set(lang, keys);
  return keys;
}

export function stateKeys(): Promise<ShapeKeys> {
  const lang = currentLang();
  const hit = states.get(lang);
  if (hit) return hit;
  const keys = getJson('/v1/locations', { level: 'subdivision', parent: 'US', limit: 1000 }).then((r) => {
    const keys: ShapeKeys = { byId: new Map(), byName: new Map(), names: new Map() };
    for (const l of r.data) {
      if (l.fips) keys.byId.set(l.fips, l.key);
      keys.byName.set(l.name.toLowerCase(), l.key);
      keys.names.set(l.key, placeName(l));
    }
    return keys;
  });
  states.set(lang, keys);
  return keys;
}

const childNames = new Map<string, Promise<Map<string, string>>>();

/**
 * Key → name in the reader's language of the places the map and table show for a scope (the
 * world's countries, a country's subdivisions, a state's counties): /v1/map rows carry English
 * names only. Every US county at once (no parent) is not looked up: none has a Chinese name.
 */
export function scopeNames(scope: { level: 'country' | 'subdivision' | 'county'; parent: string | null }): Promise<Map<string, string>> {
  if (scope.level === 'country') return countryKeys().then((k) => k.names);
  if (scope.parent === 'US' && scope.level === 'subdivision') return stateKeys().then((k) => k.names);
  if (!scope.parent) return Promise.resolve(new Map());
  const id = `${currentLang()}|${scope.parent}`;
  let hit = childNames.get(id);
  if (!hit) {
    hit = getJson('/v1/locations', { parent: scope.parent, limit: 1000 }).then((r) => new Map(r.data.map((l) => [l.key, placeName(l)])));
    hit.catch(() => childNames.delete(id));
    childNames.set(id, hit);
  }
  return hit;
}

/** A shape's location key: by id, else by name; counties are their state's key + "_" + FIPS. */
export function keyOfShape(level: 'country' | 'subdivision' | 'county', id: string, name: string, keys: ShapeKeys): string | null {
  if (level === 'county') {
    const state = keys.byId.get(id.slice(0, 2));
    return state && /^\d{5}$/.test(id) ? `${state}_${id}` : null;
  }
  return (id ? keys.byId.get(level === 'country' ? id.padStart(3, '0') : id) : undefined) ?? keys.byName.get(name.toLowerCase()) ?? null;
}
