import type { Db } from './db.js';

/** Write side of the case records (src/ingest/run-cases.ts). */

/** The newest stored version of every case of a source: its record as JSON text (null: withdrawn) and location key. */
export async function currentCaseVersions(db: Db, source: string): Promise<Map<string, { record: string | null; locationKey: string | null }>> {
  const rows = await db.query<{ case_id: string; record: string | null; location_key: string | null }>(
    `SELECT DISTINCT ON (case_id) case_id, record::text AS record, location_key FROM case_records WHERE source = $1 ORDER BY case_id, issue DESC`,
    [source],
  );
  return new Map(rows.map((r) => [r.case_id, { record: r.record, locationKey: r.location_key }]));
}

export interface CaseVersionRow {
  caseId: string;
  issue: string;
  withdrawn: boolean;
  locationKey: string | null;
  /** JSON text of the record (null when withdrawn). */
  record: string | null;
  fileId: number;
}

/** Adds versions (one statement per 2,000: the rows go as one JSON parameter). */
export async function insertCaseVersions(tx: Db, source: string, rows: readonly CaseVersionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2_000) {
    const part = rows.slice(i, i + 2_000).map((r) => ({ case_id: r.caseId, issue: r.issue, withdrawn: r.withdrawn, location_key: r.locationKey, record: r.record === null ? null : JSON.parse(r.record), file_id: r.fileId }));
    await tx.query(
      `INSERT INTO case_records (source, case_id, issue, withdrawn, location_key, record, file_id)
       SELECT $1, x.case_id, x.issue, x.withdrawn, x.location_key, x.record, x.file_id
       FROM json_to_recordset($2::text::json) AS x(case_id text, issue date, withdrawn boolean, location_key text, record jsonb, file_id integer)
       ON CONFLICT (source, case_id, issue) DO UPDATE SET withdrawn = EXCLUDED.withdrawn, location_key = EXCLUDED.location_key, record = EXCLUDED.record, file_id = EXCLUDED.file_id`,
      [source, JSON.stringify(part)],
    );
  }
}
