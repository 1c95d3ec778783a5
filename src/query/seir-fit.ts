import type { FitResult } from '../models/seir/fit.js';
import { betaOn, COVID_DEFAULTS } from '../models/seir/params.js';
import { project, type TransmissionEdit } from '../models/seir/scenario.js';
import type { Db } from '../store/db.js';
import { QueryError } from './errors.js';
import type { SeirFitBody } from './seir-schemas.js';
import { dateAt, fitInput, offsetOf, type FitInput } from './seir-fit-input.js';
import { runOffThread } from './model-pool.js';
import { diseaseParams } from './seir-params.js';

/** A fit's work bounds: past either, the request ends with ERR_MODEL_TIMEOUT instead of running on. */
export const FIT_BUDGET = { maxEvaluations: 300_000, timeLimitMs: 20_000 };

const orNull = (a: Float64Array | null, length: number) => (a ? Array.from({ length }, (_, k) => (k < a.length && !Number.isNaN(a[k]) ? a[k] : null)) : null);
const estimate = (e: { value: number; lower: number | null; upper: number | null }) => ({ value: e.value, lower: e.lower, upper: e.upper });

/** POST /v1/models/seir/fit. `dataVersion` is read only for stored input. */
export async function runFit(db: Db, b: SeirFitBody, dataVersion: () => Promise<number>) {
  const input = await fitInput(db, b);
  const n = input.cases.length;
  const changeDays = (b.change_dates ?? []).map((date, i) => {
    const d = offsetOf(input, date);
    if (d <= 0 || d >= n) throw new QueryError('ERR_MODEL_INPUT', `change_dates[${i}]: ${date} is not after the first day (${input.start}) and within the data (to ${dateAt(input, n - 1)})`, `change_dates[${i}]`);
    return d;
  });
  if (changeDays.some((d, i) => i > 0 && d <= changeDays[i - 1])) throw new QueryError('ERR_MODEL_INPUT', 'change_dates: must be in increasing order', 'change_dates');
  const free = new Set(b.free ?? []);
  if (free.has('ifr') && !input.deaths) throw new QueryError('ERR_MODEL_INPUT', 'free: ifr can be fitted only with deaths (observed.deaths or fit_deaths)', 'free');
  const disease = diseaseParams(b);
  const started = performance.now();
  // In a worker thread: a fit is seconds of numerics that must not hold the event loop.
  const fit: FitResult = await runOffThread('seirFit', {
    structure: disease.structure, population: input.population, cases: input.cases, deaths: input.deaths, changeDays,
    sigma: disease.sigma, gamma: disease.gamma, reporting: disease.reporting, reportingDelay: disease.reportingDelay, ifr: disease.deaths!.ifr, deathDelay: disease.deaths!.delay,
    free: { gamma: free.has('gamma'), reporting: free.has('reporting'), ifr: free.has('ifr') },
    likelihood: b.likelihood ?? 'negbin', starts: b.starts ?? 4, seed: b.seed ?? 1, intervals: b.intervals ?? 'profile', budget: FIT_BUDGET,
  });
  const seconds = (performance.now() - started) / 1000;
  const horizon = b.horizon ?? (b.scenarios?.length ? 60 : 0);
  const total = n + horizon;
  const p = fit.params;
  const curve = horizon ? project(p, total, []) : fit.fitted;
  const dates = Array.from({ length: total }, (_, k) => dateAt(input, k));
  const scenarios = (b.scenarios ?? []).map((s, i) => {
    const day = offsetOf(input, s.from);
    if (day < 0 || day >= total) throw new QueryError('ERR_MODEL_INPUT', `scenarios[${i}].from: ${s.from} is outside ${input.start}..${dates[total - 1]} (raise horizon)`, `scenarios[${i}].from`);
    if ((s.factor === undefined) === (s.r === undefined)) throw new QueryError('ERR_BAD_PARAMETER', `scenarios[${i}]: give exactly one of factor or r`, `scenarios[${i}]`);
    const edit: TransmissionEdit = s.factor !== undefined ? { day, factor: s.factor } : { day, beta: s.r! * p.gamma };
    const t = project(p, total, [edit]);
    const r = (s.factor !== undefined ? betaOn(p.beta, day) * s.factor : s.r! * p.gamma) / p.gamma;
    return { name: s.name, from: s.from, r, date: dates, cases: Array.from(t.cases), deaths: Array.from(t.deaths), infections: Array.from(t.infections) };
  });
  const named = (name: string) => fit.estimates.find((e) => e.name === name)?.value ?? null;
  // The periods as given (not 1/(1/x), which picks up rounding), unless fitted.
  const periods = { latent: b.latent_period ?? COVID_DEFAULTS.latentPeriod, infectious: free.has('gamma') ? 1 / p.gamma : b.infectious_period ?? COVID_DEFAULTS.infectiousPeriod };
  return {
    meta: {
      model: p.structure, start: input.start, end: dateAt(input, n - 1), days: n, observations: fit.observations, population: input.population,
      likelihood: b.likelihood ?? 'negbin', intervals: b.intervals ?? 'profile', location: input.location, as_of: input.asOf, sources: input.sources,
      data_version: input.stored ? await dataVersion() : null, excluded_days: input.excluded, imputed_days: input.imputed,
    },
    estimates: {
      r0: estimate(fit.r0),
      segments: fit.segments.map((s) => ({ from: dateAt(input, s.day), day: s.day, beta: s.beta, r: estimate(s.r) })),
      seed: named('seed')!,
      latent_period: periods.latent, infectious_period: periods.infectious, reporting: p.reporting, ifr: p.deaths?.ifr ?? 0,
      dispersion_cases: named('dispersion_cases'), dispersion_deaths: named('dispersion_deaths'),
      free: fit.estimates.map((e) => e.name),
    },
    log_likelihood: fit.logLik,
    aic: fit.aic,
    optimizer: {
      method: fit.optimizer.method, starts: fit.optimizer.starts, start_log_likelihoods: fit.optimizer.startLogLiks, starts_agreeing: fit.optimizer.startsAgreeing,
      evaluations: fit.optimizer.evaluations, converged: fit.optimizer.converged, seconds,
    },
    params: simulateBody(p, input, total, periods),
    fitted: {
      date: dates, observed_cases: orNull(input.cases, total)!, cases: Array.from(curve.cases),
      observed_deaths: orNull(input.deaths, total), deaths: Array.from(curve.deaths),
    },
    scenarios,
  };
}

/** The fitted model as a body for POST /v1/models/seir/simulate. */
function simulateBody(p: FitResult['params'], input: FitInput, days: number, periods: { latent: number; infectious: number }) {
  return {
    model: p.structure, days, start: input.start, population: p.population,
    latent_period: periods.latent, infectious_period: periods.infectious, reporting: p.reporting, report_delay: p.reportingDelay ?? 0, ifr: p.deaths?.ifr ?? 0, death_delay: p.deaths?.delay ?? 0,
    beta: { value: p.beta.value, changes: p.beta.changes.map((c) => ({ day: c.day, value: c.value })) },
    initial: { ...p.initial },
  };
}

