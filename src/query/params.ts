import { isIsoDate } from '../domain/dates.js';
import { isMetricId, metricKind, type MetricId } from '../domain/metrics.js';
import type { Transform } from '../domain/transforms.js';
import type { Db } from '../store/db.js';
import { locationPopulations } from '../store/read-locations.js';
import { sourceExists } from '../store/read-sources.js';
import { QueryError } from './errors.js';

/**
 * The parameter rules every use case shares: each rule, its error code and its message are
 * written once here, for the API (query strings) and the CLI (flags) alike. `parameter` is the
 * name the caller used (the API's `location`, a body's `observed.cases`, …).
 */

/** At most this many location keys in one request. */
export const MAX_LOCATIONS = 100;

/** "a, b,,a" → ["a", "b"]: comma-separated, trimmed, empty and repeated items dropped. */
export function splitList(raw: string): string[] {
  return [...new Set(raw.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}

/** A comma-separated list of location keys (syntax only; `knownLocations` checks the store). */
export function locationList(raw: string, parameter = 'location', max = MAX_LOCATIONS): string[] {
  const keys = splitList(raw);
  if (keys.length === 0) throw new QueryError('ERR_BAD_PARAMETER', `${parameter}: give at least one location key`, parameter);
  if (keys.length > max) throw new QueryError('ERR_TOO_MANY_LOCATIONS', `${parameter}: ${keys.length} keys given, at most ${max} per request (use several requests or the bulk export)`, parameter);
  return keys;
}

export function metricId(raw: string, parameter = 'metric'): MetricId {
  if (!isMetricId(raw)) throw new QueryError('ERR_UNKNOWN_METRIC', `${parameter}: unknown ${JSON.stringify(raw)} (see /v1/metrics)`, parameter);
  return raw;
}

export function metricList(raw: string, parameter = 'metric'): MetricId[] {
  const metrics = splitList(raw);
  if (metrics.length === 0) throw new QueryError('ERR_BAD_PARAMETER', `${parameter}: give at least one metric`, parameter);
  const unknown = metrics.filter((m) => !isMetricId(m));
  if (unknown.length) throw new QueryError('ERR_UNKNOWN_METRIC', `${parameter}: unknown ${unknown.map((m) => JSON.stringify(m)).join(', ')} (see /v1/metrics)`, parameter);
  return metrics as MetricId[];
}

/** Daily changes and averages are defined for cumulative counts only. */
export function transformApplies(transform: Transform, metrics: readonly MetricId[], parameter = 'transform'): void {
  const base = transform.replace(/_per_100k$/, '');
  if (base === 'cumulative' || base === 'per_100k') return;
  const not = metrics.filter((m) => metricKind(m) !== 'cumulative');
  if (not.length) throw new QueryError('ERR_BAD_PARAMETER', `${parameter}: ${transform} applies to cumulative metrics; ${not.join(', ')} ${not.length > 1 ? 'are' : 'is'} not (see /v1/metrics)`, parameter);
}

/** Models read a cumulative count. */
export function cumulativeMetric(raw: string, parameter = 'metric'): MetricId {
  const m = metricId(raw, parameter);
  if (metricKind(m) !== 'cumulative') throw new QueryError('ERR_BAD_PARAMETER', `${parameter}: models take a cumulative count; ${m} is not one (see /v1/metrics)`, parameter);
  return m;
}

/** A real calendar date written YYYY-MM-DD (the API's schemas check it too; the CLI relies on this). */
export function isoDate(raw: string, parameter: string): string {
  if (!isIsoDate(raw)) throw new QueryError('ERR_BAD_DATE', `${parameter}: must be a real date written YYYY-MM-DD (got ${JSON.stringify(raw)})`, parameter);
  return raw;
}

export function dateRange(from: string | null | undefined, to: string | null | undefined, names: [string, string] = ['from', 'to']): void {
  if (from && to && from > to) throw new QueryError('ERR_DATE_RANGE', `${names[0]} (${from}) is after ${names[1]} (${to})`, names[0]);
}

/** `best` or the id of a stored source. */
export async function knownSource(db: Db, source: string, parameter = 'source'): Promise<void> {
  if (source === 'best') return;
  if (!(await sourceExists(db, source))) throw new QueryError('ERR_UNKNOWN_SOURCE', `${parameter}: unknown ${JSON.stringify(source)} (see /v1/sources)`, parameter);
}

/** Every key exists; returns each key's population (null where unknown). */
export async function knownLocations(db: Db, keys: readonly string[], parameter = 'location'): Promise<Map<string, number | null>> {
  const found = await locationPopulations(db, keys);
  requireKnown(keys, found, parameter);
  return found;
}

/** Every key is among those the store found (a use case that read them along with other data). */
export function requireKnown(keys: readonly string[], found: ReadonlyMap<string, unknown>, parameter = 'location'): void {
  const unknown = keys.filter((k) => !found.has(k));
  if (unknown.length) throw new QueryError('ERR_UNKNOWN_LOCATION', `${parameter}: unknown key ${unknown.map((l) => JSON.stringify(l)).join(', ')} (search keys at /v1/locations?q=)`, parameter);
}

export async function knownLocation(db: Db, key: string, parameter = 'location'): Promise<number | null> {
  return (await knownLocations(db, [key], parameter)).get(key) ?? null;
}
