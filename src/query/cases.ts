import { CASE_EVENTS, OUTCOMES, SEXES, type CaseEvent, type CaseRecord } from '../domain/cases.js';
import type { Db } from '../store/db.js';
import { caseSources, caseSummary, caseVersions, listCases, type CaseFilter, type StoredCase } from '../store/read-cases.js';
import { QueryError } from './errors.js';
import { dateRange, knownLocation, splitList } from './params.js';

/** Case records from line lists: the list, one case with its versions, the summary. */

/** A request as both transports give it: every filter optional; event ranges as `<event>_from` / `<event>_to`. */
export interface CasesRequest {
  source?: string;
  location?: string;
  sex?: string;
  age_min?: number;
  age_max?: number;
  outcome?: string;
  /** Comma-separated events whose date must be known. */
  has?: string;
  as_of?: string;
  events?: Partial<Record<CaseEvent, { from?: string; to?: string }>>;
}

function oneOf<T extends string>(values: readonly T[], raw: string | undefined, parameter: string): T | null {
  if (raw === undefined) return null;
  if (!(values as readonly string[]).includes(raw)) throw new QueryError('ERR_BAD_PARAMETER', `${parameter}: ${JSON.stringify(raw)} is not one of ${values.join(', ')}`, parameter);
  return raw as T;
}

/** The request checked (sources, location, vocabularies, ranges) and as the store's filter. */
export async function caseFilter(db: Db, r: CasesRequest): Promise<CaseFilter> {
  let sources: string[] | null = null;
  if (r.source !== undefined) {
    sources = splitList(r.source);
    const known = await caseSources(db);
    const unknown = sources.filter((s) => !known.includes(s));
    if (unknown.length) throw new QueryError('ERR_BAD_PARAMETER', `source: no case records from ${unknown.map((u) => JSON.stringify(u)).join(', ')} (sources with cases: ${known.join(', ') || 'none yet'})`, 'source');
  }
  if (r.location !== undefined) await knownLocation(db, r.location);
  if (r.age_min !== undefined && r.age_max !== undefined && r.age_min > r.age_max) {
    throw new QueryError('ERR_BAD_PARAMETER', `age_min (${r.age_min}) is greater than age_max (${r.age_max})`, 'age_min');
  }
  const has = r.has === undefined ? [] : splitList(r.has).map((e) => oneOf(CASE_EVENTS, e, 'has')!);
  const events: CaseFilter['events'] = {};
  for (const e of CASE_EVENTS) {
    const range = r.events?.[e];
    if (!range || (range.from === undefined && range.to === undefined)) continue;
    dateRange(range.from, range.to, [`${e}_from`, `${e}_to`]);
    events[e] = { from: range.from ?? null, to: range.to ?? null };
  }
  return {
    sources, location: r.location ?? null, sex: oneOf(SEXES, r.sex, 'sex'), ageMin: r.age_min ?? null, ageMax: r.age_max ?? null,
    outcome: oneOf(OUTCOMES, r.outcome, 'outcome'), events, has, asOf: r.as_of ?? null,
  };
}

/** A case as one flat row: the dictionary's fields, each event as start, end, precision and the date as written. */
export type CaseRow = Record<string, string | number | boolean | null>;

export const CASE_ROW_COLUMNS = [
  'source', 'case_id', 'issue', 'location_key', 'country', 'province', 'city', 'admin1', 'admin2', 'admin3', 'latitude', 'longitude', 'geo_resolution',
  'age_start', 'age_end', 'age_raw', 'sex', 'sex_raw',
  ...CASE_EVENTS.flatMap((e) => [`${e}_start`, `${e}_end`, `${e}_precision`, `${e}_date_raw`]),
  'outcome', 'outcome_raw', 'symptoms', 'symptoms_raw', 'chronic_disease', 'chronic_disease_binary', 'travel_places', 'travel_raw',
  'wuhan_lives_in', 'wuhan_visited', 'wuhan_came_from', 'source_urls', 'notes', 'extra', 'file', 'line',
] as const;

