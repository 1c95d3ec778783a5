import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { buildApp, type App } from '../src/api/app.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { CASE_CONNECTORS } from '../src/sources/case-registry.js';
import { IMAGING_CONNECTORS } from '../src/sources/imaging-registry.js';
import { CHATTER_CONNECTORS, LITERATURE_CONNECTORS, SEQUENCE_CONNECTORS } from '../src/sources/research-registry.js';
import { jhuGlobal } from '../src/sources/jhu-global/index.js';
import { jhuUs } from '../src/sources/jhu-us/index.js';
import { who } from '../src/sources/who/index.js';
import type { Db } from '../src/store/db.js';
import { type DbTarget, type TestDb } from './databases.js';
import { cachedTestDb } from './fixture-cache.js';
import { JHU_GLOBAL_FILES, makeMirror } from './mirror.js';
import { dataPath, SHARED_DATA } from './shared-data.js';

/** US states kept from the real JHU US files, so that API tests ingest in seconds. */
export const US_STATES = ['California', 'Washington', 'New York', 'Puerto Rico', 'Diamond Princess'];

/** Real JHU US file cut to the rows of US_STATES (header kept). */
export function usSubset(rel: string): string {
  const lines = gunzipSync(readFileSync(dataPath(rel))).toString('utf8').split('\n');
  return [lines[0], ...lines.slice(1).filter((l) => US_STATES.some((s) => l.includes(`,${s},US,`)))].join('\n') + '\n';
}

export interface ApiFixture {
  app: App;
  t: TestDb;
  close(): Promise<void>;
}

/**
 * A database holding the final JHU global files, a JHU US subset and WHO's 2024 file, and an app
 * over it. With `research`, also the research data read in place from ../shared/data: the four
 * imaging sets (image files included), the two line lists, the literature, the chatter and the sequences.
 */
export async function apiFixture(target: DbTarget, opts: { research?: boolean } = {}): Promise<ApiFixture> {
  // With the research data: a copy of the API fixture (the run builds it once) plus the research sources.
  const api = { key: 'api', build: ingestApi };
  const t = opts.research ? await cachedTestDb(target, 'api-research', ingestResearch, undefined, api) : await cachedTestDb(target, api.key, api.build);
  const app = await buildApp({ db: t.db, versionTtlMs: 0 });
  return { app, t, close: async () => { await app.close(); await t.drop(); } };
}

async function ingestApi(db: Db): Promise<void> {
  const mirror = await makeMirror({
    ...JHU_GLOBAL_FILES,
    'jhu/time_series_us/time_series_covid19_confirmed_US_asof_2020-12-31.csv': { text: usSubset('jhu/time_series_us/time_series_covid19_confirmed_US_asof_2020-12-31.csv.gz') },
    'jhu/time_series_us/time_series_covid19_deaths_US_asof_2021-04-22.csv': { text: usSubset('jhu/time_series_us/time_series_covid19_deaths_US_asof_2021-04-22.csv.gz') },
    'who/WHO-COVID-19-global-data_asof_2024-08.csv.gz': 'who/WHO-COVID-19-global-data_asof_2024-08.csv.gz',
  });
  const runs = await ingestAll({ db, origin: { kind: 'mirror', root: mirror.root }, clock: () => new Date(), log: silentLogger }, [jhuGlobal, jhuUs, who]);
  await mirror.cleanup();
  failIfFailed(runs);
}

async function ingestResearch(db: Db): Promise<void> {
  const research = [...IMAGING_CONNECTORS, ...CASE_CONNECTORS, ...LITERATURE_CONNECTORS, ...CHATTER_CONNECTORS, ...SEQUENCE_CONNECTORS];
  failIfFailed(await ingestAll({ db, origin: { kind: 'mirror', root: SHARED_DATA }, clock: () => new Date(), log: silentLogger }, research));
}

function failIfFailed(runs: { sourceId: string; status: string; error: string | null }[]): void {
  const failed = runs.filter((r) => r.status === 'failed');
  if (failed.length) throw new Error(`fixture ingest failed: ${failed.map((r) => `${r.sourceId}: ${r.error}`).join('; ')}`);
}

/** RFC 4180 rows of a CSV body (the test's own reader, independent of the server's writer). */
export function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell.replace(/\r$/, '')), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
