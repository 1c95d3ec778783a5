import { Type, type Static } from 'typebox';
import { COVID_DEFAULTS } from '../models/seir/params.js';
import { IsoDate, Nullable } from './schema-primitives.js';

/** Bodies and responses of POST /v1/models/seir/simulate and /fit (docs/models/seir.md). */

export const SEIR_LIMITS = { days: 1500, patches: 50, changes: 50, changeDates: 20, starts: 20, scenarios: 10, horizon: 365 } as const;

const closed = { additionalProperties: false } as const;
const Count = Type.Unsafe<number | null>({ type: ['number', 'null'], minimum: 0, description: 'A daily count ≥ 0; null = not reported (skipped by the likelihood, never read as 0)' });
const Counts = (description: string) => Type.Array(Count, { minItems: 1, maxItems: SEIR_LIMITS.days, description });
const Rate = (description: string) => Type.Number({ minimum: 0, maximum: 50, description });

/** Disease parameters shared by both endpoints, with the COVID-19 defaults of docs/models/seir.md (optional: the schema fills the default). */
const disease = {
  model: Type.Optional(Type.Unsafe<'seir' | 'sir'>({ type: 'string', enum: ['seir', 'sir'], default: 'seir', description: 'seir (default: S → E → I → R) or sir (no latent stage)' })),
  latent_period: Type.Optional(Type.Number({ minimum: 0.05, maximum: 60, default: COVID_DEFAULTS.latentPeriod, description: 'Mean latent period, days (σ = 1 / latent_period). Default 3.69 (Li R. et al., Science 2020)' })),
  infectious_period: Type.Optional(Type.Number({ minimum: 0.05, maximum: 60, default: COVID_DEFAULTS.infectiousPeriod, description: 'Mean infectious period, days (γ = 1 / infectious_period). Default 3.47 (Li R. et al., Science 2020)' })),
  reporting: Type.Optional(Type.Number({ minimum: 0.0001, maximum: 1, default: 1, description: 'Share of new infectious people reported as cases' })),
  report_delay: Type.Optional(Type.Integer({ minimum: 0, maximum: 30, default: 0, description: 'Whole days from becoming infectious to being reported (cases on day k = onsets of day k − report_delay; the run starts that many days before day 0). About 7 for COVID-19 cases' })),
  ifr: Type.Optional(Type.Number({ minimum: 0, maximum: 0.5, default: COVID_DEFAULTS.ifr, description: 'Infection fatality ratio: share of removals who die. Default 0.0066 (Verity et al., Lancet ID 2020)' })),
  death_delay: Type.Optional(Type.Number({ minimum: 0, maximum: 120, default: COVID_DEFAULTS.deathDelay, description: 'Mean days from removal to death (exponential). Default 16' })),
};

const Transmission = Type.Object({
  value: Rate('β per day from day 0'),
  changes: Type.Optional(Type.Array(Type.Object({ day: Type.Integer({ minimum: 0, maximum: SEIR_LIMITS.days }), value: Rate('β per day from this day on') }, closed), {
    maxItems: SEIR_LIMITS.changes, description: 'Changes of β, days in increasing order',
  })),
}, { ...closed, description: 'Transmission rate β per day, piecewise constant (R = β × infectious_period)' });

const Initial = Type.Object({
  exposed: Type.Optional(Type.Number({ minimum: 0, description: 'Default 0' })),
  infectious: Type.Optional(Type.Number({ minimum: 0, description: 'Default 1' })),
  removed: Type.Optional(Type.Number({ minimum: 0, description: 'Recovered (immune) at day 0; default 0' })),
}, { ...closed, description: 'Day-0 state; susceptibles are the rest of the population' });

const Population = Type.Number({ minimum: 1, maximum: 1e10, description: 'Persons' });

