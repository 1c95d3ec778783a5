import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printRt, rtRequest } from '../src/cli/commands/rt.js';
import { dayNumber, isoFromDay } from '../src/domain/dates.js';
import { estimateRt } from '../src/models/rt/estimate-rt.js';
import { DB_TARGETS } from './databases.js';
import { apiFixture, readCsv, type ApiFixture } from './api-fixture.js';

/** EpiNow2's labels by P(R < 1), written out here rather than imported. */
const label = (p: number, cases = Infinity) => (cases < 11 ? 'insufficient_data' : p < 0.05 ? 'increasing' : p < 0.4 ? 'likely_increasing' : p < 0.6 ? 'stable' : p < 0.95 ? 'likely_decreasing' : 'decreasing');
const NUMBER_COLUMNS = ['mean', 'sd', 'median', 'q0_025', 'q0_05', 'q0_25', 'q0_75', 'q0_95', 'q0_975', 'prob_below_1', 'cases', 'imputed_days'] as const;

type Run = { from: string; to: string };
interface CompactSeries { start: string; values: (number | null)[]; sources: (Run & { source: string })[]; flags: { date: string; code: string }[] }

/**
 * The test's own incidence from /v1/series (daily changes, and the cumulative values for the days
 * reported): a change across a switch of source, a correction and a backlog left out, multi-day
 * reports spread, gaps of ≤ 7 days interpolated, split at longer ones, each segment begun at its
 * first case (docs/models/rt.md).
 */
function incidenceSegments(daily: CompactSeries, cumulative: CompactSeries) {
  const n = daily.values.length;
  const start = dayNumber(daily.start);
  const sourceAt = (i: number) => daily.sources.find((r) => dayNumber(r.from) <= start + i && start + i <= dayNumber(r.to))?.source;
  const flagged = new Set(daily.flags.filter((x) => x.code === 'negative_change' || x.code === 'backlog_dump').map((x) => dayNumber(x.date) - start));
  const v = new Array<number>(n).fill(Number.NaN);
  const imputed = new Array<number>(n).fill(0);
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (cumulative.values[i] === null) continue;
    const d = daily.values[i];
    const cover = prev < 0 ? 0 : i - prev;
    const switched = prev >= 0 && sourceAt(prev) !== sourceAt(i);
    prev = i;
    if (d === null || cover === 0 || switched || d < 0 || flagged.has(i)) continue;
    if (cover === 1) v[i] = d;
    else if (cover <= 14) for (let j = i - cover + 1; j <= i; j++) (v[j] = d / cover), (imputed[j] = 1);
  }
  const segments: { offset: number; values: number[]; imputed: number[] }[] = [];
  for (let i = 0; i < n; ) {
    while (i < n && Number.isNaN(v[i])) i++;
    if (i >= n) break;
    let end = i;
    for (let j = i, gap = 0; j < n; j++) {
      if (!Number.isNaN(v[j])) (end = j), (gap = 0);
      else if (++gap > 7) break;
    }
    for (let k = i; k <= end; k++) {
      if (!Number.isNaN(v[k])) continue;
      let j = k;
      while (Number.isNaN(v[j])) j++;
      for (let m = k; m < j; m++) (v[m] = v[k - 1] + ((v[j] - v[k - 1]) * (m - k + 1)) / (j - k + 1)), (imputed[m] = 1);
    }
    let first = i;
    while (first <= end && v[first] === 0) first++;
    if (first <= end) segments.push({ offset: first, values: v.slice(first, end + 1), imputed: imputed.slice(first, end + 1) });
    i = end + 1;
  }
  return segments;
}

