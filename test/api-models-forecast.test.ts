import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/api/app.js';
import { dayFromUsShortDate, dayNumber, isoFromDay } from '../src/domain/dates.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { jhuDaily } from '../src/sources/jhu-daily/index.js';
import { jhuGlobal } from '../src/sources/jhu-global/index.js';
import { readCsv } from './api-fixture.js';
import { openTestDb, type TestDb } from './databases.js';
import { makeMirror } from './mirror.js';
import { dataPath } from './shared-data.js';

/**
 * Versioned truth on real data, kept small: two countries' rows of JHU's daily reports (each report
 * a vintage: its counts as known on its date) and of JHU's final time series (issued 2023-03-10).
 * The final series revised Germany's April 2020 counts down by several thousand; Italy's epidemic
 * started early enough for the log-linear model to have its four weeks of past errors by 04-25.
 */
const COUNTRIES = ['Germany', 'Italy'];
const REPORTS = readdirSync(dataPath('jhu/daily_reports')).filter((f) => /^(01|02|03|04)-\d\d-2020\.csv$/.test(f)).sort();
const isCountryRow = (country: string) => (l: string) => l.split(',').some((cell, i, cells) => cell === country && cells[i - 1] === '');

/** The countries' rows of a daily report (header kept), or null when the report has none. */
function reportRows(file: string, countries = COUNTRIES): string | null {
  const lines = readFileSync(dataPath('jhu/daily_reports', file), 'utf8').split(/\r?\n/);
  const rows = lines.slice(1).filter((l) => countries.some((c) => isCountryRow(c)(l)));
  return rows.length ? [lines[0], ...rows].join('\n') + '\n' : null;
}

/** A count of a daily report's Germany row. */
function reportCount(date: string, column: 'Confirmed' | 'Deaths'): number {
  const [, m, d] = date.split('-');
  const text = reportRows(`${m}-${d}-2020.csv`, ['Germany'])!;
  const [header, row] = text.trim().split('\n').map((l) => l.split(','));
  return Number(row[header.indexOf(column)]);
}

const finalFile = (metric: string) => gunzipSync(readFileSync(dataPath(`jhu/time_series/time_series_covid19_${metric}_global.csv.gz`))).toString('utf8');
const countryRows = (text: string) => {
  const lines = text.split('\n');
  return [lines[0], ...lines.filter((l) => COUNTRIES.some((c) => l.startsWith(`,${c},`)))].join('\n') + '\n';
};
/** A count of the final time series' Germany row. */
function finalCount(date: string, metric: 'confirmed' | 'deaths', country = 'Germany'): number {
  const lines = finalFile(metric).split('\n');
  const header = lines[0].split(',');
  const col = header.findIndex((h, i) => i >= 4 && isoFromDay(dayFromUsShortDate(h)) === date);
  return Number(lines.find((l) => l.startsWith(`,${country},`))!.split(',')[col]);
}

async function fixture(lastReport: string, withFinal: boolean): Promise<{ app: App; t: TestDb }> {
  const files: Record<string, string | { text: string }> = { 'jhu/UID_ISO_FIPS_LookUp_Table.csv': 'jhu/UID_ISO_FIPS_LookUp_Table.csv' };
  for (const f of REPORTS) {
    const [m, d] = f.split('-');
    const rows = `2020-${m}-${d}` <= lastReport ? reportRows(f) : null;
    if (rows) files[`jhu/daily_reports/${f}`] = { text: rows };
  }
  const connectors = withFinal ? [jhuGlobal, jhuDaily] : [jhuDaily];
  if (withFinal) for (const m of ['confirmed', 'deaths', 'recovered']) files[`jhu/time_series/time_series_covid19_${m}_global.csv`] = { text: countryRows(finalFile(m)) };
  const mirror = await makeMirror(files);
  const t = await openTestDb('pglite');
  const runs = await ingestAll({ db: t.db, origin: { kind: 'mirror', root: mirror.root }, clock: () => new Date(), log: silentLogger }, connectors);
  await mirror.cleanup();
  const failed = runs.filter((r) => r.status === 'failed');
  if (failed.length) throw new Error(`fixture ingest failed: ${failed.map((r) => `${r.sourceId}: ${r.error}`).join('; ')}`);
  return { app: await buildApp({ db: t.db, versionTtlMs: 0 }), t };
}

/** R's quantile(type = 7): the test's own, for the Hub baseline's closed-form first week. */
function type7(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo >= s.length - 1 ? s[s.length - 1] : s[lo] + (h - lo) * (s[lo + 1] - s[lo]);
}
const saturdays = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d += 7) out.push(isoFromDay(d));
  return out;
};
const CASE_LEVELS = [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975];

