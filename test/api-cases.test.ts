import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/api/app.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { CASE_CONNECTORS } from '../src/sources/case-registry.js';
import { who } from '../src/sources/who/index.js';
import { DB_TARGETS, type TestDb } from './databases.js';
import { cachedTestDb } from './fixture-cache.js';
import { makeMirror } from './mirror.js';
import { dataPath } from './shared-data.js';

/**
 * Case records from the two real line lists, versioned: the Kudos list is ingested as two copies
 * (an early one of its first 300 cases with case 1 aged 67, then the real file without case 10),
 * so that `as_of` has something to answer. Expected counts come from the raw files, split here by
 * the test's own RFC 4180 reader.
 */

/** The records of a CSV text as raw strings (quoted newlines kept inside), and the header. */
function rawRecords(text: string): { header: string; records: string[] } {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      out.push(text.slice(start, i).replace(/\r$/, ''));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  const [header, ...records] = out;
  return { header, records: records.filter((r) => r.trim() !== '') };
}

/** The cells of one raw record. */
function cells(record: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (quoted) {
      if (c === '"' && record[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cell), (cell = '');
    else cell += c;
  }
  out.push(cell);
  return out;
}

const kudosText = readFileSync(dataPath('linelists/kudos/COVID19_line_list_data.csv'), 'utf8');
const kudos = rawRecords(kudosText);
const kudosHeader = cells(kudos.header.replace(/^\uFEFF/, ''));
const kudosIds = kudos.records.map((r) => cells(r)[0].trim());
const openText = gunzipSync(readFileSync(dataPath('linelists/beoutbreakprepared/COVID19_open_line_list.csv.gz'))).toString('utf8');
const open = rawRecords(openText);
const openHeader = cells(open.header.replace(/^\uFEFF/, ''));
const openRows = open.records.map(cells).filter((c) => c[0].trim() !== '');
const col = (header: string[], name: string) => header.indexOf(name);

const EARLY = '2020-02-10';
const EARLY_COUNT = 300;
const REMOVED = '10';

describe.each(DB_TARGETS)('case records API on %s', (target) => {
  let t: TestDb;
  let app: App;
  const get = (url: string) => app.inject({ method: 'GET', url });
  const json = async <T = any>(url: string): Promise<T> => {
    const r = await get(url);
    expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
    return r.json() as T;
  };
  const total = async (query: string) => (await json<{ meta: { total: number } }>(`/v1/cases?limit=1&${query}`)).meta.total;

  beforeAll(async () => {
    expect(kudosIds[0]).toBe('1');
    expect(kudosIds[9]).toBe(REMOVED);
    expect(kudos.records[0]).toContain(',male,66,');
    const early = [kudos.header, ...kudos.records.slice(0, EARLY_COUNT).map((r, i) => (i === 0 ? r.replace(',male,66,', ',male,67,') : r))].join('\n') + '\n';
    const latest = [kudos.header, ...kudos.records.filter((_, i) => i !== 9)].join('\n') + '\n';
    const mirror = await makeMirror({
      'jhu/UID_ISO_FIPS_LookUp_Table.csv': 'jhu/UID_ISO_FIPS_LookUp_Table.csv',
      'who/WHO-COVID-19-global-data_asof_2024-08.csv.gz': 'who/WHO-COVID-19-global-data_asof_2024-08.csv.gz',
      [`linelists/kudos/COVID19_line_list_data_asof_${EARLY}.csv`]: { text: early },
      'linelists/kudos/COVID19_line_list_data.csv': { text: latest },
      'linelists/beoutbreakprepared/COVID19_open_line_list.csv.gz': 'linelists/beoutbreakprepared/COVID19_open_line_list.csv.gz',
    });
    // Ingested once per run and database, then copied (test/fixture-cache.ts): CI's second pass reuses it.
    t = await cachedTestDb(target, 'cases', async (db) => {
      const runs = await ingestAll({ db, origin: { kind: 'mirror', root: mirror.root }, clock: () => new Date(), log: silentLogger }, [who, ...CASE_CONNECTORS]);
      const failed = runs.filter((r) => r.status === 'failed');
      if (failed.length) throw new Error(failed.map((r) => `${r.sourceId}: ${r.error}`).join('; '));
    }, import.meta.url);
    await mirror.cleanup();
    app = await buildApp({ db: t.db, versionTtlMs: 0 });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('holds one record per case id of each list', async () => {
    expect(await total('source=linelist-open')).toBe(new Set(openRows.map((c) => c[0].trim())).size);
    expect(await total('source=linelist-kudos')).toBe(kudosIds.length - 1);
  });

  it('answers what the lists said on a date: a case changed and a case withdrawn by a later copy', async () => {
    expect(await total(`source=linelist-kudos&as_of=${EARLY}`)).toBe(EARLY_COUNT);
    expect(await total('source=linelist-kudos&as_of=2020-01-01')).toBe(0);
    const then = await json<{ data: { age_start: number }; versions: { issue: string }[] }>(`/v1/cases/linelist-kudos/1?as_of=${EARLY}`);
    expect(then.data.age_start).toBe(67);
    const now = await json<{ data: { age_start: number; age_end: number; sex: string }; versions: { issue: string; withdrawn: boolean }[] }>('/v1/cases/linelist-kudos/1');
    expect([now.data.age_start, now.data.age_end, now.data.sex]).toEqual([66, 66, 'male']);
    expect(now.versions.map((v) => v.issue)).toEqual([EARLY, '2020-02-28']);
    const gone = await get(`/v1/cases/linelist-kudos/${REMOVED}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('ERR_CASE_NOT_FOUND');
    expect((await json<{ data: { case_id: string } }>(`/v1/cases/linelist-kudos/${REMOVED}?as_of=${EARLY}`)).data.case_id).toBe(REMOVED);
    const nope = await get('/v1/cases/linelist-kudos/no-such-case');
    expect([nope.statusCode, nope.json().error.code]).toEqual([404, 'ERR_CASE_NOT_FOUND']);
  });

  it('filters by sex and by location, descendants included', async () => {
    const sex = col(openHeader, 'sex');
    expect(await total('source=linelist-open&sex=male')).toBe(openRows.filter((c) => c[sex].trim().toLowerCase() === 'male').length);
    const country = col(openHeader, 'country');
    const chinese = openRows.filter((c) => c[country].trim() === 'China').length;
    expect(await total('source=linelist-open&location=CN')).toBe(chinese);
    // This copy of the open list holds the cases outside Hubei.
    const province = col(openHeader, 'province');
    const guangdong = await json<{ meta: { total: number }; data: { location_key: string }[] }>('/v1/cases?source=linelist-open&location=CN_GD&limit=50');
    expect(guangdong.meta.total).toBe(openRows.filter((c) => c[country].trim() === 'China' && c[province].trim() === 'Guangdong').length);
    expect(guangdong.data.every((r) => r.location_key === 'CN_GD' || r.location_key.startsWith('CN_GD_'))).toBe(true);
    const kudosGender = col(kudosHeader, 'gender');
    expect(await total('source=linelist-kudos&sex=female')).toBe(kudos.records.filter((r, i) => i !== 9 && cells(r)[kudosGender].trim().toLowerCase() === 'female').length);
  });

  it('filters on event dates and on which dates are known, and pages', async () => {
    const both = await json<{ meta: { total: number }; data: Record<string, string | null>[] }>('/v1/cases?source=linelist-open&has=onset,confirmation&limit=10000');
    expect(both.meta.total).toBeGreaterThan(0);
    expect(both.data.every((r) => r.onset_start !== null && r.confirmation_start !== null)).toBe(true);
    const feb = await json<{ data: Record<string, string | null>[] }>('/v1/cases?source=linelist-open&confirmation_from=2020-02-01&confirmation_to=2020-02-07&limit=10000');
    expect(feb.data.length).toBeGreaterThan(0);
    expect(feb.data.every((r) => r.confirmation_start! >= '2020-02-01' && r.confirmation_start! <= '2020-02-07')).toBe(true);
    const page2 = await json<{ data: { case_id: string }[] }>('/v1/cases?source=linelist-open&limit=5&offset=5');
    const first10 = await json<{ data: { case_id: string }[] }>('/v1/cases?source=linelist-open&limit=10');
    expect(page2.data.map((r) => r.case_id)).toEqual(first10.data.slice(5).map((r) => r.case_id));
    const csv = await get('/v1/cases?source=linelist-kudos&limit=3&format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0].split(',')[0]).toBe('source');
    for (const [url, parameter] of [['/v1/cases?sex=x', 'sex'], ['/v1/cases?has=birth', 'has'], ['/v1/cases?onset_from=2020-03-01&onset_to=2020-02-01', 'onset_from'], ['/v1/cases?source=who', 'source'], ['/v1/cases?location=XX_NOPE', 'location']] as const) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error.parameter, url).toBe(parameter);
    }
  });

  it('summarises by age band and sex, outcome, day of each event and travel history, over the same cases', async () => {
    const s = await json<{ total: number; age_sex: { cases: number }[]; outcomes: { cases: number }[]; by_day: { event: string; cases: number }[]; travel_history: { cases: number; share: number } }>('/v1/cases/summary?source=linelist-open');
    expect(s.total).toBe(await total('source=linelist-open'));
    expect(s.age_sex.reduce((n, r) => n + r.cases, 0)).toBe(s.total);
    expect(s.outcomes.reduce((n, r) => n + r.cases, 0)).toBe(s.total);
    const confirmedByDay = s.by_day.filter((d) => d.event === 'confirmation').reduce((n, r) => n + r.cases, 0);
    expect(confirmedByDay).toBeLessThanOrEqual(s.total);
    expect(confirmedByDay).toBeGreaterThan(0);
    expect(s.travel_history.share).toBeCloseTo(s.travel_history.cases / s.total, 12);
    const dict = await json<{ data: { field: string }[] }>('/v1/cases/dictionary');
    const row = (await json<{ data: Record<string, unknown>[] }>('/v1/cases?limit=1')).data[0];
    expect(dict.data.map((d) => d.field)).toEqual(Object.keys(row));
  });

  it('estimates the onset→confirmation delay: every usable case counted, fits best-AIC first, each estimate inside its interval', async () => {
    const withBoth = await total('source=linelist-open&has=onset,confirmation');
    const d = await json<any>('/v1/models/delays?source=linelist-open&from_event=onset&to_event=confirmation&samples=100');
    const excluded = d.excluded.reduce((n: number, e: { cases: number }) => n + e.cases, 0);
    expect(d.n + excluded).toBe(withBoth);
    expect(d.fits.map((f: { family: string }) => f.family).sort()).toEqual(['gamma', 'lognormal', 'weibull']);
    expect(d.fits.map((f: { aic: number }) => f.aic)).toEqual([...d.fits.map((f: { aic: number }) => f.aic)].sort((a: number, b: number) => a - b));
    for (const f of d.fits) {
      expect(Object.values(f.parameters).filter(Number.isFinite)).toHaveLength(2);
      expect(f.mean).toBeGreaterThanOrEqual(f.intervals.mean.lower);
      expect(f.mean).toBeLessThanOrEqual(f.intervals.mean.upper);
    }
    expect(d.empirical.n).toBeLessThanOrEqual(d.n);
    // The best fit's mean is close to the mean of the delays known to the day.
    expect(Math.abs(d.fits[0].mean - d.empirical.mean)).toBeLessThan(1);
    const weekly = await json<any>('/v1/models/delays?source=linelist-open&from_event=onset&to_event=confirmation&samples=50&interval=week&families=gamma');
    expect(weekly.periods.reduce((n: number, p: { n: number }) => n + p.n, 0)).toBe(weekly.n);
    const bad = await get('/v1/models/delays?from_event=onset&to_event=onset');
    expect([bad.statusCode, bad.json().error.parameter]).toEqual([400, 'to_event']);
  }, 120_000);

  it('estimates the incubation period from the Kudos exposure windows', async () => {
    const inc = await json<any>('/v1/models/incubation?source=linelist-kudos&samples=100');
    expect(inc.n).toBeGreaterThan(20);
    expect(inc.selection).toContain('exposure window');
    const best = inc.fits[0];
    expect(best.median).toBeGreaterThan(1);
    expect(best.median).toBeLessThan(14);
    expect(best.median).toBeGreaterThanOrEqual(best.intervals.median.lower);
    expect(best.median).toBeLessThanOrEqual(best.intervals.median.upper);
  }, 120_000);

  it('dates Rt by onset: every window moved back by the fitted median delay', async () => {
    const base = '/v1/models/rt?location=CN&from=2020-02-01&to=2020-03-31';
    const report = await json<{ data: { window_start: string; window_end: string; mean: number }[] }>(base);
    const onset = await json<{ meta: { onset_shift: { days: number; median: number; cases: number } }; data: { window_start: string; mean: number }[] }>(`${base}&date_by=onset`);
    const shift = onset.meta.onset_shift;
    expect(shift.days).toBe(Math.round(shift.median));
    expect(shift.cases).toBeGreaterThanOrEqual(30);
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    expect(onset.data.map((r) => day(r.window_start) + shift.days)).toEqual(report.data.map((r) => day(r.window_start)));
    expect(onset.data.map((r) => r.mean)).toEqual(report.data.map((r) => r.mean));
  }, 120_000);
});
