import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../src/ingest/run-summary.js';
import { CONNECTORS } from '../src/sources/registry.js';
import type { TestDb } from './databases.js';
import { ingestConnectors } from './ingest-source.js';
import { SHARED_DATA } from './shared-data.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';

/**
 * Everything in ../shared/data, every source and every vintage, in one run (PostgreSQL: the
 * production store). The places left unmatched are the ones docs and unmapped.md list.
 */
const EXPECTED_UNMATCHED: Record<string, number> = {
  'jhu-daily': 117, // 39 rows × 3 metrics: San Antonio TX (Wuhan evacuee), Portland OR, Israel's Diamond Princess passengers, …
  'jhu-legacy': 18, // all-zero placeholder counties with wrong coordinates; the Wuhan evacuee
  'jhu-errata': 6, // errata naming no place that exists (see the connector's notes)
  ecdc: 2, // Netherlands Antilles, dissolved in 2010
  datahub: 12, // the legacy placeholder counties
  dxy: 15, // stale duplicate spellings in the JSON snapshot, Grand Princess
};

describe('full ingest of every source in the mirror', () => {
  let t: TestDb;
  let runs: RunSummary[];
  beforeAll(async () => {
    ({ t, runs } = await ingestConnectors(CONNECTORS, { target: 'postgres' }));
  }, 600_000);
  afterAll(async () => t?.drop());

  it('succeeds for every source', () => {
    expect(runs.map((r) => [r.sourceId, r.status, r.error])).toEqual([['gazetteer', 'succeeded', null], ...CONNECTORS.map((c) => [c.manifest.id, 'succeeded', null])]);
  });

  it('leaves unmatched only the documented places', () => {
    expect(Object.fromEntries(runs.filter((r) => r.unmatched).map((r) => [r.sourceId, r.unmatched]))).toEqual(EXPECTED_UNMATCHED);
  });

  it('reads every vintage and reports what each one changed', () => {
    for (const r of runs.slice(1)) {
      expect(r.vintages.length, r.sourceId).toBeGreaterThan(0);
      expect(r.vintages.reduce((a, v) => a + v.valuesNew + v.valuesChanged, 0), r.sourceId).toBe(r.valuesNew + r.valuesChanged);
    }
    expect(runs.find((r) => r.sourceId === 'jhu-daily')!.vintages).toHaveLength(114);
  });

  it('ranks every location and metric with data, and a second identical run changes nothing', async () => {
    const [{ n }] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM series s JOIN series_summary ss ON ss.series_id = s.id
       WHERE ss.value_count > 0 AND NOT EXISTS (SELECT 1 FROM series_rank r WHERE r.series_id = s.id)`,
    );
    expect(n).toBe(0);
    const again = await ingestAll({ db: t.db, origin: { kind: 'mirror', root: SHARED_DATA }, clock: () => new Date(), log: silentLogger }, CONNECTORS);
    expect(new Set(again.map((r) => r.status))).toEqual(new Set(['unchanged']));
  });
});