describe('forecasts and their evaluation on versioned truth (PGlite)', () => {
  let full: { app: App; t: TestDb };
  let early: { app: App; t: TestDb };
  const get = (f: { app: App }, url: string, headers: Record<string, string> = {}) => f.app.inject({ method: 'GET', url, headers });
  const ok = async (f: { app: App }, url: string) => {
    const r = await get(f, url);
    expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
    return r;
  };
  const error = async (url: string, status: number, code: string) => {
    const r = await get(full, url);
    expect(r.statusCode, r.body).toBe(status);
    expect(r.json().error.code).toBe(code);
    return r.json().error;
  };

  beforeAll(async () => {
    // Reports to 2020-04-30 and the final series; and a store that only ever had reports to 04-25.
    [full, early] = await Promise.all([fixture('2020-04-30', true), fixture('2020-04-25', false)]);
  }, 300_000);
  afterAll(async () => {
    for (const f of [full, early]) if (f) await f.app.close(), await f.t.drop();
  });

  it('forecasts from the data as known on the reference date: the Hub baseline’s first week, from the reports themselves', async () => {
    const body = (await ok(full, '/v1/models/forecast?location=DE&target=case&reference_date=2020-04-04&model=baseline')).json();
    // Weekly counts from the daily reports of each Saturday (Germany's first report is 01-28).
    const weeks = saturdays('2020-02-01', '2020-04-04').map((s) => reportCount(s, 'Confirmed'));
    const weekly = weeks.slice(1).map((v, i) => v - weeks[i]);
    expect(body.meta).toMatchObject({ location: 'DE', target: 'case', metric: 'confirmed', as_of: '2020-04-04', sources: ['jhu-daily'], quantile_levels: CASE_LEVELS });
    expect(body.meta.last_week).toBe(reportCount('2020-04-04', 'Confirmed') - reportCount('2020-03-28', 'Confirmed'));
    // The Hub drops leading zero weeks, then takes every one-week change and its negative.
    const first = weekly.findIndex((v) => v !== 0);
    const changes = weekly.slice(first + 1).map((v, i) => v - weekly[first + i]);
    const symmetric = [...changes, ...changes.map((c) => -c)];
    const h1 = body.data.filter((r: { horizon: number }) => r.horizon === 1);
    expect(h1.map((r: { output_type_id: number }) => r.output_type_id)).toEqual(CASE_LEVELS);
    h1.forEach((r: { value: number; output_type_id: number }) => expect(r.value).toBeCloseTo(Math.max(0, weekly.at(-1)! + type7(symmetric, r.output_type_id)), 6));
    expect(body.data[0]).toMatchObject({ model_id: 'glacier-baseline', reference_date: '2020-04-04', target: 'wk inc case', location: 'DE', target_end_date: '2020-04-11', output_type: 'quantile' });
  });

  it('the forecast at D is the same whatever was published after D', async () => {
    for (const [location, target, rows] of [['IT', 'case', 3 * 4 * 7], ['IT', 'death', 3 * 4 * 23], ['DE', 'case', 4 * 7]] as const) {
      const url = `/v1/models/forecast?location=${location}&target=${target}&reference_date=2020-04-25`;
      const [a, b] = await Promise.all([ok(full, url), ok(early, url)]);
      expect(a.json().data, url).toHaveLength(rows);
      expect(a.json().data, url).toEqual(b.json().data);
      expect(a.json().meta.models).toEqual(b.json().meta.models);
    }
  });

  it('as_of chooses another vintage: the final series’ revised counts give another forecast', async () => {
    const body = (await ok(full, '/v1/models/forecast?location=DE&target=case&reference_date=2020-04-04&model=baseline&as_of=2023-03-10')).json();
    expect(body.meta).toMatchObject({ as_of: '2023-03-10', sources: ['jhu-global'] });
    const revised = finalCount('2020-04-04', 'confirmed') - finalCount('2020-03-28', 'confirmed');
    expect(body.meta.last_week).toBe(revised);
    expect(revised).not.toBe(reportCount('2020-04-04', 'Confirmed') - reportCount('2020-03-28', 'Confirmed'));
    expect(body.data.find((r: { horizon: number; output_type_id: number }) => r.horizon === 1 && r.output_type_id === 0.5).value).toBe(revised);
    // The evaluation's pseudo-backtest (versioned=false) forecasts from the same latest data.
    const pseudo = (await ok(full, '/v1/models/evaluation?location=DE&target=case&model=baseline&from=2020-04-04&to=2020-04-04&versioned=false')).json();
    expect(pseudo.meta.versioned).toBe(false);
    expect(pseudo.data[0]).toMatchObject({ horizon: 1, median: revised });
    const versioned = (await ok(full, '/v1/models/evaluation?location=DE&target=case&model=baseline&from=2020-04-04&to=2020-04-04')).json();
    expect(versioned.data[0].median).toBe(reportCount('2020-04-04', 'Confirmed') - reportCount('2020-03-28', 'Confirmed'));
  });

  it('says which models could not forecast and why; 404 when none could', async () => {
    const body = (await ok(full, '/v1/models/forecast?location=DE&target=case&reference_date=2020-04-04')).json();
    expect(body.meta.models).toEqual([
      { model: 'baseline', model_id: 'glacier-baseline', ok: true, reason: null },
      { model: 'loglinear', model_id: 'glacier-loglinear', ok: false, reason: expect.stringMatching(/^3 past 1-week errors in the last 26 weeks/) },
      { model: 'ensemble', model_id: 'glacier-ensemble', ok: false, reason: expect.stringMatching(/1 of 2 members/) },
    ]);
    expect(new Set(body.data.map((r: { model_id: string }) => r.model_id))).toEqual(new Set(['glacier-baseline']));
    const e = await error('/v1/models/forecast?location=DE&target=case&reference_date=2020-04-04&model=loglinear', 404, 'ERR_NO_DATA');
    expect(e.message).toMatch(/loglinear: 3 past 1-week errors/);
  });

  it('answers hubverse CSV, deaths on 23 levels, with an ETag', async () => {
    const url = '/v1/models/forecast?location=IT&target=death&reference_date=2020-04-25&format=csv';
    const r = await ok(full, url);
    expect(r.headers['content-type']).toMatch(/text\/csv/);
    expect(r.body.split('\r\n')[0]).toBe('model_id,reference_date,target,horizon,location,target_end_date,output_type,output_type_id,value');
    const rows = readCsv(r.body);
    expect(rows).toHaveLength(3 * 4 * 23);
    expect(new Set(rows.map((x) => x.model_id))).toEqual(new Set(['glacier-baseline', 'glacier-loglinear', 'glacier-ensemble']));
    expect(rows.filter((x) => x.target === 'wk inc death' && x.horizon === '4' && x.target_end_date === '2020-05-23')).toHaveLength(3 * 23);
    // The ensemble is the quantile median of the two others: with two members, their mean.
    const value = (model: string, level: string) => Number(rows.find((x) => x.model_id === `glacier-${model}` && x.horizon === '2' && x.output_type_id === level)!.value);
    for (const level of ['0.01', '0.5', '0.99']) expect(value('ensemble', level)).toBeCloseTo((value('baseline', level) + value('loglinear', level)) / 2, 6);
    expect((await get(full, url, { 'if-none-match': r.headers.etag as string })).statusCode).toBe(304);
  });

  it('evaluates every Saturday of a range against the latest (revised) data', async () => {
    const body = (await ok(full, '/v1/models/evaluation?location=DE&target=case&from=2020-03-27&to=2020-04-19')).json();
    expect(body.meta.reference_dates).toEqual(['2020-03-28', '2020-04-04', '2020-04-11', '2020-04-18']);
    expect(body.meta.truth_sources).toEqual(['jhu-global']);
    // Truth = the final series (issued 2023), every target week known: 4 dates × 4 horizons; the
    // log-linear model (and so the ensemble) lacks the history to forecast this early.
    expect(body.meta.forecasts_scored).toBe(16);
    expect(body.meta.skipped).toHaveLength(8);
    for (const row of body.data) {
      const end = row.target_end_date;
      expect(row.observed, end).toBe(finalCount(end, 'confirmed') - finalCount(isoFromDay(dayNumber(end) - 7), 'confirmed'));
      expect(row.coverage_95).toBe(row.lower_95 <= row.observed && row.observed <= row.upper_95);
      expect(row.coverage_50).toBe(row.lower_50 <= row.observed && row.observed <= row.upper_50);
    }
    // Each scored forecast is the forecast endpoint's at that date; its WIS = Σ pinball / (K + ½).
    const row = body.data.find((x: { reference_date: string; horizon: number }) => x.reference_date === '2020-04-04' && x.horizon === 2);
    const forecast = (await ok(full, '/v1/models/forecast?location=DE&target=case&reference_date=2020-04-04&model=baseline')).json().data.filter((r: { horizon: number }) => r.horizon === 2);
    const pinball = forecast.reduce((s: number, r: { output_type_id: number; value: number }) => s + ((row.observed < r.value ? 1 : 0) - r.output_type_id) * (r.value - row.observed), 0);
    expect(row.wis).toBeCloseTo(pinball / 3.5, 6);
    expect(body.summary.find((s: { horizon: number | null }) => s.horizon === null)).toMatchObject({ model: 'baseline', n: 16, relative_wis: 1 });
  });

  it('relative WIS compares a model with the baseline on the targets both forecast', async () => {
    // Italy: the baseline forecasts on 04-18 and 04-25, the log-linear model only on 04-25.
    const body = (await ok(full, '/v1/models/evaluation?location=IT&target=death&from=2020-04-18&to=2020-04-25')).json();
    const wis = (model: string, date?: string) => body.data.filter((x: { model: string; reference_date: string }) => x.model === model && (!date || x.reference_date === date)).map((x: { wis: number }) => x.wis);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(wis('baseline')).toHaveLength(8);
    expect(wis('loglinear')).toHaveLength(4);
    const all = body.summary.filter((s: { horizon: number | null }) => s.horizon === null);
    expect(all.map((s: { model: string }) => s.model)).toEqual(['baseline', 'loglinear', 'ensemble']);
    expect(all[0]).toMatchObject({ n: 8, mean_wis: expect.closeTo(mean(wis('baseline')), 6), relative_wis: 1 });
    expect(all[1].relative_wis).toBeCloseTo(mean(wis('loglinear')) / mean(wis('baseline', '2020-04-25')), 9);
    for (const row of body.data) expect(row.observed).toBe(finalCount(row.target_end_date, 'deaths', 'Italy') - finalCount(isoFromDay(dayNumber(row.target_end_date) - 7), 'deaths', 'Italy'));
  });

  it('counts forecasts whose target week is beyond the latest data, and answers CSV views', async () => {
    // The early store's latest truth is the reports to 04-25 only: later target weeks are unscored.
    const body = (await ok(early, '/v1/models/evaluation?location=DE&target=death&model=baseline&from=2020-04-11&to=2020-04-18')).json();
    expect(body.meta.forecasts_scored).toBe(2 + 1);
    expect(body.meta.forecasts_unscored).toBe(2 + 3);
    const scores = readCsv((await ok(full, '/v1/models/evaluation?location=DE&target=case&model=baseline&from=2020-04-04&to=2020-04-04&format=csv')).body);
    expect(scores.map((s) => s.horizon)).toEqual(['1', '2', '3', '4']);
    const summary = (await ok(full, '/v1/models/evaluation?location=IT&target=case&from=2020-04-25&to=2020-04-25&format=csv&view=summary')).body;
    expect(summary.split('\r\n')[0]).toBe('model,horizon,n,mean_wis,mean_ae_median,coverage_50,coverage_95,relative_wis');
    expect(readCsv(summary)).toHaveLength(3 * 5);
  });

  it('refuses mistakes with coded errors', async () => {
    expect((await error('/v1/models/forecast?location=DE&target=case&reference_date=2020-04-08', 400, 'ERR_NOT_SATURDAY')).message).toMatch(/2020-04-04/);
    await error('/v1/models/forecast?location=XX_NOPE&target=case&reference_date=2020-04-04', 400, 'ERR_UNKNOWN_LOCATION');
    await error('/v1/models/forecast?location=DE&target=cases&reference_date=2020-04-04', 400, 'ERR_BAD_PARAMETER');
    await error('/v1/models/forecast?location=DE&target=case&reference_date=2020-04-04&model=prophet', 400, 'ERR_BAD_PARAMETER');
    await error('/v1/models/forecast?location=DE&target=case&reference_date=2020-02-31', 400, 'ERR_BAD_DATE');
    await error('/v1/models/forecast?location=DE&target=case&reference_date=2020-01-04', 404, 'ERR_NO_DATA');
    await error('/v1/models/evaluation?location=DE&target=case&from=2020-04-11&to=2020-04-04', 400, 'ERR_DATE_RANGE');
    await error('/v1/models/evaluation?location=DE&target=case&from=2020-02-01&to=2021-06-30', 400, 'ERR_TOO_MANY_DATES');
    await error('/v1/models/evaluation?location=DE&target=case&from=2020-04-05&to=2020-04-10', 400, 'ERR_BAD_PARAMETER');
    await error('/v1/models/evaluation?location=NOPE&target=case&from=2020-04-04&to=2020-04-11', 400, 'ERR_UNKNOWN_LOCATION');
  });
});
