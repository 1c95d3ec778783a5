import { readdir, readFile } from 'node:fs/promises';
import { parseCsvObjects } from '../lib/csv.js';

/** The project's own reference tables for the key scheme (see reference/README.md). */
export interface GazetteerReference {
  subdivisions: { country: string; province_state: string; code: string; kind: string; note: string }[];
  countries: { country_region: string; key: string; note: string }[];
  aliases: { key: string; alias: string; origin: string }[];
  displayNames: { key: string; name: string }[];
  /** Places no lookup table has (New York City as NYT counts it, Chinese prefecture cities), one file per source in extra/. */
  extras: { key: string; level: string; parent: string; name: string; aliases: string; note: string }[];
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
  const extraDir = new URL('extra/', dir);
  const extraFiles = (await readdir(extraDir).catch(() => [] as string[])).filter((f) => f.endsWith('.csv')).sort();
  const extras = (await Promise.all(extraFiles.map(async (f) => parseCsvObjects(await readFile(new URL(f, extraDir), 'utf8'), `extra/${f}`)))).flat();
  return { ...Object.fromEntries(entries), extras } as unknown as GazetteerReference;
}

/** Every reference file, for the gazetteer's fingerprint. */
export async function referenceFiles(dir: URL): Promise<URL[]> {
  const extraDir = new URL('extra/', dir);
  const extra = (await readdir(extraDir).catch(() => [] as string[])).filter((f) => f.endsWith('.csv')).sort();
  return [...Object.values(FILES).map((f) => new URL(f, dir)), ...extra.map((f) => new URL(f, extraDir))];
}
