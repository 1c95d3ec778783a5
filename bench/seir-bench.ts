/**
 * SEIR fit on a real country series: Germany's first wave from the JHU global files in the data
 * mirror (parsed by the project's jhu-global parser), fitted as POST /v1/models/seir/fit fits it
 * by default (negative binomial, 4 starts, 95 % profile intervals for every R), cases and deaths,
 * with a 7-day reporting delay (docs/models/seir.md). Prints the median wall time of 3 fits against
 * the goal (< 2 s), and their CPU time, which other processes on the machine disturb less.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { dayNumber, isoFromDay } from '../src/domain/dates.js';
import { toDailyIncidence } from '../src/models/incidence.js';
import { fitEpidemic, type FitResult } from '../src/models/seir/fit.js';
import { COVID_DEFAULTS } from '../src/models/seir/params.js';
import { parseJhuGlobal } from '../src/sources/jhu-global/parse.js';
import { SHARED_DATA } from './config.js';

export const SEIR_GOAL_SECONDS = 2;

const COUNTRY = 'Germany';
const FROM = '2020-02-24';
const TO = '2020-05-31';
/** School closures (16 March 2020) and the contact ban (22–23 March 2020). */
const CHANGE_DATES = ['2020-03-16', '2020-03-23'];
/** Days from becoming infectious to being reported (docs/models/seir.md: ~1.5 d to symptoms + ~5 d to report). */
const REPORT_DELAY = 7;

function readFile(rel: string): string {
  return gunzipSync(readFileSync(path.join(SHARED_DATA, rel))).toString('utf8');
}

/** Daily new cases or deaths of the country over FROM..TO, NaN where unknown. */
function dailySeries(metric: 'confirmed' | 'deaths'): Float64Array {
  const rel = `jhu/time_series/time_series_covid19_${metric}_global.csv.gz`;
  const parsed = parseJhuGlobal([{ fileId: metric, name: rel, text: readFile(rel) }]);
  const row = parsed.series.find((s) => s.place.kind === 'names' && s.place.country === COUNTRY && !s.place.province);
  if (!row) throw new Error(`no ${COUNTRY} row in ${rel}`);
  const from = dayNumber(FROM) - row.start, to = dayNumber(TO) - row.start;
  const daily = new Float64Array(to - from + 1);
  const covers = new Int32Array(daily.length);
  for (let i = from; i <= to; i++) {
    const change = row.values[i] - row.values[i - 1];
    daily[i - from] = change;
    covers[i - from] = Number.isNaN(change) ? 0 : 1;
  }
  return toDailyIncidence({ daily, covers, flags: Array.from(daily, () => []) }).values;
}

function population(): number {
  const line = readFileSync(path.join(SHARED_DATA, 'jhu/UID_ISO_FIPS_LookUp_Table.csv'), 'utf8').split('\n').find((l) => l.includes(`,,${COUNTRY},`) && l.split(',')[6] === '');
  if (!line) throw new Error(`no ${COUNTRY} in the UID lookup table`);
  return Number(line.trim().split(',').at(-1));
}

export interface SeirBenchResult {
  country: string;
  days: number;
  medianSeconds: number;
  /** Median CPU time (user + system) of the same runs. */
  cpuSeconds: number;
  runsSeconds: number[];
  goalSeconds: number;
  pass: boolean;
  r0: number;
  evaluations: number;
}

export async function runSeirBench(log: (line: string) => void): Promise<SeirBenchResult> {
  const cases = dailySeries('confirmed');
  const deaths = dailySeries('deaths');
  const start = dayNumber(FROM);
  const options = {
    structure: 'seir' as const, population: population(), cases, deaths,
    changeDays: CHANGE_DATES.map((d) => dayNumber(d) - start),
    sigma: 1 / COVID_DEFAULTS.latentPeriod, gamma: 1 / COVID_DEFAULTS.infectiousPeriod, reporting: 1, reportingDelay: REPORT_DELAY,
    ifr: COVID_DEFAULTS.ifr, deathDelay: COVID_DEFAULTS.deathDelay,
    free: { gamma: false, reporting: false, ifr: true }, likelihood: 'negbin' as const,
    starts: 4, seed: 1, intervals: 'profile' as const, budget: { maxEvaluations: 300_000, timeLimitMs: 60_000 },
  };
  log(`SEIR fit: ${COUNTRY} (JHU global) ${FROM}..${TO}, ${cases.length} days of cases and deaths, changes ${CHANGE_DATES.join(', ')}, report delay ${REPORT_DELAY} d; negbin, 4 starts, profile intervals`);
  const runs: number[] = [];
  const cpu: number[] = [];
  let fit: FitResult | null = null;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    fit = fitEpidemic(options);
    const c = process.cpuUsage(c0);
    runs.push((performance.now() - t0) / 1000);
    cpu.push((c.user + c.system) / 1e6);
  }
  const median = [...runs].sort((a, b) => a - b)[1];
  const cpuMedian = [...cpu].sort((a, b) => a - b)[1];
  const f = fit!;
  const fmt = (e: { value: number; lower: number | null; upper: number | null }) => `${e.value.toFixed(2)} (${e.lower?.toFixed(2) ?? '–'}–${e.upper?.toFixed(2) ?? '–'})`;
  log(`  R by segment: ${f.segments.map((s) => `${isoFromDay(start + s.day)} ${fmt(s.r)}`).join(', ')}; log-lik ${f.logLik.toFixed(1)}, ${f.optimizer.evaluations} evaluations`);
  const pass = median < SEIR_GOAL_SECONDS;
  log(`  wall time median of 3: ${median.toFixed(2)} s (runs ${runs.map((r) => r.toFixed(2)).join(', ')}; CPU ${cpuMedian.toFixed(2)} s); goal < ${SEIR_GOAL_SECONDS} s: ${pass ? 'PASS' : 'MISS'}`);
  return { country: COUNTRY, days: cases.length, medianSeconds: median, cpuSeconds: cpuMedian, runsSeconds: runs, goalSeconds: SEIR_GOAL_SECONDS, pass, r0: f.r0.value, evaluations: f.optimizer.evaluations };
}
