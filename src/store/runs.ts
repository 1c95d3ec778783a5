import type { SourceManifest } from '../domain/source.js';
import type { ValidationIssue } from '../domain/validation.js';
import type { Db } from './db.js';

/** Bookkeeping of ingest runs: sources, runs, the files each run read. */

export async function upsertSource(db: Db, manifest: SourceManifest): Promise<void> {
  await db.query(
    `INSERT INTO sources (id, manifest, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (id) DO UPDATE SET manifest = EXCLUDED.manifest, updated_at = now()`,
    [manifest.id, manifest],
  );
}

export async function startRun(db: Db, sourceId: string, parserVersion: number, startedAt: Date): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO ingest_runs (source_id, started_at, status, parser_version) VALUES ($1, $2, 'running', $3) RETURNING id`,
    [sourceId, startedAt.toISOString(), parserVersion],
  );
  return row.id;
}

/** A process that died mid-run leaves 'running' rows; they are closed as failed on the next start. */
export async function closeInterruptedRuns(db: Db, now: Date): Promise<number> {
  const rows = await db.query(
    `UPDATE ingest_runs SET status = 'failed', finished_at = $1, error = 'interrupted: the process stopped before the run finished; nothing it read was stored'
     WHERE status = 'running' RETURNING id`,
    [now.toISOString()],
  );
  return rows.length;
}

export interface RunFileRecord {
  fileId: string;
  origin: 'upstream' | 'mirror';
  location: string;
  url: string;
  issue: string;
  sha256: string;
  bytes: number;
  notModified: boolean;
  etag?: string;
  lastModified?: string;
}

/** Recorded before the data transaction, so a failed run still says what it read. Ids in file order. */
export async function insertRunFiles(db: Db, runId: number, files: RunFileRecord[]): Promise<number[]> {
  const ids: number[] = [];
  for (const f of files) {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO run_files (run_id, file_id, origin, location, url, issue, sha256, bytes, not_modified, etag, last_modified)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [runId, f.fileId, f.origin, f.location, f.url, f.issue, f.sha256, f.bytes, f.notModified, f.etag ?? null, f.lastModified ?? null],
    );
    ids.push(row.id);
  }
  return ids;
}

export interface FileCounts {
  rowsRead: number;
  valuesNew: number;
  valuesChanged: number;
}

export async function updateRunFileCounts(db: Db, runFileId: number, c: FileCounts): Promise<void> {
  await db.query('UPDATE run_files SET rows_read = $2, values_new = $3, values_changed = $4 WHERE id = $1', [runFileId, c.rowsRead, c.valuesNew, c.valuesChanged]);
}

export interface RunOutcome {
  status: 'succeeded' | 'failed';
  fingerprint: string | null;
  rowsRead: number;
  valuesRead: number;
  valuesNew: number;
  valuesChanged: number;
  anomalies: number;
  vintages: { issue: string; valuesNew: number; valuesChanged: number }[];
  error: string | null;
  report: ValidationIssue[];
}

export async function finishRun(db: Db, runId: number, finishedAt: Date, o: RunOutcome): Promise<void> {
  await db.query(
    `UPDATE ingest_runs SET status = $2, finished_at = $3, fingerprint = $4, rows_read = $5, values_read = $6,
       values_new = $7, values_changed = $8, error = $9, report = $10, anomalies = $11, vintages = $12 WHERE id = $1`,
    [runId, o.status, finishedAt.toISOString(), o.fingerprint, o.rowsRead, o.valuesRead, o.valuesNew, o.valuesChanged, o.error, o.report, o.anomalies,
      o.vintages.map((v) => ({ issue: v.issue, values_new: v.valuesNew, values_changed: v.valuesChanged }))],
  );
}

/** Fingerprint of the newest successful run of a source, if any. */
export async function lastFingerprint(db: Db, sourceId: string): Promise<string | null> {
  const rows = await db.query<{ fingerprint: string | null }>(
    `SELECT fingerprint FROM ingest_runs WHERE source_id = $1 AND status = 'succeeded' ORDER BY id DESC LIMIT 1`,
    [sourceId],
  );
  return rows[0]?.fingerprint ?? null;
}

export async function bumpDataVersion(db: Db, now: Date): Promise<void> {
  await db.query('UPDATE data_version SET version = version + 1, changed_at = $1', [now.toISOString()]);
}
