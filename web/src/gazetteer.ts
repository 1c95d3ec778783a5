import { getJson } from './api';

/** Links between map shapes (ISO numeric codes, US FIPS codes) and Glacier's location keys. */
export interface ShapeKeys {
  /** Shape id → location key. */
  byId: Map<string, string>;
  /** Shape name (lower case) → location key, for shapes without an id (Kosovo, N. Cyprus). */
  byName: Map<string, string>;
  /** Location key → display name. */
  names: Map<string, string>;
}

let countries: Promise<ShapeKeys> | undefined;
let states: Promise<ShapeKeys> | undefined;

export function countryKeys(): Promise<ShapeKeys> {
  countries ??= getJson('/v1/locations', { level: 'country', limit: 1000 }).then((r) => {
    const keys: ShapeKeys = { byId: new Map(), byName: new Map(), names: new Map() };
    for (const l of r.data) {
      if (l.iso_numeric) keys.byId.set(l.iso_numeric.padStart(3, '0'), l.key);
      keys.byName.set(l.name.toLowerCase(), l.key);
      for (const a of l.aliases) keys.byName.set(a.toLowerCase(), l.key);
      keys.names.set(l.key, l.name);
    }
    return keys;
  });
  return countries;
}

export function stateKeys(): Promise<ShapeKeys> {
  states ??= getJson('/v1/locations', { level: 'subdivision', parent: 'US', limit: 1000 }).then((r) => {
    const keys: ShapeKeys = { byId: new Map(), byName: new Map(), names: new Map() };
    for (const l of r.data) {
      if (l.fips) keys.byId.set(l.fips, l.key);
      keys.byName.set(l.name.toLowerCase(), l.key);
      keys.names.set(l.key, l.name);
    }
    return keys;
  });
  return states;
}

/** A shape's location key: by id, else by name; counties are their state's key + "_" + FIPS. */
export function keyOfShape(level: 'country' | 'subdivision' | 'county', id: string, name: string, keys: ShapeKeys): string | null {
  if (level === 'county') {
    const state = keys.byId.get(id.slice(0, 2));
    return state && /^\d{5}$/.test(id) ? `${state}_${id}` : null;
  }
  return (id ? keys.byId.get(level === 'country' ? id.padStart(3, '0') : id) : undefined) ?? keys.byName.get(name.toLowerCase()) ?? null;
}
