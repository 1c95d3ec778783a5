import { isoFromDay } from '../domain/dates.js';
import { FitBudgetError } from '../models/seir/budget.js';
import { OdeStepLimitError } from '../models/seir/ode.js';
import { ModelInputError, type EpidemicParams } from '../models/seir/params.js';
import type { Trajectory } from '../models/seir/simulate.js';
import { QueryError } from './errors.js';

/** Request fields shared by /v1/models/seir/simulate and /fit (defaults filled by the schema or here). */
export interface DiseaseFields {
  model?: 'seir' | 'sir';
  latent_period?: number;
  infectious_period?: number;
  reporting?: number;
  report_delay?: number;
  ifr?: number;
  death_delay?: number;
}

/** The disease part of the model parameters (everything but population, transmission and day 0). */
export function diseaseParams(b: DiseaseFields): Omit<EpidemicParams, 'population' | 'beta' | 'initial'> {
  return {
    structure: b.model ?? 'seir',
    sigma: 1 / (b.latent_period ?? 3.69),
    gamma: 1 / (b.infectious_period ?? 3.47),
    reporting: b.reporting ?? 1,
    reportingDelay: b.report_delay ?? 0,
    deaths: { ifr: b.ifr ?? 0.0066, delay: b.death_delay ?? 16 },
  };
}

/** Model errors as coded API errors: a bad input is a 400 naming its field, a run over budget a 422. */
export function modelError(err: unknown, prefix = ''): unknown {
  if (err instanceof ModelInputError) return new QueryError('ERR_MODEL_INPUT', `${prefix}${err.message}`, `${prefix}${err.field}`);
  if (err instanceof OdeStepLimitError) return new QueryError('ERR_MODEL_INPUT', `${err.message}; check the rates`, 'beta');
  if (err instanceof FitBudgetError) {
    return new QueryError('ERR_MODEL_TIMEOUT', `${err.message}; fit fewer days, fewer change dates or fewer starts, or set intervals to none`);
  }
  return err;
}

/** One population's run as response columns: flows during day k, compartments at the end of day k. */
export function seriesOut(t: Trajectory, startDay: number | null) {
  const n = t.days;
  const end = (a: Float64Array) => Array.from(a.subarray(1, n + 1));
  return {
    day: Array.from({ length: n }, (_, k) => k),
    ...(startDay === null ? {} : { date: Array.from({ length: n }, (_, k) => isoFromDay(startDay + k)) }),
    infections: Array.from(t.infections),
    cases: Array.from(t.cases),
    deaths: Array.from(t.deaths),
    susceptible: end(t.susceptible),
    exposed: end(t.exposed),
    infectious: end(t.infectious),
    recovered: end(t.recovered),
    dying: end(t.dying),
    dead: end(t.dead),
  };
}

/** The transmission segments of a run (R = β/γ of each). */
export function segmentsOut(p: Pick<EpidemicParams, 'beta' | 'gamma'>, startDay: number | null) {
  return [{ day: 0, value: p.beta.value }, ...p.beta.changes].map((c) => ({
    day: c.day, date: startDay === null ? null : isoFromDay(startDay + c.day), beta: c.value, r: c.value / p.gamma,
  }));
}
