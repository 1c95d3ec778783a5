import type { SourceManifest } from '../domain/source.js';
import type { Db } from './db.js';

export interface RunRow {
  id: number;
  source_id: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  parser_version: number;
  rows_read: number;
  values_read: number;
  values_new: number;
  values_changed: number;
  error: string | null;
}

export interface SourceRow {
  id: string;
  manifest: SourceManifest;
  last_run: RunRow | null;
  last_success: RunRow | null;
  data_start: string | null;
  data_end: string | null;
  series_count: number;
}

const RUN_COLUMNS = 'id, source_id, status, started_at, finished_at, parser_version, rows_read, values_read, values_new, values_changed, error';

/** Every source with its newest run, newest successful run and data coverage. */
export async function listSources(db: Db): Promise<SourceRow[]> {
  const sources = await db.query<{ id: string; manifest: SourceManifest }>('SELECT id, manifest FROM sources ORDER BY id');
  const runs = await db.query<RunRow>(
    `SELECT ${RUN_COLUMNS} FROM ingest_runs r
     WHERE r.id IN (SELECT max(id) FROM ingest_runs GROUP BY source_id)
        OR r.id IN (SELECT max(id) FROM ingest_runs WHERE status = 'succeeded' GROUP BY source_id)`,
  );
  const coverage = await db.query<{ source_id: string; data_start: string | null; data_end: string | null; series_count: number }>(
    `SELECT s.source_id, min(ss.first_date) AS data_start, max(ss.latest_date) AS data_end, count(*)::int AS series_count
     FROM series s JOIN series_summary ss ON ss.series_id = s.id GROUP BY s.source_id`,
  );
  return sources.map((s) => {
    const mine = runs.filter((r) => r.source_id === s.id).sort((a, b) => b.id - a.id);
    const cov = coverage.find((c) => c.source_id === s.id);
    return {
      id: s.id,
      manifest: s.manifest,
      last_run: mine[0] ?? null,
      last_success: mine.find((r) => r.status === 'succeeded') ?? null,
      data_start: cov?.data_start ?? null,
      data_end: cov?.data_end ?? null,
      series_count: cov?.series_count ?? 0,
    };
  });
}

export async function recentRuns(db: Db, sourceId: string, limit: number): Promise<RunRow[]> {
  return db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM ingest_runs WHERE source_id = $1 ORDER BY id DESC LIMIT $2`, [sourceId, limit]);
}

export interface RunFileRow {
  id: number;
  file_id: string;
  origin: string;
  location: string;
  url: string;
  issue: string;
  sha256: string;
  bytes: number;
  not_modified: boolean;
  rows_read: number;
  values_new: number;
  values_changed: number;
}

export async function runDetail(db: Db, sourceId: string, runId: number): Promise<{ run: RunRow & { report: unknown[] }; files: RunFileRow[] } | undefined> {
  const [run] = await db.query<RunRow & { report: unknown[] }>(`SELECT ${RUN_COLUMNS}, report FROM ingest_runs WHERE source_id = $1 AND id = $2`, [sourceId, runId]);
  if (!run) return undefined;
  const files = await db.query<RunFileRow>(
    `SELECT id, file_id, origin, location, url, issue, sha256, bytes, not_modified, rows_read, values_new, values_changed
     FROM run_files WHERE run_id = $1 ORDER BY id`,
    [runId],
  );
  return { run, files };
}

export async function dataVersion(db: Db): Promise<number> {
  const [row] = await db.query<{ version: number }>('SELECT version FROM data_version');
  return row.version;
}

export async function sourceExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sources WHERE id = $1', [id]);
  return row.n > 0;
}

/** How many series are stored (0: nothing to serve). */
export async function seriesCount(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM series');
  return row.n;
}
