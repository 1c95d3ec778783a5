import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/api/app.js';
import { datahub } from '../src/sources/datahub/index.js';
import { jhuGlobal } from '../src/sources/jhu-global/index.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import type { TestDb } from './databases.js';
import { cachedTestDb } from './fixture-cache.js';
import { SHARED_DATA } from './shared-data.js';

/**
 * DataHub's countries-aggregated is JHU's global series summed by Country/Region on the day
 * DataHub committed it. For every DataHub vintage D, every country and every date both have,
 * DataHub as of D is compared through /v1/compare with the JHU series current at D: the newest
 * JHU vintage in the mirror on or before D, else JHU's final file. docs/cross-source.md explains
 * the classes of disagreement this finds.
 */
const TERRITORIES_SUMMED = new Set(['DK', 'FR', 'GB', 'NL', 'NZ']);

describe('DataHub against the JHU series it was built from', () => {
  let t: TestDb;
  let app: App;
  beforeAll(async () => {
    // Ingested once per run, then copied (test/fixture-cache.ts): CI's second pass reuses it.
    t = await cachedTestDb('postgres', 'jhu-datahub', async (db) => {
      const runs = await ingestAll({ db, origin: { kind: 'mirror', root: SHARED_DATA }, clock: () => new Date(), log: silentLogger }, [jhuGlobal, datahub]);
      expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    }, import.meta.url);
    app = await buildApp({ db: t.db });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('agrees on 96.1 % of country-days; every disagreement is a territory sum or a JHU revision', async () => {
    const issuesOf = async (sql: string) => (await t.db.query<{ file_id: string; issue: string }>(sql)).map((r) => r);
    const jhuVintages = await issuesOf(`SELECT DISTINCT rf.file_id, rf.issue FROM run_files rf JOIN ingest_runs r ON r.id = rf.run_id WHERE r.source_id = 'jhu-global' AND r.status = 'succeeded'`);
    const finalIssue = jhuVintages.map((v) => v.issue).sort().at(-1)!;
    const datahubDates = [...new Set((await issuesOf(`SELECT rf.file_id, rf.issue FROM run_files rf JOIN ingest_runs r ON r.id = rf.run_id WHERE r.source_id = 'datahub' AND rf.location LIKE '%countries-aggregated%'`)).map((v) => v.issue))].sort();
    expect(datahubDates).toEqual(['2020-05-01', '2020-07-01', '2020-09-01', '2020-12-01', '2021-03-17', '2021-10-11']);
    const countries = (await t.db.query<{ key: string }>(`SELECT DISTINCT s.location_key AS key FROM series s JOIN locations l ON l.key = s.location_key WHERE s.source_id = 'datahub' AND l.level = 'country' ORDER BY 1`)).map((r) => r.key);
    // JHU cells Glacier holds more than one version of: JHU revised them.
    const revised = new Set(
      (await t.db.query<{ k: string }>(
        `SELECT s.location_key || '|' || s.metric || '|' || o.date AS k FROM observations o JOIN series s ON s.id = o.series_id
         WHERE s.source_id = 'jhu-global' GROUP BY s.location_key, s.metric, o.date HAVING count(*) > 1`,
      )).map((r) => r.k),
    );

    let compared = 0;
    const classes = { territories_summed: 0, jhu_revised_cell: 0, jhu_revised_after_reference: 0, unexplained: 0 };
    for (const D of datahubDates) {
      for (const metric of ['confirmed', 'deaths', 'recovered']) {
        const reference = jhuVintages.filter((v) => v.file_id === metric && v.issue <= D).map((v) => v.issue).sort().at(-1) ?? finalIssue;
        for (const location of countries) {
          const r = await app.inject({ url: `/v1/compare?location=${location}&metric=${metric}&as_of=${D}&reference=jhu-global&reference_as_of=${reference}` });
          if (r.statusCode === 400) continue; // no JHU series for this place and metric
          expect(r.statusCode, r.body).toBe(200);
          const body = r.json();
          const dh = body.sources.find((s: { source: string }) => s.source === 'datahub');
          const jhu = body.sources.find((s: { source: string }) => s.source === 'jhu-global');
          if (!dh?.agreement || !jhu) continue;
          compared += dh.agreement.days_compared;
          for (let i = 0; i < dh.values.length; i++) {
            if (dh.values[i] === null || jhu.values[i] === null || dh.values[i] === jhu.values[i]) continue;
            const date = new Date(Date.parse(body.start) + i * 86_400_000).toISOString().slice(0, 10);
            if (TERRITORIES_SUMMED.has(location)) classes.territories_summed++;
            else if (revised.has(`${location}|${metric}|${date}`)) classes.jhu_revised_cell++;
            else if (reference !== D) classes.jhu_revised_after_reference++;
            else classes.unexplained++;
          }
        }
      }
    }
    const differing = Object.values(classes).reduce((a, b) => a + b, 0);
    expect(compared).toBeGreaterThan(800_000);
    expect(1 - differing / compared).toBeCloseTo(0.961, 3);
    expect(classes.unexplained).toBe(0);
    expect(classes.territories_summed).toBeGreaterThan(10_000);
    expect(classes.jhu_revised_cell).toBeGreaterThan(10_000);
  }, 300_000);
});
