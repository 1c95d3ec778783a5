import { readFile } from 'node:fs/promises';
import { parseCsvObjects } from '../lib/csv.js';

/** The project's own reference tables for the key scheme (see reference/README.md). */
export interface GazetteerReference {
  subdivisions: { country: string; province_state: string; code: string; kind: string; note: string }[];
  countries: { country_region: string; key: string; note: string }[];
  aliases: { key: string; alias: string; origin: string }[];
  displayNames: { key: string; name: string }[];
}

const FILES = {
  subdivisions: 'subdivisions.csv',
  countries: 'countries.csv',
  aliases: 'aliases.csv',
  displayNames: 'display-names.csv',
} as const;

export async function loadGazetteerReference(dir = new URL('./reference/', import.meta.url)): Promise<GazetteerReference> {
  const entries = await Promise.all(
    Object.entries(FILES).map(async ([name, file]) => {
      const url = new URL(file, dir);
      return [name, parseCsvObjects(await readFile(url, 'utf8'), file)] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as GazetteerReference;
}