export function caseRow(c: { source: string; case_id: string; issue: string; location_key: string | null; record: CaseRecord }): CaseRow {
  const r = c.record;
  const events: CaseRow = {};
  for (const e of CASE_EVENTS) {
    const d = r.events[e];
    events[`${e}_start`] = d?.start ?? null;
    events[`${e}_end`] = d?.end ?? null;
    events[`${e}_precision`] = d?.precision ?? null;
    events[`${e}_date_raw`] = d?.raw ?? null;
  }
  const list = (xs: string[]) => (xs.length ? xs.join('; ') : null);
  const row: CaseRow = {
    source: c.source, case_id: c.case_id, issue: c.issue, location_key: c.location_key,
    country: r.place.country, province: r.place.province, city: r.place.city, admin1: r.place.admin1, admin2: r.place.admin2, admin3: r.place.admin3,
    latitude: r.place.latitude, longitude: r.place.longitude, geo_resolution: r.place.geoResolution,
    age_start: r.ageStart, age_end: r.ageEnd, age_raw: r.ageRaw, sex: r.sex, sex_raw: r.sexRaw, ...events,
    outcome: r.outcome, outcome_raw: r.outcomeRaw, symptoms: list(r.symptoms), symptoms_raw: r.symptomsRaw, chronic_disease: r.chronicDisease,
    chronic_disease_binary: r.chronicDiseaseBinary, travel_places: list(r.travelPlaces), travel_raw: r.travelRaw,
    wuhan_lives_in: r.wuhan.livesIn, wuhan_visited: r.wuhan.visited, wuhan_came_from: r.wuhan.cameFrom, source_urls: list(r.sourceUrls),
    notes: r.notes, extra: Object.keys(r.extra).length ? JSON.stringify(r.extra) : null, file: r.file, line: r.line,
  };
  // Every column, in dictionary order, null where the record has no value (never left out).
  return Object.fromEntries(CASE_ROW_COLUMNS.map((k) => [k, row[k] ?? null]));
}

export async function cases(db: Db, r: CasesRequest, limit: number, offset: number): Promise<{ total: number; rows: CaseRow[] }> {
  const { total, rows } = await listCases(db, await caseFilter(db, r), limit, offset);
  return { total, rows: rows.map(caseRow) };
}

export interface CaseDetail {
  case: CaseRow;
  /** Every stored version: the vintage that published it, and whether it withdrew the case. */
  versions: { issue: string; withdrawn: boolean }[];
}

/** One case as known at `asOf` (default: now), with the list of its versions. */
export async function caseDetail(db: Db, source: string, caseId: string, asOf: string | null): Promise<CaseDetail> {
  const versions = await caseVersions(db, source, caseId);
  if (!versions.length) throw new QueryError('ERR_CASE_NOT_FOUND', `${source} has no case "${caseId}" (see /v1/cases)`, 'id');
  const known = versions.filter((v) => asOf === null || v.issue <= asOf);
  const v = known[known.length - 1];
  if (!v || v.withdrawn || !v.record) {
    throw new QueryError('ERR_CASE_NOT_FOUND', `${source} case "${caseId}" was ${v ? `withdrawn on ${v.issue}` : `not yet listed on ${asOf}`} (first listed ${versions[0].issue})`, asOf ? 'as_of' : 'id');
  }
  return { case: caseRow({ source, case_id: caseId, issue: v.issue, location_key: v.location_key, record: v.record }), versions: versions.map((x) => ({ issue: x.issue, withdrawn: x.withdrawn })) };
}

export interface CasesSummary {
  total: number;
  age_sex: { band: string; sex: string; cases: number }[];
  outcomes: { outcome: string; cases: number }[];
  by_day: { event: string; date: string; cases: number }[];
  travel_history: { cases: number; share: number | null };
}

export async function casesSummary(db: Db, r: CasesRequest): Promise<CasesSummary> {
  const s = await caseSummary(db, await caseFilter(db, r));
  return {
    total: s.total, age_sex: s.ageSex, outcomes: s.outcomes, by_day: s.byDay,
    travel_history: { cases: s.withTravel, share: s.total ? s.withTravel / s.total : null },
  };
}

export type { StoredCase };