export const SeirSimulateBody = Type.Object({
  ...disease,
  days: Type.Integer({ minimum: 1, maximum: SEIR_LIMITS.days, description: 'Days to simulate' }),
  start: Type.Optional({ ...IsoDate, description: 'Date of day 0 (labels the output with dates)' }),
  population: Type.Optional(Population),
  beta: Transmission,
  initial: Type.Optional(Initial),
  patches: Type.Optional(Type.Array(Type.Object({
    name: Type.String({ minLength: 1, maxLength: 100 }),
    population: Population,
    initial: Type.Optional(Initial),
    beta: Type.Optional(Transmission),
  }, closed), { minItems: 1, maxItems: SEIR_LIMITS.patches, description: 'Metapopulation: the patches (cities); then give mobility, and no top-level population or initial' })),
  mobility: Type.Optional(Type.Array(Type.Array(Type.Number({ minimum: 0, maximum: 1 }), { maxItems: SEIR_LIMITS.patches }), {
    maxItems: SEIR_LIMITS.patches, description: 'mobility[i][j]: share of patch i’s people travelling to patch j per day (diagonal ignored)',
  })),
}, { ...closed, examples: [{ days: 120, population: 1e6, beta: { value: 0.75, changes: [{ day: 40, value: 0.25 }] }, initial: { infectious: 10 } }] });
export type SeirSimulateBody = Static<typeof SeirSimulateBody>;

export const SeirFitBody = Type.Object({
  ...disease,
  observed: Type.Optional(Type.Object({
    start: { ...IsoDate, description: 'Date of the first value' },
    cases: Counts('New cases per day'),
    deaths: Type.Optional(Counts('New deaths per day (same days as cases): fitted too when given')),
  }, { ...closed, description: 'An explicit series (or give location to fit the stored data)' })),
  location: Type.Optional(Type.String({ maxLength: 100, description: 'Fit the stored series of this location key (confirmed, and deaths if fit_deaths)', examples: ['DE'] })),
  from: Type.Optional({ ...IsoDate, description: 'Stored input: first day fitted' }),
  to: Type.Optional({ ...IsoDate, description: 'Stored input: last day fitted' }),
  as_of: Type.Optional({ ...IsoDate, description: 'Stored input: the data as published on this date' }),
  source: Type.Optional(Type.String({ maxLength: 100, description: 'Stored input: best (default) or one source id' })),
  fit_deaths: Type.Optional(Type.Boolean({ description: 'Stored input: fit daily deaths as well as cases (default false)' })),
  population: Type.Optional({ ...Population, description: 'Persons (stored input: default the gazetteer’s population)' }),
  change_dates: Type.Optional(Type.Array(IsoDate, { maxItems: SEIR_LIMITS.changeDates, description: 'Dates from which transmission may change (interventions); each adds a fitted R' })),
  free: Type.Optional(Type.Array(Type.Unsafe<'gamma' | 'reporting' | 'ifr'>({ type: 'string', enum: ['gamma', 'reporting', 'ifr'] }), {
    uniqueItems: true, maxItems: 3, description: 'Parameters fitted besides each segment’s R and the day-0 seed (default none: they stay at the given values)',
  })),
  likelihood: Type.Optional(Type.Unsafe<'poisson' | 'negbin'>({ type: 'string', enum: ['poisson', 'negbin'], description: 'negbin (default; dispersion fitted) or poisson' })),
  starts: Type.Optional(Type.Integer({ minimum: 1, maximum: SEIR_LIMITS.starts, description: 'Nelder–Mead starts (default 4)' })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, description: 'Seed of the start jitter (default 1)' })),
  intervals: Type.Optional(Type.Unsafe<'profile' | 'none'>({ type: 'string', enum: ['profile', 'none'], description: 'profile (default: 95 % profile-likelihood intervals for every R) or none' })),
  horizon: Type.Optional(Type.Integer({ minimum: 0, maximum: SEIR_LIMITS.horizon, description: 'Days projected past the data (fitted curve and scenarios; default 0, 60 when scenarios are given)' })),
  scenarios: Type.Optional(Type.Array(Type.Object({
    name: Type.String({ minLength: 1, maxLength: 100 }),
    from: { ...IsoDate, description: 'Transmission changes from this date on' },
    factor: Type.Optional(Type.Number({ minimum: 0, maximum: 10, description: 'Multiply the fitted β by this' })),
    r: Type.Optional(Type.Number({ minimum: 0, maximum: 20, description: 'Or set R = β/γ to this' })),
  }, closed), { maxItems: SEIR_LIMITS.scenarios })),
}, { ...closed, examples: [{ location: 'DE', from: '2020-03-01', to: '2020-05-31', change_dates: ['2020-03-16', '2020-03-23'], reporting: 0.1 }] });
export type SeirFitBody = Static<typeof SeirFitBody>;

