import { finalSusceptible } from './final-size.js';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromUsShortDate, isoFromDay } from '../src/domain/dates.js';
import { createRng } from '../src/models/seir/rng.js';
import { samplePoisson } from '../src/models/seir/sample-counts.js';
import { DB_TARGETS } from './databases.js';
import { apiFixture, type ApiFixture } from './api-fixture.js';
import { dataPath } from './shared-data.js';

/** Germany's daily changes in JHU's final global confirmed file, by ISO date (the test's own read). */
function germanyDaily(): Map<string, number> {
  const lines = gunzipSync(readFileSync(dataPath('jhu/time_series/time_series_covid19_confirmed_global.csv.gz'))).toString('utf8').trim().split('\n');
  const dates = lines[0].split(',').slice(4).map((h) => isoFromDay(dayFromUsShortDate(h)));
  const values = lines.find((l) => l.startsWith(',Germany,'))!.split(',').slice(4).map(Number);
  return new Map(dates.slice(1).map((d, i) => [d, values[i + 1] - values[i]]));
}

describe.each(DB_TARGETS)('POST /v1/models/seir on %s (real JHU data)', (target) => {
  let f: ApiFixture;
  const post = (what: 'simulate' | 'fit', body: unknown) => f.app.inject({ method: 'POST', url: `/v1/models/seir/${what}`, payload: body as object });
  const ok = async (what: 'simulate' | 'fit', body: unknown) => {
    const r = await post(what, body);
    expect(r.statusCode, r.body.slice(0, 400)).toBe(200);
    return r.json();
  };
  const fails = async (what: 'simulate' | 'fit', body: unknown, status: number, code: string, parameter?: string) => {
    const r = await post(what, body);
    expect(r.statusCode, r.body.slice(0, 400)).toBe(status);
    expect(r.json().error.code).toBe(code);
    if (parameter) expect(r.json().error.parameter).toBe(parameter);
    return r.json().error.message as string;
  };
  beforeAll(async () => {
    f = await apiFixture(target);
  }, 300_000);
  afterAll(async () => f?.close());

  describe('simulate', () => {
    it('conserves the population every day (with deaths) and ends at the SIR final size', async () => {
      const N = 1e6, R0 = 2.2, gamma = 1 / 4;
      const body = (ifr: number) => ({ model: 'sir', days: 1500, population: N, infectious_period: 4, ifr, death_delay: 0, beta: { value: R0 * gamma }, initial: { infectious: 10 }, start: '2020-03-01' });
      const withDeaths = (await ok('simulate', body(0.01))).series;
      expect(withDeaths.date[0]).toBe('2020-03-01');
      expect(withDeaths.cases).toHaveLength(1500);
      for (let k = 0; k < 1500; k++) {
        const s = withDeaths;
        const total = s.susceptible[k] + s.exposed[k] + s.infectious[k] + s.recovered[k] + s.dying[k] + s.dead[k];
        expect(Math.abs(total - N) / N).toBeLessThan(1e-6);
      }
      expect(withDeaths.dead[1499] / (N - withDeaths.susceptible[1499])).toBeCloseTo(0.01, 6);
      // Kermack–McKendrick (no deaths, so the mixing population stays N): S∞ = S0·exp(−R0·(N − S∞)/N).
      const plain = await ok('simulate', body(0));
      const sInf = finalSusceptible(N, N - 10, R0);
      expect(Math.abs(plain.series.susceptible[1499] - sInf) / (N - sInf)).toBeLessThan(1e-5);
      expect(plain.meta.r0).toBeCloseTo(R0, 12);
    });

    it('runs a metapopulation: symmetric travel between identical patches gives identical curves', async () => {
      const patch = (name: string) => ({ name, population: 2e5, initial: { exposed: 5, infectious: 5 } });
      const body = await ok('simulate', { days: 200, beta: { value: 0.6 }, patches: [patch('A'), patch('B'), { name: 'C', population: 1e5, initial: { infectious: 0 } }], mobility: [[0, 0.02, 0], [0.02, 0, 0], [0, 0, 0]] });
      const [a, b, c] = body.patches.map((p: { series: { cases: number[] } }) => p.series);
      a.cases.forEach((v: number, k: number) => expect(Math.abs(v - b.cases[k])).toBeLessThan(1e-9 * Math.max(1, v)));
      expect(Math.max(...c.infections)).toBeLessThan(1e-9); // C: nobody infected, nobody travels there
    });

    it('answers coded 400s naming the field', async () => {
      await fails('simulate', { days: 1501, population: 1e6, beta: { value: 0.5 } }, 400, 'ERR_BAD_PARAMETER', 'days');
      await fails('simulate', { days: 10, population: 1e6, beta: { value: -1 } }, 400, 'ERR_BAD_PARAMETER', 'beta.value');
      await fails('simulate', { days: 10, population: 1e6, beta: { value: 0.5 }, gamma: 0.2 }, 400, 'ERR_BAD_PARAMETER', 'gamma');
      await fails('simulate', { days: 10, population: 1e6, beta: { value: 0.5, changes: [{ day: 5, value: 0.1 }, { day: 2, value: 0.3 }] } }, 400, 'ERR_MODEL_INPUT', 'beta.changes[1].day');
      await fails('simulate', { days: 10, population: 1e6, beta: { value: 0.5 }, start: '2020-02-30' }, 400, 'ERR_BAD_DATE', 'start');
      await fails('simulate', { days: 10, beta: { value: 0.5 } }, 400, 'ERR_BAD_PARAMETER', 'population');
      await fails('simulate', { model: 'sir', days: 10, population: 100, beta: { value: 0.5 }, initial: { exposed: 1 } }, 400, 'ERR_MODEL_INPUT', 'initial.exposed');
      await fails('simulate', { days: 10, population: 100, beta: { value: 0.5 }, initial: { infectious: 200 } }, 400, 'ERR_MODEL_INPUT', 'initial');
      await fails('simulate', { days: 10, beta: { value: 0.5 }, patches: [{ name: 'A', population: 10 }], mobility: [[0, 1]] }, 400, 'ERR_MODEL_INPUT', 'mobility[0]');
      await fails('simulate', { days: 10, beta: { value: 0.5 }, patches: [{ name: 'A', population: 10, extra: 1 }], mobility: [[0]] }, 400, 'ERR_BAD_PARAMETER', 'patches[0].extra');
      await fails('simulate', { days: 10, population: 10, beta: { value: 0.5 }, patches: [{ name: 'A', population: 10 }], mobility: [[0]] }, 400, 'ERR_BAD_PARAMETER', 'population');
    });
  });

  describe('fit', () => {
    it('recovers the parameters of a series simulated by the API with Poisson noise', async () => {
      const truth = { days: 110, population: 4e6, reporting: 0.25, beta: { value: 2.5 / 3.47, changes: [{ day: 35, value: 0.8 / 3.47 }] }, initial: { exposed: 30, infectious: 20 } };
      const expected = (await ok('simulate', truth)).series.cases as number[];
      const rng = createRng(3);
      const cases: (number | null)[] = expected.map((mu) => samplePoisson(rng, mu));
      cases[50] = null; // a day not reported: skipped, not a zero
      const body = await ok('fit', {
        observed: { start: '2020-03-01', cases }, population: 4e6, reporting: 0.25, change_dates: ['2020-04-05'], likelihood: 'poisson', starts: 3,
        scenarios: [{ name: 'stop', from: '2020-06-19', factor: 0 }], horizon: 30,
      });
      const [s0, s1] = body.estimates.segments;
      expect(s1.from).toBe('2020-04-05');
      expect(Math.abs(body.estimates.r0.value / 2.5 - 1)).toBeLessThan(0.04);
      expect(Math.abs(s1.r.value / 0.8 - 1)).toBeLessThan(0.04);
      expect(s0.r.lower).toBeLessThan(2.5);
      expect(s0.r.upper).toBeGreaterThan(2.5);
      expect(s1.r.lower).toBeLessThan(0.8);
      expect(s1.r.upper).toBeGreaterThan(0.8);
      expect(body.meta).toMatchObject({ start: '2020-03-01', end: '2020-06-18', days: 110, observations: 109, location: null, data_version: null });
      expect(body.fitted.date).toHaveLength(140);
      expect(body.fitted.observed_cases[50]).toBeNull();
      expect(body.fitted.observed_cases[120]).toBeNull(); // the horizon
      // The scenario stops transmission from its date: no new infections after it.
      const stop = body.scenarios[0];
      expect(stop.r).toBe(0);
      const from = stop.date.indexOf('2020-06-19');
      for (let k = from; k < 140; k++) expect(stop.infections[k]).toBeLessThan(1e-6);
      // The fitted model, posted back to simulate, gives the fitted curve.
      const again = (await ok('simulate', body.params)).series.cases as number[];
      again.forEach((v, k) => expect(v).toBeCloseTo(body.fitted.cases[k], 1));
    });

    it('fits Germany’s stored first wave (JHU) and reads the cases as the file gives them', async () => {
      const body = await ok('fit', {
        location: 'DE', from: '2020-02-24', to: '2020-05-31', change_dates: ['2020-03-16', '2020-03-23'], report_delay: 7, likelihood: 'poisson', starts: 2, intervals: 'none',
      });
      expect(body.meta).toMatchObject({ location: 'DE', start: '2020-02-24', end: '2020-05-31', days: 98 });
      expect(body.meta.sources).toContain('jhu-global');
      expect(typeof body.meta.data_version).toBe('number');
      const file = germanyDaily();
      body.fitted.date.forEach((d: string, k: number) => {
        const v = file.get(d)!;
        if (v >= 0) expect(body.fitted.observed_cases[k], d).toBe(v); // negative changes are left out, never zeros
      });
      // Poisson maximum likelihood with a free scale (the seed, in an unsaturated population):
      // the fitted cases add up to the observed ones.
      let obs = 0, fit = 0;
      body.fitted.observed_cases.forEach((v: number | null, k: number) => { if (v !== null) { obs += v; fit += body.fitted.cases[k]; } });
      expect(Math.abs(fit / obs - 1)).toBeLessThan(0.01);
      // Germany's contact ban brought R below 1 (RKI's nowcasts, April 2020).
      expect(body.estimates.segments[2].r.value).toBeLessThan(1);
      expect(body.estimates.r0.value).toBeGreaterThan(1);
    });

    it('answers coded errors for bad input', async () => {
      const observed = { start: '2020-03-01', cases: Array.from({ length: 40 }, (_, k) => k) };
      await fails('fit', { location: 'XX_NOWHERE', from: '2020-03-01', to: '2020-05-01' }, 400, 'ERR_UNKNOWN_LOCATION', 'location');
      await fails('fit', { location: 'DE', from: '2020-05-01', to: '2020-03-01' }, 400, 'ERR_DATE_RANGE', 'from');
      await fails('fit', { location: 'DE', from: '2030-01-01' }, 404, 'ERR_NO_DATA');
      await fails('fit', { location: 'DE', from: '2020-03-01', to: '2020-05-01', change_dates: ['2020-06-01'] }, 400, 'ERR_MODEL_INPUT', 'change_dates[0]');
      await fails('fit', { observed, population: 1e6, location: 'DE' }, 400, 'ERR_BAD_PARAMETER', 'observed');
      await fails('fit', { observed }, 400, 'ERR_BAD_PARAMETER', 'population');
      await fails('fit', { population: 1e6 }, 400, 'ERR_BAD_PARAMETER', 'observed');
      await fails('fit', { observed: { ...observed, cases: [1, 2, -3] }, population: 1e6 }, 400, 'ERR_BAD_PARAMETER', 'observed.cases[2]');
      await fails('fit', { observed: { ...observed, cases: new Array(1501).fill(1) }, population: 1e6 }, 400, 'ERR_BAD_PARAMETER', 'observed.cases');
      await fails('fit', { observed: { ...observed, cases: [1, 2, 3] }, population: 1e6 }, 400, 'ERR_MODEL_INPUT', 'cases');
      await fails('fit', { observed, population: 1e6, free: ['ifr'] }, 400, 'ERR_MODEL_INPUT', 'free');
      await fails('fit', { observed, population: 1e6, starts: 21 }, 400, 'ERR_BAD_PARAMETER', 'starts');
      await fails('fit', { observed, population: 1e6, from: '2020-03-01' }, 400, 'ERR_BAD_PARAMETER', 'from');
      await fails('fit', { observed, population: 1e6, scenarios: [{ name: 'x', from: '2020-03-05' }] }, 400, 'ERR_BAD_PARAMETER', 'scenarios[0]');
    });
  });
});
