import { CASE_EVENTS, type CaseEvent, type CaseRecord } from '../domain/cases.js';
import type { Db } from './db.js';

/** Read side of the case records (src/query/cases.ts, src/query/delays.ts). */

export interface CaseFilter {
  sources: string[] | null;
  /** A location key: the case's key or any descendant of it. */
  location: string | null;
  sex: string | null;
  /** The case's whole age range lies in [ageMin, ageMax]. */
  ageMin: number | null;
  ageMax: number | null;
  outcome: string | null;
  /** Per event, a range its start date must lie in (either end open). */
  events: Partial<Record<CaseEvent, { from: string | null; to: string | null }>>;
  /** Events whose start date must be known. */
  has: CaseEvent[];
  /** The records as known on this date (null: now). */
  asOf: string | null;
}

export interface StoredCase {
  source: string;
  case_id: string;
  issue: string;
  location_key: string | null;
  record: CaseRecord;
}

/**
 * The newest version of each case on or before `as_of`, withdrawn cases left out, filtered. One
 * text for every filter (a null parameter's condition holds for every row): one prepared
 * statement. Returns the SQL and its parameters, to select from.
 */
function current(f: CaseFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [f.sources, f.asOf, f.location, f.location === null ? null : `${f.location}_`, f.sex, f.ageMin, f.ageMax, f.outcome, f.has];
  const eventConditions = CASE_EVENTS.map((e) => {
    const from = params.push(f.events[e]?.from ?? null);
    const to = params.push(f.events[e]?.to ?? null);
    const start = `(c.record->'events'->'${e}'->>'start')::date`;
    return `($${from}::date IS NULL OR ${start} >= $${from}::date) AND ($${to}::date IS NULL OR ${start} <= $${to}::date)`;
  });
  const sql = `
    WITH newest AS (
      SELECT DISTINCT ON (source, case_id) source, case_id, issue, withdrawn, location_key, record
      FROM case_records
      WHERE ($1::text[] IS NULL OR source = ANY($1::text[])) AND ($2::date IS NULL OR issue <= $2::date)
      ORDER BY source, case_id, issue DESC)
    SELECT c.source, c.case_id, c.issue, c.location_key, c.record FROM newest c
    WHERE NOT c.withdrawn
      AND ($3::text IS NULL OR c.location_key = $3::text OR starts_with(c.location_key, $4::text))
      AND ($5::text IS NULL OR c.record->>'sex' = $5::text)
      AND ($6::float8 IS NULL OR (c.record->>'ageStart')::float8 >= $6::float8)
      AND ($7::float8 IS NULL OR coalesce((c.record->>'ageEnd')::float8, 'Infinity') <= $7::float8)
      AND ($8::text IS NULL OR c.record->>'outcome' = $8::text)
      AND NOT EXISTS (SELECT 1 FROM unnest($9::text[]) AS h(e) WHERE c.record->'events'->h.e->>'start' IS NULL)
      AND ${eventConditions.join('\n      AND ')}`;
  return { sql, params };
}

