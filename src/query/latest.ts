import type { LocationLevel } from '../domain/location.js';
import type { Db } from '../store/db.js';
import { latestValues, type LatestRow } from '../store/read-latest.js';
import { knownLocation, metricId } from './params.js';

export interface LatestRequest {
  metric: string;
  level: LocationLevel | null;
  parent: string | null;
}

export type LatestEntry = LatestRow & { value_per_100k: number | null };

/** Each location's newest reported value of the metric in its default series. */
export async function latest(db: Db, r: LatestRequest): Promise<LatestEntry[]> {
  const metric = metricId(r.metric);
  if (r.parent) await knownLocation(db, r.parent, 'parent');
  return (await latestValues(db, metric, r.level, r.parent)).map((row) => ({
    ...row,
    value_per_100k: row.value !== null && row.population ? (row.value / row.population) * 100_000 : null,
  }));
}
