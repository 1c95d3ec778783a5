import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromUsShortDate, dayNumber, isoFromDay } from '../src/domain/dates.js';
import { apiFixture, readCsv, type ApiFixture } from './api-fixture.js';
import { DB_TARGETS } from './databases.js';
import { dxyChinaAreas } from './dxy-areas.js';
import { dataPath } from './shared-data.js';

type Run = { from: string; to: string };
interface CompactSeries {
  location: string;
  metric: string;
  start: string;
  values: (number | null)[];
  missing: (Run & { reason: string })[];
  issues: (Run & { issue: string })[];
  sources: (Run & { source: string; derived: boolean })[];
  flags: { date: string; code: string }[];
}

/** The long rows a compact JSON series stands for. */
function expand(s: CompactSeries) {
  const at = <T extends Run>(list: T[], day: number) => list.find((r) => dayNumber(r.from) <= day && day <= dayNumber(r.to));
  return s.values.map((value, i) => {
    const day = dayNumber(s.start) + i;
    const src = at(s.sources, day);
    return {
      location: s.location, date: isoFromDay(day), metric: s.metric, value, missing_reason: at(s.missing, day)?.reason ?? null,
      source: src?.source ?? null, derived: src?.derived ?? null, issue: at(s.issues, day)?.issue ?? null,
      flags: s.flags.filter((f) => f.date === isoFromDay(day)).map((f) => f.code),
    };
  });
}

const finalConfirmed = gunzipSync(readFileSync(dataPath('jhu/time_series/time_series_covid19_confirmed_global.csv.gz'))).toString('utf8');

/** Values of one row of the final global confirmed file, by ISO date. */
function fileRow(province: string, country: string): Map<string, number> {
  const lines = finalConfirmed.trim().split('\n');
  const dates = lines[0].split(',').slice(4).map((h) => isoFromDay(dayFromUsShortDate(h)));
  const line = lines.find((l) => l.startsWith(`${province},${country},`))!;
  return new Map(line.split(',').slice(4).map((v, i) => [dates[i], Number(v)]));
}

