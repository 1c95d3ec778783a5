import { Type, type Static } from 'typebox';
import { CASE_EVENTS, OUTCOMES, SEXES } from '../domain/cases.js';
import { IsoDate } from '../query/schema-primitives.js';
import { enumOf, Format } from './schemas.js';

/** Schemas of /v1/cases. */

/** `<event>_from` / `<event>_to` for every event. */
const eventRanges = Object.fromEntries(
  CASE_EVENTS.flatMap((e) => [
    [`${e}_from`, Type.Optional({ ...IsoDate, description: `Only cases whose ${e} date starts on or after this day` })],
    [`${e}_to`, Type.Optional({ ...IsoDate, description: `Only cases whose ${e} date starts on or before this day` })],
  ]),
) as unknown as Record<`${(typeof CASE_EVENTS)[number]}_${'from' | 'to'}`, ReturnType<typeof Type.Optional<typeof IsoDate>>>;

export const caseFilters = {
  source: Type.Optional(Type.String({ maxLength: 200, description: 'Line lists, comma-separated (linelist-open, linelist-kudos)', examples: ['linelist-open', 'linelist-kudos'] })),
  location: Type.Optional(Type.String({ maxLength: 100, description: 'A location key: cases there or in any place under it (CN includes CN_HB)' })),
  sex: Type.Optional(enumOf(SEXES, 'female, male or unknown')),
  age_min: Type.Optional(Type.Number({ minimum: 0, maximum: 150, description: 'Cases whose whole age range is at least this' })),
  age_max: Type.Optional(Type.Number({ minimum: 0, maximum: 150, description: 'Cases whose whole age range is at most this (an open-ended "80+" never is)' })),
  outcome: Type.Optional(enumOf(OUTCOMES, 'Normalised outcome')),
  has: Type.Optional(Type.String({ maxLength: 200, description: `Events whose date must be known, comma-separated (${CASE_EVENTS.join(', ')})` })),
  as_of: Type.Optional({ ...IsoDate, description: 'The records as the lists said on this date' }),
  ...eventRanges,
};

export const CasesQuery = Type.Object(
  { ...caseFilters, limit: Type.Integer({ minimum: 1, maximum: 10000, default: 1000 }), offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }), format: Format },
  { additionalProperties: false },
);
export type CasesQuery = Static<typeof CasesQuery>;

const Cell = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
export const CaseRowSchema = Type.Record(Type.String(), Cell, { description: 'One case; columns as in /v1/cases/dictionary' });

export const CasesResponse = Type.Object({
  meta: Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), as_of: Type.Union([Type.String(), Type.Null()]) }),
  data: Type.Array(CaseRowSchema),
});

export const CaseParams = Type.Object({ source: Type.String({ maxLength: 100, examples: ['linelist-kudos'] }), id: Type.String({ maxLength: 200, examples: ['1'] }) });
export const CaseQuery = Type.Object({ as_of: Type.Optional({ ...IsoDate, description: 'The record as known on this date' }) }, { additionalProperties: false });
export const CaseResponse = Type.Object({
  data: CaseRowSchema,
  versions: Type.Array(Type.Object({ issue: Type.String(), withdrawn: Type.Boolean() }), { description: 'Every stored version of the record' }),
});

export const CasesSummaryQuery = Type.Object({ ...caseFilters }, { additionalProperties: false });
export const CasesSummaryResponse = Type.Object({
  total: Type.Integer(),
  age_sex: Type.Array(Type.Object({ band: Type.String({ description: '10-year band, e.g. 40-49; unknown when the age is unknown or spans bands' }), sex: Type.String(), cases: Type.Integer() })),
  outcomes: Type.Array(Type.Object({ outcome: Type.String(), cases: Type.Integer() })),
  by_day: Type.Array(Type.Object({ event: Type.String(), date: Type.String(), cases: Type.Integer() }), { description: 'Cases per day of each event (dates known to the day)' }),
  travel_history: Type.Object({ cases: Type.Integer(), share: Type.Union([Type.Number(), Type.Null()]) }),
});

export const DictionaryResponse = Type.Object({
  data: Type.Array(Type.Object({ field: Type.String(), type: Type.String(), values: Type.Optional(Type.Array(Type.String())), description: Type.String() })),
});