export async function listCases(db: Db, f: CaseFilter, limit: number, offset: number): Promise<{ total: number; rows: StoredCase[] }> {
  const { sql, params } = current(f);
  const rows = await db.query<StoredCase & { total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM (${sql}) x ORDER BY source, case_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, limit, offset],
  );
  let total = rows[0]?.total ?? 0;
  if (!rows.length && offset > 0) {
    const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`, params);
    total = n.n;
  }
  return { total, rows: rows.map(({ total: _, ...r }) => r) };
}

/** Every stored version of one case, oldest first (withdrawn versions have no record). */
export async function caseVersions(db: Db, source: string, caseId: string): Promise<{ issue: string; withdrawn: boolean; location_key: string | null; record: CaseRecord | null }[]> {
  return db.query(
    'SELECT issue, withdrawn, location_key, record FROM case_records WHERE source = $1 AND case_id = $2 ORDER BY issue',
    [source, caseId],
  );
}

export interface CaseSummaryRows {
  total: number;
  ageSex: { band: string; sex: string; cases: number }[];
  outcomes: { outcome: string; cases: number }[];
  byDay: { event: string; date: string; cases: number }[];
  withTravel: number;
}

/** Counts over the filtered cases: age band (10 years; a range spanning bands is "unknown") × sex, outcome, cases per day of each event (day precision), travel history. */
export async function caseSummary(db: Db, f: CaseFilter): Promise<CaseSummaryRows> {
  const { sql, params } = current(f);
  const [agg] = await db.query<{ total: number; age_sex: CaseSummaryRows['ageSex'] | null; outcomes: CaseSummaryRows['outcomes'] | null; by_day: CaseSummaryRows['byDay'] | null; with_travel: number }>(
    `WITH f AS (${sql}),
     a AS (
       SELECT CASE WHEN (record->>'ageStart') IS NULL OR (record->>'ageEnd') IS NULL
                     OR floor((record->>'ageStart')::float8 / 10) <> floor((record->>'ageEnd')::float8 / 10) THEN 'unknown'
                   ELSE (floor((record->>'ageStart')::float8 / 10) * 10)::int || '-' || (floor((record->>'ageStart')::float8 / 10) * 10 + 9)::int END AS band,
              record->>'sex' AS sex
       FROM f)
     SELECT (SELECT count(*)::int FROM f) AS total,
            (SELECT json_agg(x ORDER BY x.band, x.sex) FROM (SELECT band, sex, count(*)::int AS cases FROM a GROUP BY band, sex) x) AS age_sex,
            (SELECT json_agg(x ORDER BY x.outcome) FROM (SELECT record->>'outcome' AS outcome, count(*)::int AS cases FROM f GROUP BY 1) x) AS outcomes,
            (SELECT json_agg(x ORDER BY x.event, x.date) FROM (
               SELECT e.key AS event, e.value->>'start' AS date, count(*)::int AS cases
               FROM f, jsonb_each(f.record->'events') AS e
               WHERE e.value->>'precision' = 'day' GROUP BY 1, 2) x) AS by_day,
            (SELECT count(*)::int FROM f WHERE jsonb_array_length(record->'travelPlaces') > 0 OR record->'events' ? 'travel') AS with_travel`,
    params,
  );
  return { total: agg.total, ageSex: agg.age_sex ?? [], outcomes: agg.outcomes ?? [], byDay: agg.by_day ?? [], withTravel: agg.with_travel };
}

/** The two events' date ranges of every filtered case that has both (for delay estimates). */
export async function casePairs(db: Db, f: CaseFilter, fromEvent: CaseEvent, toEvent: CaseEvent): Promise<{ from_start: string; from_end: string; to_start: string; to_end: string }[]> {
  const { sql, params } = current({ ...f, has: [...new Set([...f.has, fromEvent, toEvent])] });
  const a = params.push(fromEvent);
  const b = params.push(toEvent);
  return db.query(
    `SELECT record->'events'->$${a}::text->>'start' AS from_start, coalesce(record->'events'->$${a}::text->>'end', record->'events'->$${a}::text->>'start') AS from_end,
            record->'events'->$${b}::text->>'start' AS to_start, coalesce(record->'events'->$${b}::text->>'end', record->'events'->$${b}::text->>'start') AS to_end
     FROM (${sql}) x ORDER BY source, case_id`,
    params,
  );
}

/** Exposure window and onset of every filtered case that has all three dates. */
export async function incubationRows(db: Db, f: CaseFilter): Promise<{ exposure_start: string; exposure_end: string; onset_start: string; onset_end: string }[]> {
  const { sql, params } = current({ ...f, has: [...new Set([...f.has, 'exposure_start', 'exposure_end', 'onset'] as CaseEvent[])] });
  return db.query(
    `SELECT record->'events'->'exposure_start'->>'start' AS exposure_start,
            coalesce(record->'events'->'exposure_end'->>'end', record->'events'->'exposure_end'->>'start') AS exposure_end,
            record->'events'->'onset'->>'start' AS onset_start, coalesce(record->'events'->'onset'->>'end', record->'events'->'onset'->>'start') AS onset_end
     FROM (${sql}) x ORDER BY source, case_id`,
    params,
  );
}

/** Sources that have case records. */
export async function caseSources(db: Db): Promise<string[]> {
  const rows = await db.query<{ source: string }>('SELECT DISTINCT source FROM case_records ORDER BY source');
  return rows.map((r) => r.source);
}
