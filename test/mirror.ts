import { mkdtemp, mkdir, copyFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dataPath } from './shared-data.js';

/**
 * A throw-away mirror folder laid out like ../shared/data, holding copies of chosen real files
 * (or hand-made broken ones), so a test controls exactly what a run reads.
 */
export async function makeMirror(files: Record<string, string | { text: string } | Buffer>): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'glacier-mirror-'));
  for (const [rel, from] of Object.entries(files)) {
    const to = path.join(root, rel);
    await mkdir(path.dirname(to), { recursive: true });
    if (typeof from === 'string') await copyFile(dataPath(from), to);
    else if (Buffer.isBuffer(from)) await writeFile(to, from);
    else await writeFile(to, from.text);
  }
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** The real files both JHU connectors and the gazetteer read, under their usual mirror paths. */
export const JHU_GLOBAL_FILES = {
  'jhu/UID_ISO_FIPS_LookUp_Table.csv': 'jhu/UID_ISO_FIPS_LookUp_Table.csv',
  'jhu/time_series/time_series_covid19_confirmed_global.csv.gz': 'jhu/time_series/time_series_covid19_confirmed_global.csv.gz',
  'jhu/time_series/time_series_covid19_deaths_global.csv.gz': 'jhu/time_series/time_series_covid19_deaths_global.csv.gz',
  'jhu/time_series/time_series_covid19_recovered_global.csv.gz': 'jhu/time_series/time_series_covid19_recovered_global.csv.gz',
};