const Numbers = (description: string) => Type.Array(Type.Number(), { description });
const SeriesOut = Type.Object({
  day: Type.Array(Type.Integer(), { description: 'Day offset k (0 = start)' }),
  date: Type.Optional(Type.Array(IsoDate)),
  infections: Numbers('New infections during day k'),
  cases: Numbers('Reported cases during day k (reporting × new infectious)'),
  deaths: Numbers('Deaths during day k'),
  susceptible: Numbers('At the end of day k'),
  exposed: Numbers('At the end of day k'),
  infectious: Numbers('At the end of day k'),
  recovered: Numbers('At the end of day k'),
  dying: Numbers('At the end of day k: removed, fatal, not yet dead'),
  dead: Numbers('At the end of day k (cumulative)'),
});
const Segment = Type.Object({ day: Type.Integer(), date: Nullable(IsoDate), beta: Type.Number(), r: Type.Number({ description: 'β/γ (before depletion of susceptibles)' }) });

export const SeirSimulateResponse = Type.Object({
  meta: Type.Object({ model: Type.String(), days: Type.Integer(), start: Nullable(IsoDate), r0: Type.Number(), segments: Type.Array(Segment), population: Type.Number() }),
  series: Nullable(SeriesOut),
  patches: Nullable(Type.Array(Type.Object({ name: Type.String(), population: Type.Number(), r0: Type.Number(), series: SeriesOut }))),
});

const Estimate = Type.Object({ value: Type.Number(), lower: Nullable(Type.Number()), upper: Nullable(Type.Number()) }, { description: 'lower/upper: 95 % profile-likelihood bounds (null: not computed, or open)' });

export const SeirFitResponse = Type.Object({
  meta: Type.Object({
    model: Type.String(), start: IsoDate, end: IsoDate, days: Type.Integer(), observations: Type.Integer({ description: 'Known days scored (cases + deaths)' }),
    population: Type.Number(), likelihood: Type.String(), intervals: Type.String(),
    location: Nullable(Type.String()), as_of: Nullable(IsoDate), sources: Type.Array(Type.String()), data_version: Nullable(Type.Number()),
    excluded_days: Type.Integer({ description: 'Stored input: days left out (corrections, backlogs, long gaps)' }),
    imputed_days: Type.Integer({ description: 'Stored input: days holding a share of a multi-day report' }),
  }),
  estimates: Type.Object({
    r0: Estimate,
    segments: Type.Array(Type.Object({ from: IsoDate, day: Type.Integer(), beta: Type.Number(), r: Estimate })),
    seed: Type.Number({ description: 'Infected (exposed + infectious) on the first day' }),
    latent_period: Type.Number(), infectious_period: Type.Number(), reporting: Type.Number(), ifr: Type.Number(),
    dispersion_cases: Nullable(Type.Number({ description: 'Negative binomial size k: variance μ + μ²/k' })),
    dispersion_deaths: Nullable(Type.Number()),
    free: Type.Array(Type.String({ description: 'Names of the fitted parameters' })),
  }),
  log_likelihood: Type.Number(),
  aic: Type.Number(),
  optimizer: Type.Object({
    method: Type.String(), starts: Type.Integer(), start_log_likelihoods: Type.Array(Type.Number()), starts_agreeing: Type.Integer({ description: 'Starts ending within 0.5 of the best log-likelihood' }),
    evaluations: Type.Integer(), converged: Type.Boolean(), seconds: Type.Number(),
  }),
  params: Type.Record(Type.String(), Type.Unknown(), { description: 'The fitted model as a /v1/models/seir/simulate body (day 0 = start)' }),
  fitted: Type.Object({
    date: Type.Array(IsoDate, { description: 'Observed days, then the horizon' }),
    observed_cases: Type.Array(Nullable(Type.Number())),
    cases: Numbers('Model: expected reported cases'),
    observed_deaths: Nullable(Type.Array(Nullable(Type.Number()))),
    deaths: Numbers('Model: expected deaths'),
  }),
  scenarios: Type.Array(Type.Object({ name: Type.String(), from: IsoDate, r: Type.Number({ description: 'R from that date' }), date: Type.Array(IsoDate), cases: Type.Array(Type.Number()), deaths: Type.Array(Type.Number()), infections: Type.Array(Type.Number()) })),
});
