import { dayNumber, isoFromDay } from '../domain/dates.js';
import { toDailyIncidence } from '../models/incidence.js';
import type { Db } from '../store/db.js';
import { locationPopulations } from '../store/read-locations.js';
import { QueryError } from './errors.js';
import { noData, readObserved } from './model-input.js';
import { SEIR_LIMITS, type SeirFitBody } from './seir-schemas.js';

/** The daily series a fit scores, from the request body or from the store. */
export interface FitInput {
  start: string;
  cases: Float64Array;
  deaths: Float64Array | null;
  population: number;
  location: string | null;
  asOf: string | null;
  sources: string[];
  /** Days left out of the stored series (corrections, backlogs), and days holding a share of a multi-day report. */
  excluded: number;
  imputed: number;
  stored: boolean;
}

const STORED_ONLY = ['from', 'to', 'as_of', 'source', 'fit_deaths'] as const;
const counts = (a: (number | null)[]) => Float64Array.from(a, (v) => (v === null ? Number.NaN : v));

export async function fitInput(db: Db, b: SeirFitBody): Promise<FitInput> {
  if (b.observed && b.location !== undefined) throw new QueryError('ERR_BAD_PARAMETER', 'observed: give either an observed series or a location, not both', 'observed');
  if (b.observed) {
    for (const f of STORED_ONLY) if (b[f] !== undefined) throw new QueryError('ERR_BAD_PARAMETER', `${f}: applies to stored input (location) only`, f);
    if (b.population === undefined) throw new QueryError('ERR_BAD_PARAMETER', 'population: required with an explicit observed series', 'population');
    const { cases, deaths } = b.observed;
    if (deaths && deaths.length !== cases.length) throw new QueryError('ERR_MODEL_INPUT', `observed.deaths: ${deaths.length} days, but cases has ${cases.length}`, 'observed.deaths');
    return {
      start: b.observed.start, cases: counts(cases), deaths: deaths ? counts(deaths) : null, population: b.population,
      location: null, asOf: null, sources: [], excluded: 0, imputed: 0, stored: false,
    };
  }
  if (b.location === undefined) throw new QueryError('ERR_BAD_PARAMETER', 'observed: give an observed series or a location', 'observed');
  const q = { location: b.location, asOf: b.as_of ?? null, source: b.source ?? 'best', from: b.from ?? null, to: b.to ?? null };
  const confirmed = await readObserved(db, { ...q, metric: 'confirmed' });
  if (confirmed.start === null) throw noData(confirmed);
  const n = confirmed.daily.length;
  if (n > SEIR_LIMITS.days) throw new QueryError('ERR_MODEL_INPUT', `from: the series spans ${n} days; fit at most ${SEIR_LIMITS.days} (set from and to)`, 'from');
  const inc = toDailyIncidence(confirmed);
  let deaths: Float64Array | null = null;
  let excluded = sum(inc.excluded), imputed = sum(inc.imputed);
  const sources = [...confirmed.sources];
  if (b.fit_deaths) {
    const d = await readObserved(db, { ...q, metric: 'deaths' });
    if (d.start === null) throw noData(d);
    const dInc = toDailyIncidence(d);
    // Deaths on the days of the cases (their first reported day may differ): unknown elsewhere.
    const shift = dayNumber(d.start) - dayNumber(confirmed.start);
    deaths = new Float64Array(n).fill(Number.NaN);
    for (let i = 0; i < dInc.values.length; i++) if (i + shift >= 0 && i + shift < n) deaths[i + shift] = dInc.values[i];
    excluded += sum(dInc.excluded);
    imputed += sum(dInc.imputed);
    for (const s of d.sources) if (!sources.includes(s)) sources.push(s);
  }
  const population = b.population ?? (await locationPopulations(db, [b.location])).get(b.location) ?? null;
  if (population === null) throw new QueryError('ERR_MODEL_INPUT', `population: the gazetteer has no population for ${b.location}; give one`, 'population');
  return {
    start: confirmed.start, cases: inc.values, deaths, population, location: b.location, asOf: b.as_of ?? null, sources,
    excluded, imputed, stored: true,
  };
}

const sum = (a: Uint8Array) => a.reduce((s, v) => s + v, 0);

/** Day offset of an ISO date from the input's start. */
export const offsetOf = (input: FitInput, date: string) => dayNumber(date) - dayNumber(input.start);
export const dateAt = (input: FitInput, k: number) => isoFromDay(dayNumber(input.start) + k);
