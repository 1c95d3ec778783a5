/**
 * Part of the models benchmark: the line-list ingest (both lists into an embedded database), a
 * delay fit with 1,000 bootstrap samples (onset → confirmation, open list) and an incubation fit
 * with 1,000 bootstrap samples (Kudos exposure windows), each family timed on its own.
 */
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { bootstrapDelay, bootstrapIncubation, DELAY_FAMILIES, type DelayFamily } from '../src/models/delays/index.js';
import { delayIntervals, incubationCases } from '../src/query/delays.js';
import { CASE_CONNECTORS } from '../src/sources/case-registry.js';
import { openDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { casePairs, incubationRows, type CaseFilter } from '../src/store/read-cases.js';
import { SHARED_DATA } from './config.js';

export const FIT_GOAL_SECONDS = 2;
const SAMPLES = 1000;

export interface CasesBenchResult {
  ingestSeconds: number;
  cases: number;
  delay: { family: DelayFamily; n: number; seconds: number }[];
  incubation: { family: DelayFamily; n: number; seconds: number }[];
}

const ALL: CaseFilter = { sources: null, location: null, sex: null, ageMin: null, ageMax: null, outcome: null, events: {}, has: [], asOf: null };

export async function runCasesBench(log: (s?: string) => void): Promise<CasesBenchResult> {
  const db = await openDb({ kind: 'pglite-memory' });
  try {
    await migrate(db);
    const t0 = performance.now();
    const runs = await ingestAll({ db, origin: { kind: 'mirror', root: SHARED_DATA }, clock: () => new Date(), log: silentLogger }, CASE_CONNECTORS);
    const ingestSeconds = (performance.now() - t0) / 1000;
    const failed = runs.filter((r) => r.status === 'failed');
    if (failed.length) throw new Error(failed.map((r) => `${r.sourceId}: ${r.error}`).join('; '));
    const cases = runs.filter((r) => CASE_CONNECTORS.some((c) => c.manifest.id === r.sourceId)).reduce((n, r) => n + r.valuesNew, 0);
    log(`line lists: ${cases.toLocaleString('en-US')} cases ingested (gazetteer included) in ${ingestSeconds.toFixed(2)} s on PGlite`);

    const { intervals } = delayIntervals(await casePairs(db, { ...ALL, sources: ['linelist-open'] }, 'onset', 'confirmation'));
    const delay = DELAY_FAMILIES.map((family) => {
      const s = performance.now();
      bootstrapDelay({ intervals, family, samples: SAMPLES, seed: 1 });
      return { family, n: intervals.length, seconds: (performance.now() - s) / 1000 };
    });
    for (const d of delay) log(`delay fit onset→confirmation, ${d.family}: ${d.n} cases, ${SAMPLES} bootstrap samples in ${d.seconds.toFixed(2)} s`);

    const windows = incubationCases(await incubationRows(db, { ...ALL, sources: ['linelist-kudos'] })).cases;
    const incubation = DELAY_FAMILIES.map((family) => {
      const s = performance.now();
      bootstrapIncubation({ cases: windows, family, samples: SAMPLES, seed: 1 });
      return { family, n: windows.length, seconds: (performance.now() - s) / 1000 };
    });
    for (const d of incubation) log(`incubation fit, ${d.family}: ${d.n} cases, ${SAMPLES} bootstrap samples in ${d.seconds.toFixed(2)} s`);
    return { ingestSeconds, cases, delay, incubation };
  } finally {
    await db.close();
  }
}
