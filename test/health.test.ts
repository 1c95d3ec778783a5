import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { health } from '../src/query/health.js';
import { dxy } from '../src/sources/dxy/index.js';
import { owid } from '../src/sources/owid/index.js';
import { who } from '../src/sources/who/index.js';
import { whoSitrep } from '../src/sources/who-sitrep/index.js';
import { DB_TARGETS, openTestDb, type TestDb } from './databases.js';
import { makeMirror } from './mirror.js';
import { dataPath } from './shared-data.js';

const HOUR = 3_600_000;
const WHO_FILE = 'who/WHO-COVID-19-global-data_asof_2024-08.csv.gz';

/** The newest Date_reported of the WHO file, read here without the parser. */
function whoLastDate(): string {
  const lines = gunzipSync(readFileSync(dataPath(WHO_FILE))).toString('utf8').trim().split('\n').slice(1);
  return lines.map((l) => l.slice(0, 10)).reduce((a, b) => (a > b ? a : b));
}

/**
 * Health with an injected clock on real runs: WHO (weekly, live, required), WHO's situation
 * reports (daily, archived: frozen), OWID (required) and DXY (not required) whose files are missing, so their
 * runs fail.
 */
describe.each(DB_TARGETS)('health on %s', (target) => {
  let t: TestDb;
  let whoSuccess: number;

  beforeAll(async () => {
    const mirror = await makeMirror({
      'jhu/UID_ISO_FIPS_LookUp_Table.csv': 'jhu/UID_ISO_FIPS_LookUp_Table.csv',
      [WHO_FILE]: WHO_FILE,
      'who/who_covid_19_sit_rep_time_series.csv': 'who/who_covid_19_sit_rep_time_series.csv',
    });
    t = await openTestDb(target);
    const runs = await ingestAll({ db: t.db, origin: { kind: 'mirror', root: mirror.root }, clock: () => new Date(), log: silentLogger }, [who, whoSitrep]);
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    whoSuccess = Date.parse((await health(t.db, new Date())).sources.find((s) => s.id === 'who')!.last_success_at!);
    await mirror.cleanup();
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('is ok while the weekly WHO source is within 9 days of its last success; ages count from it', async () => {
    const now = new Date(whoSuccess + 216 * HOUR);
    const h = await health(t.db, now);
    expect(h).toMatchObject({ status: 'ok', problems: [], checked_at: now.toISOString(), database: { reachable: true, kind: target, reads_from: 'primary' } });
    const end = whoLastDate();
    expect(h.sources.find((s) => s.id === 'who')).toMatchObject({
      cadence: 'weekly', required: true, state: 'fresh', stale: false, failing: false, stale_after_hours: 216, data_end: end,
      last_attempt: { status: 'succeeded', error: null },
      age_hours: { since_success: 216, since_data_end: Math.round(((now.getTime() - Date.parse(`${end}T00:00:00Z`) - 24 * HOUR) / HOUR) * 10) / 10 },
    });
  });

  it('turns degraded when the required WHO source passes 9 days without a success; the archived situation reports never go stale', async () => {
    const h = await health(t.db, new Date(whoSuccess + 217 * HOUR));
    expect(h.status).toBe('degraded');
    expect(h.problems).toEqual(['who: no successful run for 217 h (stale after 216 h)']);
    expect(h.sources.find((s) => s.id === 'who')).toMatchObject({ state: 'stale', stale: true });
    const years = await health(t.db, new Date(whoSuccess + 5 * 365 * 24 * HOUR));
    expect(years.sources.find((s) => s.id === 'who-sitrep')).toMatchObject({ cadence: 'daily', frozen_on: '2020-08-17', state: 'frozen', stale: false, stale_after_hours: null, required: false });
    expect(years.sources.find((s) => s.id === 'gazetteer')).toMatchObject({ state: 'frozen', stale: false });
  });

  it('a failing source degrades only when it is required', async () => {
    const empty = await makeMirror({ 'jhu/UID_ISO_FIPS_LookUp_Table.csv': 'jhu/UID_ISO_FIPS_LookUp_Table.csv' });
    const deps = { db: t.db, origin: { kind: 'mirror' as const, root: empty.root }, clock: () => new Date(), log: silentLogger };
    await ingestAll(deps, [dxy]);
    const now = new Date(whoSuccess + HOUR);
    const withDxy = await health(t.db, now);
    expect(withDxy.status).toBe('ok');
    expect(withDxy.sources.find((s) => s.id === 'dxy')).toMatchObject({ required: false, failing: true, state: 'never_succeeded', last_attempt: { status: 'failed', error: expect.stringContaining('No copy of') } });
    await ingestAll(deps, [owid]);
    await empty.cleanup();
    const withOwid = await health(t.db, now);
    expect(withOwid.status).toBe('degraded');
    expect(withOwid.problems).toEqual([expect.stringMatching(/^owid: the last run failed \(No copy of/)]);
  });

  it('serves the same report at GET /v1/health, never cached', async () => {
    const app = await buildApp({ db: t.db, webRoot: null });
    const r = await app.inject({ method: 'GET', url: '/v1/health' });
    await app.close();
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const body = r.json();
    expect(body.status).toBe('degraded');
    expect(body.sources.map((s: { id: string }) => s.id)).toEqual(['dxy', 'gazetteer', 'owid', 'who', 'who-sitrep']);
    expect(body.stale_after_hours).toEqual({ daily: 48, weekly: 216, irregular: 744 });
  });
});