describe.each(DB_TARGETS)('GET /v1/models/rt on %s (real JHU data)', (target) => {
  let f: ApiFixture;
  const get = (url: string) => f.app.inject({ method: 'GET', url });
  const json = async (url: string) => {
    const r = await get(url);
    expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
    return r.json();
  };
  beforeAll(async () => {
    f = await apiFixture(target);
  }, 300_000);
  afterAll(async () => f?.close());

  it('answers one row per 7-day window with ISO dates, the posterior, P(R<1) and the trend label', async () => {
    const body = await json('/v1/models/rt?location=DE');
    expect(body.meta).toMatchObject({
      location: 'DE', metric: 'confirmed', source: 'best', as_of: null, window: 7, windows: null, include_early: false,
      serial_interval: { kind: 'parametric', mean_si: 4.7, std_si: 2.9 },
      prior: { mean: 5, sd: 5, shape: 1, scale: 5 },
      incidence: { max_gap_days: 7 },
    });
    expect(body.meta.sources).toContain('jhu-global');
    // Σ k·w_k of the discretised shifted gamma is its mean.
    expect(body.meta.serial_interval.discrete_mean).toBeCloseTo(4.7, 9);
    expect(body.meta.serial_interval.weights[0]).toBe(0);
    const rows = body.data;
    expect(rows.length).toBeGreaterThan(1000);
    rows.forEach((r: Record<string, number & string>, i: number) => {
      expect(dayNumber(r.window_end) - dayNumber(r.window_start)).toBe(6);
      if (i > 0) expect(dayNumber(r.window_end) - dayNumber(rows[i - 1].window_end)).toBe(1);
      expect(r.q0_025 <= r.q0_05 && r.q0_05 <= r.q0_25 && r.q0_25 <= r.median && r.median <= r.q0_75 && r.q0_75 <= r.q0_95 && r.q0_95 <= r.q0_975).toBe(true);
      expect(r.trend).toBe(label(r.prob_below_1, r.cases));
      expect(r.early_reason).toBeNull();
    });
    // The first window starts the day after the first case (EpiEstim's t_start = 2).
    expect(dayNumber(rows[0].window_start)).toBeGreaterThan(dayNumber(body.meta.incidence.segments[0].start));
  });

  it('estimates given windows: a 7-day one equals the sliding window on the same days; one across the data is a coded 400', async () => {
    const sliding = await json('/v1/models/rt?location=DE&from=2020-04-01&to=2020-04-30');
    const pick = sliding.data[10];
    const given = await json(`/v1/models/rt?location=DE&windows=${pick.window_start}/${pick.window_end},2020-04-01/2020-04-30`);
    expect(given.meta).toMatchObject({ window: null, windows: [{ start: pick.window_start, end: pick.window_end }, { start: '2020-04-01', end: '2020-04-30' }] });
    expect(given.data[0]).toEqual(pick);
    const month = given.data[1];
    expect([month.window_start, month.window_end]).toEqual(['2020-04-01', '2020-04-30']);
    // The month's cases are the sum of the daily incidence over its 30 days.
    const daily = await json('/v1/series?location=DE&metric=confirmed&transform=daily&source=jhu-global&from=2020-04-01&to=2020-04-30');
    expect(month.cases).toBe(daily.series[0].values.reduce((a: number, b: number) => a + b, 0));
    for (const [windows, message] of [['2020-04-30/2020-04-01', /ends before it starts/], ['2020-04-01', /START\/END/], ['1990-01-01/1990-02-01', /not inside one stretch/]] as const) {
      const r = await get(`/v1/models/rt?location=DE&windows=${windows}`);
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'ERR_BAD_PARAMETER', parameter: 'windows' });
      expect(r.json().error.message).toMatch(message);
    }
  });

  it('claims no trend where a window has too few cases: the posterior is then mostly the prior', async () => {
    // After Germany's first cluster (Bavaria, late January 2020) weeks passed with 0–4 new cases.
    const rows = (await json('/v1/models/rt?location=DE&source=jhu-global&from=2020-02-10&to=2020-02-25&include_early=true')).data;
    const few = rows.filter((r: { cases: number }) => r.cases < 11);
    expect(few.length).toBeGreaterThan(0);
    for (const r of few) expect(r.trend).toBe('insufficient_data');
    for (const r of rows.filter((r: { cases: number }) => r.cases >= 11)) expect(r.trend).toBe(label(r.prob_below_1));
  });

  it('serves the same rows as CSV', async () => {
    const url = '/v1/models/rt?location=FR&from=2021-01-01&to=2021-03-31';
    const body = await json(url);
    const csv = await get(`${url}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = readCsv(csv.body);
    expect(rows).toHaveLength(body.data.length);
    rows.forEach((r, i) => {
      const j = body.data[i];
      expect([r.window_start, r.window_end, r.trend, r.early_reason]).toEqual([j.window_start, j.window_end, j.trend, j.early_reason ?? '']);
      for (const c of NUMBER_COLUMNS) expect(Number(r[c]), c).toBe(j[c]);
    });
  });

  it.each([
    ['FR', 'jhu-global'], // weekends unreported in 2023: spread reports
    ['BG', 'best'], // JHU, then WHO's weekly reports with longer silences: a switch of source, segments
  ])('equals the estimator run on the incidence computed here from /v1/series?transform=daily (%s, %s)', async (location, source) => {
    const base = `/v1/series?location=${location}&metric=confirmed&source=${source}&format=json`;
    const [daily] = (await json(`${base}&transform=daily`)).series;
    const [cumulative] = (await json(`${base}&transform=cumulative`)).series;
    const segments = incidenceSegments(daily, cumulative);
    expect(segments.some((seg) => seg.imputed.includes(1))).toBe(true);
    const start = dayNumber(daily.start);
    const expected = segments.filter((seg) => seg.values.length >= 8).flatMap((seg) =>
      estimateRt(seg.values, { serialInterval: { kind: 'parametric', mean: 4.7, sd: 2.9 } }).windows
        .filter((w) => w.early === null)
        .map((w) => ({ ...w, from: isoFromDay(start + seg.offset + w.start), to: isoFromDay(start + seg.offset + w.end), imputedDays: seg.imputed.slice(w.start, w.end + 1).reduce((a, b) => a + b, 0) })),
    );
    const body = await json(`/v1/models/rt?location=${location}&source=${source}`);
    expect(body.meta.incidence.segments.map((seg: { start: string; days: number }) => [seg.start, seg.days])).toEqual(segments.map((seg) => [isoFromDay(start + seg.offset), seg.values.length]));
    expect(body.data).toHaveLength(expected.length);
    body.data.forEach((r: Record<string, number & string>, i: number) => {
      const w = expected[i];
      expect([r.window_start, r.window_end, r.imputed_days]).toEqual([w.from, w.to, w.imputedDays]);
      for (const [got, want] of [[r.mean, w.mean], [r.sd, w.sd], [r.q0_025, w.q0_025], [r.q0_975, w.q0_975], [r.cases, w.cases]]) expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.abs(want));
    });
  });

  it('estimates from the data as known at as_of', async () => {
    const now = await json('/v1/models/rt?location=FR');
    const then = await json('/v1/models/rt?location=FR&as_of=2023-06-01');
    // WHO's 2024 file (weekly) continues France after JHU stopped on 2023-03-09; on 2023-06-01 it was not yet published.
    expect(then.data.at(-1).window_end).toBe('2023-03-09');
    expect(now.data.at(-1).window_end > '2023-03-09').toBe(true);
    expect(then.meta.sources).toEqual(['jhu-global']);
    const before = await get('/v1/models/rt?location=FR&as_of=2020-01-01');
    expect(before.statusCode).toBe(404);
    expect(before.json().error.code).toBe('ERR_NO_DATA');
  });

  it('keeps the early windows with include_early, flagged, and cuts to from..to by window end', async () => {
    // France's first cases (January 2020) came a few at a time: its first windows are early. (Germany's are not.)
    const all = await json('/v1/models/rt?location=FR&source=jhu-global&include_early=true');
    const kept = await json('/v1/models/rt?location=FR&source=jhu-global');
    const early = all.data.filter((r: { early_reason: string | null }) => r.early_reason !== null);
    expect(early.length).toBe(kept.meta.early_windows_omitted);
    expect(early.length).toBeGreaterThan(0);
    expect(early[0].early_reason).toBe('few_cumulative_cases');
    expect(all.data.filter((r: { early_reason: string | null }) => r.early_reason === null)).toEqual(kept.data);
    const cut = await json('/v1/models/rt?location=FR&source=jhu-global&from=2020-11-01&to=2020-11-30');
    expect(cut.data.map((r: { window_end: string }) => r.window_end)).toEqual(Array.from({ length: 30 }, (_, i) => isoFromDay(dayNumber('2020-11-01') + i)));
    expect(cut.data).toEqual(kept.data.filter((r: { window_end: string }) => r.window_end >= '2020-11-01' && r.window_end <= '2020-11-30'));
  });

  it('takes a discrete serial interval instead of mean_si/std_si', async () => {
    const body = await json('/v1/models/rt?location=DE&si_distr=0,0.3,0.4,0.2,0.1&to=2020-06-30');
    expect(body.meta.serial_interval).toMatchObject({ kind: 'distribution', mean_si: null, std_si: null, weights: [0, 0.3, 0.4, 0.2, 0.1] });
    expect(body.meta.serial_interval.discrete_mean).toBeCloseTo(2.1, 12);
  });

  it.each([
    ['mean_si=1', 'ERR_BAD_PARAMETER', 'mean_si'],
    ['mean_si=abc', 'ERR_BAD_PARAMETER', 'mean_si'],
    ['std_si=0', 'ERR_BAD_PARAMETER', 'std_si'],
    ['window=0', 'ERR_BAD_PARAMETER', 'window'],
    ['window=500', 'ERR_BAD_PARAMETER', 'window'],
    ['si_distr=0,0.5,x', 'ERR_BAD_PARAMETER', 'si_distr'],
    ['si_distr=0.2,0.8', 'ERR_BAD_PARAMETER', 'si_distr'],
    ['si_distr=0,0.5,0.2', 'ERR_BAD_PARAMETER', 'si_distr'],
    ['mean_prior=0', 'ERR_BAD_PARAMETER', 'mean_prior'],
    ['from=2021-02-01&to=2021-01-01', 'ERR_DATE_RANGE', 'from'],
    ['as_of=yesterday', 'ERR_BAD_DATE', 'as_of'],
    ['metric=new_confirmed', 'ERR_BAD_PARAMETER', 'metric'],
    ['bogus=1', 'ERR_BAD_PARAMETER', 'bogus'],
  ])('location=DE&%s → 400 %s naming %s', async (query, code, parameter) => {
    const r = await get(`/v1/models/rt?location=DE&${query}`);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error).toMatchObject({ code, parameter });
  });

  it('answers 400 ERR_SERIES_TOO_SHORT when no stretch of the series is as long as a window needs, 400 for an unknown location', async () => {
    // The Diamond Princess (under Canada) has a few weeks of cases.
    expect((await get('/v1/models/rt?location=CA_DIAMOND-PRINCESS')).statusCode).toBe(200);
    const short = await get('/v1/models/rt?location=CA_DIAMOND-PRINCESS&window=90');
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'ERR_SERIES_TOO_SHORT', parameter: 'window' });
    const unknown = await get('/v1/models/rt?location=XX_NOWHERE');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.parameter).toBe('location');
  });

  it('glacier rt prints the API’s rows as CSV', async () => {
    let out = '';
    await printRt(f.t.db, rtRequest({ location: 'FR', from: '2021-01-01', to: '2021-03-31' }), 'csv', (t) => (out += t));
    const api = await get('/v1/models/rt?location=FR&from=2021-01-01&to=2021-03-31&format=csv');
    expect(out).toBe(api.body);
  });
});
