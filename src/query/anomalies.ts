import type { Db } from '../store/db.js';
import { listAnomalies, type AnomalyQuery, type AnomalyRow } from '../store/read-anomalies.js';
import { dateRange, metricId, splitList } from './params.js';

/** The store's filter, with the locations as the caller writes them (comma-separated; null: all). */
export type AnomaliesRequest = Omit<AnomalyQuery, 'locations'> & { location: string | null };

/** Flags of the newest reading of every series, filtered and paged; values are never edited. */
export async function anomalies(db: Db, r: AnomaliesRequest): Promise<{ total: number; rows: AnomalyRow[] }> {
  if (r.metric !== null) metricId(r.metric);
  dateRange(r.from, r.to);
  const { location, ...filter } = r;
  return listAnomalies(db, { ...filter, locations: location ? splitList(location) : null });
}
