import type { Db } from '../store/db.js';
import { listAnomalies, type AnomalyRow } from '../store/read-anomalies.js';
import { dateRange, metricId, splitList } from './params.js';

export interface AnomaliesRequest {
  /** Comma-separated location keys, or null for all. */
  location: string | null;
  metric: string | null;
  code: string | null;
  source: string | null;
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
}

/** Flags of the newest reading of every series, filtered and paged; values are never edited. */
export async function anomalies(db: Db, r: AnomaliesRequest): Promise<{ total: number; rows: AnomalyRow[] }> {
  if (r.metric !== null) metricId(r.metric);
  dateRange(r.from, r.to);
  return listAnomalies(db, {
    locations: r.location ? splitList(r.location) : null, metric: r.metric, code: r.code, source: r.source, from: r.from, to: r.to, limit: r.limit, offset: r.offset,
  });
}