describe.each(DB_TARGETS)('API v1 on %s', (target) => {
  let f: ApiFixture;
  const get = (url: string, headers: Record<string, string> = {}) => f.app.inject({ method: 'GET', url, headers });
  const json = async (url: string) => {
    const r = await get(url);
    expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
    return r.json();
  };
  /** Long rows of a /v1/series request (its JSON Lines form). */
  const longRows = async (url: string) => {
    const r = await get(`${url}&format=jsonl`);
    expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
    return r.body.trim().split('\n').filter((l) => l).map((l) => JSON.parse(l));
  };
  beforeAll(async () => {
    f = await apiFixture(target);
  }, 300_000);
  afterAll(async () => f?.close());

  describe('/v1/series', () => {
    it('serves a country’s values exactly as the source published them, with provenance', async () => {
      const body = await json('/v1/series?location=FR&metric=confirmed&source=jhu-global');
      const expected = fileRow('', 'France');
      expect(body.series).toHaveLength(1);
      const fr = body.series[0];
      expect(fr).toMatchObject({ location: 'FR', metric: 'confirmed', start: '2020-01-22', end: '2023-03-09' });
      expect(fr.sources).toEqual([{ from: '2020-01-22', to: '2023-03-09', source: 'jhu-global', derived: false }]);
      expect(fr.values).toHaveLength(expected.size);
      expect(fr.issues).toEqual([{ from: '2020-01-22', to: '2023-03-09', issue: '2023-03-10' }]);
      const missing = new Set<string>();
      for (const m of fr.missing) for (let d = dayNumber(m.from); d <= dayNumber(m.to); d++) missing.add(isoFromDay(d));
      [...expected].forEach(([date, v], i) => expect(fr.values[i], date).toBe(missing.has(date) ? null : v));
      expect(missing.size).toBeGreaterThan(0); // France's 2023 weekends
      expect(fr.flags.map((f: { code: string }) => f.code)).toContain('cadence_change');
    });

    it('answers the same rows as JSON, CSV and JSON Lines', async () => {
      const q = '/v1/series?location=IT,CN,US_CA,US_TX_48201&metric=confirmed,deaths&from=2020-12-20&to=2020-12-30&transform=daily';
      const grouped = await json(q);
      expect(grouped.series.map((s: { location: string; metric: string }) => `${s.location}/${s.metric}`)).toEqual(
        ['IT/confirmed', 'IT/deaths', 'CN/confirmed', 'CN/deaths', 'US_CA/confirmed', 'US_CA/deaths', 'US_TX_48201/confirmed', 'US_TX_48201/deaths'],
      );
      const fromJson = grouped.series.flatMap(expand);
      const jl = await get(`${q}&format=jsonl`);
      expect(jl.headers['content-type']).toMatch(/^application\/x-ndjson/);
      const fromJsonl = jl.body.trim().split('\n').map((l) => JSON.parse(l));
      expect(fromJsonl).toEqual(fromJson);
      const csv = await get(`${q}&format=csv`);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const fromCsv = readCsv(csv.body);
      expect(Object.keys(fromCsv[0])).toEqual(['location', 'date', 'metric', 'value', 'missing_reason', 'source', 'derived', 'issue', 'flags']);
      const asCsv = (v: unknown) => (v === null ? '' : Array.isArray(v) ? v.join(';') : String(v));
      expect(fromCsv).toEqual(fromJson.map((r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, asCsv(v)]))));
      expect(fromJson.length).toBe(3 * 2 * 11);
      // Harris County, Texas has no data in this database: listed, with no source and no values.
      expect(grouped.series[6]).toEqual({ location: 'US_TX_48201', metric: 'confirmed', start: null, end: null, values: [], missing: [], issues: [], sources: [], flags: [] });
    });

    it('marks derived totals and sums them from the provinces', async () => {
      const [cn] = await longRows('/v1/series?location=CN&metric=confirmed&from=2020-02-01&to=2020-02-01');
      const lines = finalConfirmed.split('\n').filter((l) => /^[^,]*,China,/.test(l));
      const col = finalConfirmed.split('\n')[0].split(',').indexOf('2/1/20');
      expect(cn).toMatchObject({ derived: true, source: 'jhu-global', value: lines.reduce((s, l) => s + Number(l.split(',')[col]), 0) });
    });

    it('never writes a fake zero: weekly reporting days are missing, and daily values carry the week', async () => {
      const it7 = await longRows('/v1/series?location=IT&metric=confirmed&from=2023-01-07&to=2023-01-13&transform=daily');
      expect(it7.slice(0, 6).map((r: { value: unknown; missing_reason: unknown }) => [r.value, r.missing_reason])).toEqual(Array(6).fill([null, 'not_reported']));
      const italy = fileRow('', 'Italy');
      expect(it7[6].value).toBe(italy.get('2023-01-13')! - italy.get('2023-01-06')!);
      const recovered = await longRows('/v1/series?location=FR&metric=recovered&from=2021-08-04&to=2021-08-05');
      expect(recovered.map((r: { missing_reason: unknown }) => r.missing_reason)).toEqual([null, 'discontinued']);
    });

    it('computes 7-day averages and per-100k rates', async () => {
      const fr = fileRow('', 'France');
      const [avg] = await longRows('/v1/series?location=FR&from=2021-03-01&to=2021-03-01&transform=daily_7day_avg');
      expect(avg.value).toBeCloseTo((fr.get('2021-03-01')! - fr.get('2021-02-22')!) / 7, 9);
      const loc = (await json('/v1/locations/FR')).data;
      const [rate] = await longRows('/v1/series?location=FR&from=2021-03-01&to=2021-03-01&transform=per_100k');
      expect(rate.value).toBeCloseTo((fr.get('2021-03-01')! / loc.population) * 1e5, 9);
    });

    it('selects one source with source=, and the default follows the precedence rule', async () => {
      const [best] = await longRows('/v1/series?location=US&from=2020-12-30&to=2020-12-30');
      expect(best).toMatchObject({ source: 'jhu-global', derived: false });
      const [us] = await longRows('/v1/series?location=US&source=jhu-us&from=2020-12-30&to=2020-12-30');
      expect(us).toMatchObject({ source: 'jhu-us', derived: true });
      const [ca] = await longRows('/v1/series?location=US_CA_06037&metric=deaths&from=2021-04-21');
      expect(ca).toMatchObject({ source: 'jhu-us', derived: false, issue: '2021-04-22' });
    });

    it('streams large requests and returns the same rows as small ones', async () => {
      const countries = (await json('/v1/latest?metric=confirmed&level=country')).data.slice(0, 45).map((r: { location: string }) => r.location);
      for (const format of ['json', 'csv']) {
        const big = await get(`/v1/series?location=${countries.join(',')}&from=2022-01-01&to=2022-01-03&format=${format}`);
        const small = [];
        for (const c of countries) small.push((await get(`/v1/series?location=${c}&from=2022-01-01&to=2022-01-03&format=${format}`)).body);
        if (format === 'json') expect(big.json().series).toEqual(small.flatMap((b) => JSON.parse(b).series));
        else expect(big.body).toBe(small[0].split('\r\n')[0] + '\r\n' + small.map((b) => b.split('\r\n').slice(1).join('\r\n')).join(''));
      }
    });

    const errors: [string, number, string, string | undefined][] = [
      ['/v1/series?location=ATLANTIS', 400, 'ERR_UNKNOWN_LOCATION', 'location'],
      ['/v1/series?location=FR&metric=cases', 400, 'ERR_UNKNOWN_METRIC', 'metric'],
      ['/v1/series?location=FR&from=2021-02-30', 400, 'ERR_BAD_DATE', 'from'],
      ['/v1/series?location=FR&as_of=yesterday', 400, 'ERR_BAD_DATE', 'as_of'],
      ['/v1/series?location=FR&from=2021-03-01&to=2021-02-01', 400, 'ERR_DATE_RANGE', 'from'],
      [`/v1/series?location=${Array.from({ length: 101 }, (_, i) => `K${i}`).join(',')}`, 400, 'ERR_TOO_MANY_LOCATIONS', 'location'],
      ['/v1/series?location=FR&transform=weekly', 400, 'ERR_BAD_PARAMETER', 'transform'],
      ['/v1/series?location=FR&format=xml', 400, 'ERR_BAD_PARAMETER', 'format'],
      ['/v1/series?location=FR&metrc=deaths', 400, 'ERR_BAD_PARAMETER', 'metrc'],
      ['/v1/series?metric=deaths', 400, 'ERR_BAD_PARAMETER', 'location'],
      ['/v1/series?location=FR&source=worldometers', 400, 'ERR_UNKNOWN_SOURCE', 'source'],
      ['/v1/latest?metric=cases', 400, 'ERR_UNKNOWN_METRIC', 'metric'],
      ['/v1/latest?level=city', 400, 'ERR_BAD_PARAMETER', 'level'],
      ['/v1/latest?parent=ATLANTIS', 400, 'ERR_UNKNOWN_LOCATION', 'parent'],
      ['/v1/locations?limit=0', 400, 'ERR_BAD_PARAMETER', 'limit'],
      ['/v1/revisions?location=DE&metric=confirmed', 400, 'ERR_BAD_PARAMETER', 'date'],
      ['/v1/revisions?location=ATLANTIS&date=2020-06-01', 400, 'ERR_UNKNOWN_LOCATION', 'location'],
      ['/v1/locations/ATLANTIS', 404, 'ERR_LOCATION_NOT_FOUND', undefined],
      ['/v1/sources/worldometers', 404, 'ERR_SOURCE_NOT_FOUND', undefined],
      ['/v1/sources/jhu-global/runs/999999', 404, 'ERR_RUN_NOT_FOUND', undefined],
      ['/v1/sources/jhu-global/runs/abc', 400, 'ERR_BAD_PARAMETER', 'run'],
      ['/v1/no-such-thing', 404, 'ERR_NOT_FOUND', undefined],
    ];
    it.each(errors)('%s → %i %s', async (url, status, code, parameter) => {
      const r = await get(url);
      expect(r.statusCode).toBe(status);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      const body = r.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message).toEqual(expect.any(String));
      expect(body.error.parameter).toBe(parameter);
    });
  });

  describe('several sources', () => {
    it('takes each date from the first source that covers it: JHU to 2023-03-09, then WHO', async () => {
      const it = (await json('/v1/series?location=IT&from=2023-03-01&to=2023-03-31')).series[0];
      expect(it.sources).toEqual([
        { from: '2023-03-01', to: '2023-03-09', source: 'jhu-global', derived: false },
        { from: '2023-03-10', to: '2023-03-31', source: 'who', derived: false },
      ]);
      const days = await longRows('/v1/series?location=IT&from=2023-03-04&to=2023-03-12');
      expect(days.map((r: { source: string }) => r.source)).toEqual([...Array(6).fill('jhu-global'), 'who', 'who', 'who']);
      // JHU's own missing days stay missing (Italy reported weekly), not filled from WHO.
      expect(days[0]).toMatchObject({ date: '2023-03-04', value: null, missing_reason: 'not_reported', source: 'jhu-global' });
    });

    it('compares all sources side by side with agreement statistics', async () => {
      const body = await json('/v1/compare?location=DE&metric=confirmed&from=2020-06-01&to=2020-12-31');
      expect(body.meta.reference).toBe('jhu-global');
      expect(body.sources.map((s: { source: string }) => s.source)).toEqual(['jhu-global', 'who']);
      const [jhu, whoData] = body.sources;
      expect(jhu.agreement).toBeNull();
      // Recompute the statistics from the values the response gives.
      let compared = 0;
      let differing = 0;
      for (let i = 0; i < jhu.values.length; i++) {
        if (jhu.values[i] === null || whoData.values[i] === null) continue;
        compared++;
        if (jhu.values[i] !== whoData.values[i]) differing++;
      }
      expect(whoData.agreement).toMatchObject({ days_compared: compared, days_differing: differing });
      expect(compared).toBeGreaterThan(20); // WHO's 2024 copy is weekly
      const csv = readCsv((await get('/v1/compare?location=DE&metric=confirmed&from=2020-06-01&to=2020-06-07&format=csv')).body);
      expect(csv).toHaveLength(14);
      expect((await get('/v1/compare?location=DE&reference=ecdc')).json().error).toMatchObject({ code: 'ERR_UNKNOWN_SOURCE', parameter: 'reference' });
    });

    it('ranks locations by how much their sources disagree', async () => {
      const body = await json('/v1/discrepancies?metric=confirmed&level=country&limit=20');
      expect(body.meta.total).toBeGreaterThan(100);
      const scores = body.data.map((r: { mean_rel_diff: number }) => r.mean_rel_diff);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(body.data[0]).toMatchObject({ reference: 'jhu-global', worst_source: 'who' });
      const top = body.data[0];
      const cmp = await json(`/v1/compare?location=${top.location}&metric=confirmed`);
      expect(cmp.sources.find((s: { source: string }) => s.source === 'who').agreement.mean_rel_diff).toBeCloseTo(top.mean_rel_diff, 12);
    });

    it('lists anomalies, the same as the series carry inline', async () => {
      const list = await json('/v1/anomalies?location=IT&metric=confirmed&source=jhu-global');
      expect(list.meta.total).toBe(list.data.length);
      expect(list.data.map((a: { code: string }) => a.code)).toContain('cadence_change');
      const inline = (await json('/v1/series?location=IT&source=jhu-global')).series[0].flags;
      expect(list.data.map((a: { date: string; code: string }) => `${a.date} ${a.code}`).sort()).toEqual(inline.map((f: { date: string; code: string }) => `${f.date} ${f.code}`).sort());
      const backlogs = await json('/v1/anomalies?code=backlog_dump&limit=5');
      expect(backlogs.data.every((a: { code: string; detail: { change: number } }) => a.code === 'backlog_dump' && a.detail.change >= 30)).toBe(true);
      const csv = readCsv((await get('/v1/anomalies?location=IT&metric=confirmed&source=jhu-global&format=csv')).body);
      expect(csv.map((r) => r.code)).toEqual(list.data.map((a: { code: string }) => a.code));
    });

    it('leaves flagged days out of the 7-day average when asked', async () => {
      const [flag] = (await json('/v1/anomalies?location=FR&metric=confirmed&source=jhu-global&code=backlog_dump&limit=1')).data;
      expect(flag).toBeDefined();
      const q = `/v1/series?location=FR&source=jhu-global&transform=daily_7day_avg&from=${flag.date}&to=${flag.date}`;
      const [plain] = (await json(q)).series[0].values;
      const [left] = (await json(`${q}&exclude_anomalies=true`)).series[0].values;
      expect(left).toBeLessThan(plain);
    });

    it('refuses transforms that do not apply to a metric', async () => {
      const r = await get('/v1/series?location=FR&metric=new_confirmed&transform=daily');
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'ERR_BAD_PARAMETER', parameter: 'transform' });
    });
  });

  describe('/v1/latest', () => {
    it('gives one row per country with its newest reported value, in JSON and CSV', async () => {
      const body = await json('/v1/latest?metric=confirmed&level=country');
      const keys = body.data.map((r: { location: string }) => r.location);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toContain('CN');
      const de = body.data.find((r: { location: string }) => r.location === 'DE');
      const deJhu = (await json('/v1/series?location=DE&source=jhu-global&from=2023-03-09')).series[0];
      expect(deJhu.values).toEqual([fileRow('', 'Germany').get('2023-03-09')]);
      expect(de).toMatchObject({ source: 'who', level: 'country' });
      expect(de.value_per_100k).toBeCloseTo((de.value / de.population) * 1e5, 9);
      // WHO reports Italy after JHU stopped: the newest value comes from WHO.
      const it = body.data.find((r: { location: string }) => r.location === 'IT');
      expect(it).toMatchObject({ source: 'who', date: '2024-08-04' });
      const csv = readCsv((await get('/v1/latest?metric=confirmed&level=country&format=csv')).body);
      expect(csv.map((r) => r.location)).toEqual(keys);
    });

    it('filters by parent', async () => {
      const rows = (await json('/v1/latest?metric=deaths&parent=US')).data;
      expect(rows.every((r: { parent: string }) => r.parent === 'US')).toBe(true);
      // The JHU US subset's states, and the territories WHO reports.
      expect(rows.map((r: { location: string }) => r.location)).toEqual(expect.arrayContaining(['US_CA', 'US_DIAMOND-PRINCESS', 'US_NY', 'US_PR', 'US_WA', 'US_GU']));
    });
  });

  describe('/v1/map', () => {
    type MapRow = { location: string; date: string; value: number; source: string | null };
    it('gives every country’s value on a day, as the source published it and as /v1/series serves it', async () => {
      const body = await json('/v1/map?metric=confirmed&level=country&date=2021-03-01&tolerance=0');
      expect(body.meta).toMatchObject({ metric: 'confirmed', transform: 'cumulative', date: '2021-03-01', level: 'country', last_date: '2024-08-04' });
      const fr = body.data.find((r: MapRow) => r.location === 'FR');
      expect(fr).toMatchObject({ date: '2021-03-01', value: fileRow('', 'France').get('2021-03-01'), source: 'jhu-global' });
      const keys = body.data.map((r: MapRow) => r.location);
      expect(keys).toEqual([...keys].sort());
      expect(keys.length).toBeGreaterThan(180);
      const sample = body.data.filter((_: MapRow, i: number) => i % 40 === 0);
      const series = (await json(`/v1/series?location=${sample.map((r: MapRow) => r.location).join(',')}&from=2021-03-01&to=2021-03-01`)).series;
      expect(sample.map((r: MapRow) => r.value)).toEqual(series.map((s: { values: number[] }) => s.values[0]));
    });

    it('applies transforms: the 7-day average per 100k of the file’s cumulative counts', async () => {
      const france = fileRow('', 'France');
      const pop = (await json('/v1/locations/FR')).data.population;
      const body = await json('/v1/map?metric=confirmed&transform=daily_7day_avg_per_100k&level=country&date=2021-03-01');
      const fr = body.data.find((r: MapRow) => r.location === 'FR');
      expect(fr.value).toBeCloseTo(((france.get('2021-03-01')! - france.get('2021-02-22')!) / 7 / pop) * 1e5, 9);
    });

    it('fills a weekly reporter’s days from its last report within the tolerance, and says which day', async () => {
      // Italy reported weekly in 2023 (Fridays): 2023-01-10 shows 2023-01-06's count.
      const week = (await json('/v1/map?metric=confirmed&level=country&date=2023-01-10')).data.find((r: MapRow) => r.location === 'IT');
      expect(week).toMatchObject({ date: '2023-01-06', value: fileRow('', 'Italy').get('2023-01-06') });
      const strict = (await json('/v1/map?metric=confirmed&level=country&date=2023-01-10&tolerance=0')).data;
      expect(strict.find((r: MapRow) => r.location === 'IT')).toBeUndefined();
    });

    it('gives US counties and states (children of a parent) in JSON and CSV', async () => {
      const counties = (await json('/v1/map?metric=confirmed&level=county&date=2020-12-01')).data;
      const la = counties.find((r: MapRow) => r.location === 'US_CA_06037');
      const raw = gunzipSync(readFileSync(dataPath('jhu/time_series_us/time_series_covid19_confirmed_US_asof_2020-12-31.csv.gz'))).toString('utf8').split('\n');
      const header = raw[0].split(',');
      // Counted from the end: Combined_Key is quoted and holds commas.
      expect(la.value).toBe(Number(raw.find((l) => l.startsWith('84006037,'))!.split(',').at(header.indexOf('12/1/20') - header.length)));
      expect(counties.filter((r: MapRow) => r.location.startsWith('US_CA_')).length).toBeGreaterThanOrEqual(58);
      const csv = readCsv((await get('/v1/map?metric=confirmed&parent=US_CA&date=2020-12-01&format=csv')).body);
      expect(csv.map((r) => r.location)).toEqual(counties.filter((r: MapRow) => r.location.startsWith('US_CA_')).map((r: MapRow) => r.location));
      expect(Number(csv.find((r) => r.location === 'US_CA_06037')!.value)).toBe(la.value);
      const states = (await json('/v1/map?metric=deaths&parent=US&date=2021-01-01')).data.map((r: MapRow) => r.location);
      expect(states).toEqual(expect.arrayContaining(['US_CA', 'US_NY', 'US_WA']));
    });

    it.each([
      ['/v1/map?metric=cases', 'ERR_UNKNOWN_METRIC', 'metric'],
      ['/v1/map?parent=ATLANTIS', 'ERR_UNKNOWN_LOCATION', 'parent'],
      ['/v1/map?metric=new_confirmed&transform=daily', 'ERR_BAD_PARAMETER', 'transform'],
      ['/v1/map?date=2021-02-30', 'ERR_BAD_DATE', 'date'],
      ['/v1/map?tolerance=99', 'ERR_BAD_PARAMETER', 'tolerance'],
    ])('%s → 400 %s', async (url, code, parameter) => {
      const r = await get(url);
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toMatchObject({ code, parameter });
    });
  });

  describe('/v1/locations', () => {
    it('finds places by name, alias or code, whatever the case and accents', async () => {
      for (const q of ["Côte d'Ivoire", 'cote divoire', 'CIV', 'Ivory Coast']) expect((await json(`/v1/locations?q=${encodeURIComponent(q)}`)).data[0].key, q).toBe('CI');
      expect((await json('/v1/locations?q=Korea%2C%20South')).data[0].key).toBe('KR');
      expect((await json('/v1/locations?q=us_ca')).data[0].key).toBe('US_CA');
      expect((await json('/v1/locations?q=hubei')).data[0].key).toBe('CN_HB');
    });

    it('finds places by their Chinese names and gives name_zh', async () => {
      const region = new Intl.DisplayNames(['zh-Hans-CN'], { type: 'region' });
      const hubei = dxyChinaAreas().find((a) => a.provinceEnglishName === 'Hubei')!;
      const wuhan = hubei.cities!.find((c) => c.cityName.startsWith('武汉'))!.cityName;
      const first = async (q: string) => (await json(`/v1/locations?q=${encodeURIComponent(q)}`)).data[0];
      expect(await first(hubei.provinceShortName)).toMatchObject({ key: 'CN_HB', name: 'Hubei', name_zh: hubei.provinceShortName });
      expect(await first(hubei.provinceName)).toMatchObject({ key: 'CN_HB' }); // the full name is an alias
      expect(await first(wuhan)).toMatchObject({ parent: 'CN_HB', level: 'county', name: 'Wuhan', name_zh: wuhan });
      expect(await first(region.of('US')!)).toMatchObject({ key: 'US', name_zh: region.of('US') });
      expect(await first(region.of('IT')!)).toMatchObject({ key: 'IT', name_zh: region.of('IT') });
      // Prefix and substring matches come after the exact one: 湖 starts 湖北 and 湖南.
      const lake = (await json(`/v1/locations?q=${encodeURIComponent('湖')}&level=subdivision&parent=CN`)).data.map((l: { key: string }) => l.key);
      expect(lake).toEqual(expect.arrayContaining(['CN_HB', 'CN_HN']));
      const detail = (await json('/v1/locations/CN_HB')).data;
      expect(detail.name_zh).toBe(hubei.provinceShortName);
      expect(detail.parent_location).toEqual({ key: 'CN', name: 'China', name_zh: region.of('CN'), level: 'country' });
      expect(detail.children).toContainEqual({ key: detail.children.find((c: { name: string }) => c.name === 'Wuhan').key, name: 'Wuhan', name_zh: wuhan, level: 'county' });
      expect((await json('/v1/locations/US_CA')).data.name_zh).toBeNull();
    });

    it('filters by level and parent and pages without overlap', async () => {
      const all = await json('/v1/locations?parent=US&level=subdivision&limit=1000');
      expect(all.data.every((l: { parent: string; level: string }) => l.parent === 'US' && l.level === 'subdivision')).toBe(true);
      expect(all.meta.total).toBe(all.data.length);
      const p1 = await json('/v1/locations?parent=US&level=subdivision&limit=10&offset=0');
      const p2 = await json('/v1/locations?parent=US&level=subdivision&limit=10&offset=10');
      expect([...p1.data, ...p2.data].map((l: { key: string }) => l.key)).toEqual(all.data.slice(0, 20).map((l: { key: string }) => l.key));
    });

    it('shows one location with its parent, children and series', async () => {
      const ca = (await json('/v1/locations/US_CA')).data;
      expect(ca).toMatchObject({ key: 'US_CA', level: 'subdivision', parent: 'US', name: 'California', fips: '06' });
      expect(ca.parent_location).toEqual({ key: 'US', name: 'United States', name_zh: new Intl.DisplayNames(['zh-Hans-CN'], { type: 'region' }).of('US'), level: 'country' });
      expect(ca.children.map((c: { key: string }) => c.key)).toContain('US_CA_06037');
      expect(ca.series).toContainEqual(expect.objectContaining({ metric: 'deaths', source: 'jhu-us', derived: true, best: true }));
    });
  });

  describe('/v1/revisions, /v1/sources, /v1/health, /v1/metrics', () => {
    it('lists the published values of a cell with the file they came from', async () => {
      const body = await json('/v1/revisions?location=DE&metric=confirmed&date=2020-06-01');
      expect(body.data).toEqual([
        expect.objectContaining({ source: 'jhu-global', issue: '2023-03-10', value: fileRow('', 'Germany').get('2020-06-01'), best: true, file: expect.objectContaining({ id: 'confirmed', url: expect.stringContaining('time_series_covid19_confirmed_global.csv') }) }),
      ]);
    });

    it('describes sources with licence, files, runs and the run report', async () => {
      const list = (await json('/v1/sources')).data;
      const g = list.find((s: { id: string }) => s.id === 'jhu-global');
      expect(g).toMatchObject({ license: { spdx: 'CC-BY-4.0' }, data_start: '2020-01-22', data_end: '2023-03-09', last_success: expect.objectContaining({ status: 'succeeded' }) });
      const detail = (await json('/v1/sources/jhu-global')).data;
      expect(detail.files.map((x: { id: string }) => x.id)).toEqual(['confirmed', 'deaths', 'recovered']);
      const run = (await json(`/v1/sources/jhu-global/runs/${detail.runs[0].id}`)).data;
      expect(run.files[0]).toMatchObject({ file_id: 'confirmed', origin: 'mirror', issue: '2023-03-10', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(run.report).toContainEqual(expect.objectContaining({ code: 'missing_rule' }));
    });

    it('reports health per source', async () => {
      const h = await json('/v1/health');
      expect(h).toMatchObject({ status: 'ok', database: { reachable: true, kind: target }, data_version: expect.any(Number) });
      expect(h.sources).toContainEqual(expect.objectContaining({ id: 'jhu-us', last_run_status: 'succeeded', data_end: '2021-04-21' }));
    });

    it('publishes the metric vocabulary and the missing reasons', async () => {
      const m = await json('/v1/metrics');
      expect(m.data.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(['confirmed', 'deaths', 'recovered', 'tests', 'new_confirmed', 'hospitalized_current']));
      expect(m.data.find((x: { id: string }) => x.id === 'new_confirmed')).toMatchObject({ kind: 'daily', of: 'confirmed', unit: 'people per day' });
      expect(Object.keys(m.missing_reasons)).toEqual(['not_reported', 'discontinued', 'incomplete', 'not_applicable']);
    });
  });

  describe('HTTP behaviour', () => {
    it('answers If-None-Match with 304 until the data changes', async () => {
      const url = '/v1/series?location=DE&from=2021-01-01&to=2021-01-05';
      const first = await get(url);
      const etag = first.headers.etag as string;
      expect(first.headers['cache-control']).toBe('public, max-age=60');
      expect((await get(url, { 'if-none-match': etag })).statusCode).toBe(304);
      await f.t.db.query('UPDATE data_version SET version = version + 1');
      const after = await get(url, { 'if-none-match': etag });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(etag);
      expect(after.body).toBe(first.body.replace(/"data_version":\d+/, `"data_version":${after.json().meta.data_version}`));
    });

    it('compresses large responses as the client asks, and allows cross-origin GETs', async () => {
      const url = '/v1/series?location=FR';
      const plain = await get(url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const gz = await get(url, { 'accept-encoding': 'gzip', origin: 'https://example.org' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers.vary).toMatch(/accept-encoding/i);
      expect(gz.headers['access-control-allow-origin']).toBe('*');
      expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
      const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
      expect((await get(url, { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding']).toBeUndefined();
      // Served again from the cache: the same bytes.
      expect((await get(url, { 'accept-encoding': 'gzip' })).rawPayload).toEqual(gz.rawPayload);
    });

    it('serves Swagger UI at /docs and the OpenAPI document at /openapi.json', async () => {
      expect((await get('/docs/')).statusCode).toBe(200);
      const doc = await json('/openapi.json');
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toContain('/v1/series');
    });
  });
});
