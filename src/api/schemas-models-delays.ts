import { Type } from 'typebox';
import { CASE_EVENTS } from '../domain/cases.js';
import { caseFilters } from './schemas-cases.js';

/** Schemas of /v1/models/delays and /v1/models/incubation. */

const Event = (description: string) => Type.Unsafe<(typeof CASE_EVENTS)[number]>({ type: 'string', enum: [...CASE_EVENTS], description });

const fitOptions = {
  families: Type.Optional(Type.String({ maxLength: 50, description: 'Families to fit, comma-separated: gamma, lognormal, weibull (default all)', examples: ['gamma', 'lognormal,weibull'] })),
  samples: Type.Integer({ minimum: 50, maximum: 2000, default: 1000, description: 'Bootstrap resamples (95 % percentile intervals)' }),
  seed: Type.Integer({ minimum: 0, maximum: 4294967295, default: 1 }),
};

export const DelaysQuery = Type.Object(
  {
    from_event: Event('The first event'),
    to_event: Event('The second event'),
    interval: Type.Unsafe<'none' | 'week'>({ type: 'string', enum: ['none', 'week'], default: 'none', description: 'week: also one estimate per week of the first event' }),
    ...fitOptions,
    ...caseFilters,
  },
  { additionalProperties: false },
);

export const IncubationQuery = Type.Object({ ...fitOptions, ...caseFilters }, { additionalProperties: false });

const Interval = Type.Object({ lower: Type.Number(), upper: Type.Number() });
const Fit = Type.Object({
  family: Type.String(), parameters: Type.Record(Type.String(), Type.Number()), mean: Type.Number(), sd: Type.Number(), median: Type.Number(),
  p95: Type.Number(), p99: Type.Number(), log_likelihood: Type.Number(), aic: Type.Number(), converged: Type.Boolean(),
  intervals: Type.Object({ mean: Interval, sd: Interval, median: Interval, p95: Interval, p99: Interval, parameters: Type.Record(Type.String(), Interval) }),
});
const Empirical = Type.Object({
  n: Type.Integer(), mean: Type.Number(), sd: Type.Union([Type.Number(), Type.Null()]), median: Type.Number(), min: Type.Number(), max: Type.Number(),
  quantiles: Type.Array(Type.Object({ probability: Type.Number(), value: Type.Number() })),
  histogram: Type.Array(Type.Object({ day: Type.Integer(), count: Type.Integer() })),
});
const estimate = {
  selection: Type.String({ description: 'The rule that selected the cases' }),
  n: Type.Integer({ description: 'Cases used' }),
  excluded: Type.Array(Type.Object({ reason: Type.String(), cases: Type.Integer() })),
  empirical: Type.Union([Empirical, Type.Null()], { description: 'Delays of the cases whose two dates are known to the day' }),
  fits: Type.Array(Fit, { description: 'Best AIC first' }),
  bootstrap: Type.Object({ samples: Type.Integer(), seed: Type.Integer(), level: Type.Number() }),
};
export const DelaysResponse = Type.Object({
  ...estimate,
  periods: Type.Optional(Type.Array(Type.Object({ from: Type.String(), to: Type.String(), ...estimate }))),
});
export const IncubationResponse = Type.Object(estimate);
