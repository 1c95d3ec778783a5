import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../../test/shared-data.js';
import { RtInputError } from './errors.js';
import { estimateRt, overallInfectivity, type RtWindowEstimate } from './estimate-rt.js';

/** EpiEstim 2.2-4's own input, SI and output for a 100-day series (../shared/oracles/epiestim, config.json). */
const ORACLE = path.join(path.dirname(SHARED_DATA), 'oracles', 'epiestim');
const table = (file: string) => readFileSync(path.join(ORACLE, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
const config = JSON.parse(readFileSync(path.join(ORACLE, 'config.json'), 'utf8')) as { mean_si: number; std_si: number; mean_prior: number; std_prior: number; cv_posterior: number; window_days: number };
const incidence = table('synthetic_input.csv').map((r) => r[1]);
const oracleSi = table('synthetic_si_distr.csv').map((r) => r[1]);
const oracleR = table('synthetic_output_R.csv');

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
/** Our row in EpiEstim's column order: t_start, t_end (1-based), Mean, Std, Q0.025, Q0.05, Q0.25, Median, Q0.75, Q0.95, Q0.975. */
const asEpiEstimRow = (w: RtWindowEstimate) => [w.start + 1, w.end + 1, w.mean, w.sd, w.q0_025, w.q0_05, w.q0_25, w.median, w.q0_75, w.q0_95, w.q0_975];

function expectMatchesOracle(windows: RtWindowEstimate[]) {
  const rows = windows.filter((w) => w.early === null).map(asEpiEstimRow);
  expect(rows).toHaveLength(oracleR.length);
  let worst = 0;
  rows.forEach((row, i) => row.forEach((v, j) => (worst = Math.max(worst, relErr(v, oracleR[i][j])))));
  expect(worst).toBeLessThanOrEqual(1e-9);
}

describe('estimateRt against EpiEstim 2.2-4 (golden)', () => {
  const prior = { mean: config.mean_prior, sd: config.std_prior };

  it('parametric SI (4.8, 2.3): every number of every window within 1e-9', () => {
    const r = estimateRt(incidence, { serialInterval: { kind: 'parametric', mean: config.mean_si, sd: config.std_si }, windows: { kind: 'sliding', length: config.window_days }, prior, cvPosterior: config.cv_posterior });
    expectMatchesOracle(r.windows);
    // The defaults are EpiEstim's: the same call without them gives the same windows.
    expect(estimateRt(incidence, { serialInterval: { kind: 'parametric', mean: 4.8, sd: 2.3 } }).windows).toEqual(r.windows);
    // The serial interval EpiEstim used: w_0..w_T.
    expect(r.serialInterval).toHaveLength(oracleSi.length);
    oracleSi.forEach((v, k) => (v > 1e-10 ? expect(relErr(r.serialInterval[k], v)).toBeLessThan(1e-9) : expect(Math.abs(r.serialInterval[k] - v)).toBeLessThan(1e-12)));
  });

  it('non-parametric SI given as EpiEstim’s vector: the same output', () => {
    const r = estimateRt(incidence, { serialInterval: { kind: 'distribution', weights: oracleSi }, prior });
    expectMatchesOracle(r.windows);
  });

  it('starts on the second day (t_start 2..T-6, t_end 8..T) and flags no window of this epidemic as early', () => {
    const r = estimateRt(incidence, { serialInterval: { kind: 'parametric', mean: 4.8, sd: 2.3 } });
    expect(r.windows[0]).toMatchObject({ start: 1, end: 7, early: null });
    expect(r.windows.at(-1)).toMatchObject({ start: 93, end: 99 });
  });
});

describe('estimateRt against the published Cori posterior example', () => {
  // Incidence [1,3,4,7,10,3], w = [0,0.3,0.4,0.2,0.1], 3-day windows, prior shape 1 scale 5 (epyestim's test; field notes §4.2).
  const I = [1, 3, 4, 7, 10, 3];
  const si = { kind: 'distribution' as const, weights: [0, 0.3, 0.4, 0.2, 0.1] };
  const scales = [1 / 1.8, 1 / 4.4, 1 / 8.5, 1 / 14.1];

  it('day 1 read like any other: posterior shapes [9,15,22,21], mean R [5, 3.4091, 2.5882, 1.4894]', () => {
    const r = estimateRt(I, { serialInterval: si, windows: { kind: 'given', start: [0, 1, 2, 3], end: [2, 3, 4, 5] }, firstDayImported: false });
    expect(r.windows.map((w) => w.shape)).toEqual([9, 15, 22, 21]);
    r.windows.forEach((w, i) => expect(w.scale).toBeCloseTo(scales[i], 12));
    expect(r.windows.map((w) => Number(w.mean.toFixed(4)))).toEqual([5, 3.4091, 2.5882, 1.4894]);
    r.windows.forEach((w) => expect(w.sd).toBeCloseTo(Math.sqrt(w.shape) * w.scale, 14));
  });

  it('EpiEstim’s rule (first day imported) drops only the window containing day 1', () => {
    const r = estimateRt(I, { serialInterval: si, windows: { kind: 'sliding', length: 3 } });
    expect(r.windows.map((w) => [w.start, w.end, w.shape])).toEqual([[1, 3, 15], [2, 4, 22], [3, 5, 21]]);
    r.windows.forEach((w, i) => expect(w.scale).toBeCloseTo(scales[i + 1], 12));
  });

  it('overall infectivity Λ = [0, 0.3, 1.3, 2.6, 4.3, 6.6] for w = [0,0.3,0.4,0.2,0]', () => {
    const l = overallInfectivity(I, [0, 0.3, 0.4, 0.2, 0], false);
    [0, 0.3, 1.3, 2.6, 4.3, 6.6].forEach((v, t) => expect(l[t]).toBeCloseTo(v, 12));
    expect(overallInfectivity(I, [0, 0.3, 0.4, 0.2, 0])[0]).toBeNaN(); // EpiEstim: day 1 has no past
  });
});

describe('estimateRt: windows too early to trust', () => {
  const si = { kind: 'distribution' as const, weights: [0, 0.5, 0.5] }; // mean 1.5 days
  const reasons = (I: number[], weights = si.weights) =>
    estimateRt(I, { serialInterval: { kind: 'distribution', weights }, windows: { kind: 'sliding', length: 3 } }).windows.map((w) => w.early);

  it('fewer than 12 cases seen by the window’s end (Cori et al.)', () => {
    // Window 1..3 has seen 1+2+3+4 = 10 cases; window 2..4 has seen 15 and holds 12 ≥ 11.
    expect(reasons([1, 2, 3, 4, 5, 6, 2, 1, 0, 0, 0, 0])).toEqual(['few_cumulative_cases', null, null, null, null, null, null, null, null]);
  });

  it('too few cases in the window for a posterior CV of 0.3: ceil(1/0.3² − 1) = 11 (EpiEstim’s warning)', () => {
    expect(reasons([20, 1, 1, 1, 10, 10, 10, 0, 0])).toEqual(['low_window_incidence', null, null, null, null, null]);
    expect(estimateRt([20, 1, 1, 1], { serialInterval: si, windows: { kind: 'sliding', length: 3 } }).minWindowCases).toBe(11);
  });

  it('ending within one mean serial interval of the start (EpiEstim gives no estimate there)', () => {
    const w = [0, 0, 0, 0, 0, 1]; // mean 5 days: windows must end after day 5
    expect(reasons([30, 30, 30, 30, 30, 30, 30], w)).toEqual(['before_mean_si', 'before_mean_si', null, null]);
  });
});

describe('estimateRt refuses bad input with typed errors', () => {
  const parametric = { kind: 'parametric' as const, mean: 4.7, sd: 2.9 };
  const fails = (fn: () => unknown, parameter: string, tooShort = false) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(RtInputError);
      expect((e as RtInputError).parameter).toBe(parameter);
      expect((e as RtInputError).tooShort).toBe(tooShort);
      return;
    }
    throw new Error('did not throw');
  };
  const I = Array.from({ length: 20 }, (_, i) => 10 + i);

  it('negative or unknown incidence', () => {
    fails(() => estimateRt([1, 2, -1, 4, 5, 6, 7, 8, 9], { serialInterval: parametric }), 'incidence');
    fails(() => estimateRt([1, 2, Number.NaN, 4, 5, 6, 7, 8, 9], { serialInterval: parametric }), 'incidence');
  });

  it('a mean SI of 1 day or less, a non-positive SI sd, a bad SI vector', () => {
    fails(() => estimateRt(I, { serialInterval: { kind: 'parametric', mean: 1, sd: 1 } }), 'mean_si');
    fails(() => estimateRt(I, { serialInterval: { kind: 'parametric', mean: 4, sd: 0 } }), 'std_si');
    fails(() => estimateRt(I, { serialInterval: { kind: 'distribution', weights: [0.1, 0.5, 0.4] } }), 'si_distr');
    fails(() => estimateRt(I, { serialInterval: { kind: 'distribution', weights: [0, 0.5, 0.4] } }), 'si_distr');
    fails(() => estimateRt(I, { serialInterval: { kind: 'distribution', weights: [0, 1.5, -0.5] } }), 'si_distr');
  });

  it('a window longer than the series (too short), a window of 0 days, bad given windows, a bad prior', () => {
    fails(() => estimateRt(I.slice(0, 7), { serialInterval: parametric }), 'window', true);
    expect(estimateRt(I.slice(0, 8), { serialInterval: parametric }).windows).toHaveLength(1);
    fails(() => estimateRt(I, { serialInterval: parametric, windows: { kind: 'sliding', length: 0 } }), 'window');
    fails(() => estimateRt(I, { serialInterval: parametric, windows: { kind: 'given', start: [0], end: [5] } }), 't_start');
    fails(() => estimateRt(I, { serialInterval: parametric, windows: { kind: 'given', start: [3], end: [20] } }), 't_end');
    fails(() => estimateRt(I, { serialInterval: parametric, prior: { mean: 0, sd: 5 } }), 'mean_prior');
    fails(() => estimateRt(I, { serialInterval: parametric, prior: { mean: 5, sd: -1 } }), 'std_prior');
  });
});
