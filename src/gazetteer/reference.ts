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
  const extras = await readFolder(new URL('extra/', dir));
  const moreAliases = await readFolder(new URL('aliases/', dir));
  const base = Object.fromEntries(entries) as unknown as Omit<GazetteerReference, 'extras'>;
  return { ...base, aliases: [...base.aliases, ...(moreAliases as GazetteerReference['aliases'])], extras: extras as GazetteerReference['extras'] };
}

/** Every CSV of a reference sub-folder (one file per source), rows concatenated in file-name order. */
async function readFolder(folder: URL): Promise<Record<string, string>[]> {
  const files = (await readdir(folder).catch(() => [] as string[])).filter((f) => f.endsWith('.csv')).sort();
  return (await Promise.all(files.map(async (f) => parseCsvObjects(await readFile(new URL(f, folder), 'utf8'), f)))).flat();
}

/** Every reference file, for the gazetteer's fingerprint. */
export async function referenceFiles(dir: URL): Promise<URL[]> {
  const inFolder = async (name: string) => {
    const folder = new URL(`${name}/`, dir);
    return (await readdir(folder).catch(() => [] as string[])).filter((f) => f.endsWith('.csv')).sort().map((f) => new URL(f, folder));
  };
  return [...Object.values(FILES).map((f) => new URL(f, dir)), ...(await inFolder('extra')), ...(await inFolder('aliases'))];
}
