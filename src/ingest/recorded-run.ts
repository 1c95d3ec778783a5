import type { SourceManifest } from '../domain/source.js';
import { finishRun, insertRunFiles, lastFingerprint, startRun, upsertSource } from '../store/runs.js';
import type { IngestDeps } from './context.js';
import type { ProvidedFile } from './provide-files.js';
import type { RunSummary } from './run-summary.js';

export interface RunContext {
  runId: number;
  started: Date;
  summary: RunSummary;
  /** Records the files read (before any data is stored, so a failed run still lists them). */
  recordFiles(files: ProvidedFile[]): Promise<number[]>;
  /**
   * True (and the run marked unchanged) when `fingerprint` is the last successful run's and the
   * run is not forced: nothing needs reading again.
   */
  unchanged(fingerprint: string, force?: boolean): Promise<boolean>;
}

/**
 * The bookkeeping every run shares: the source row, the run row, the run's files, and the
 * outcome. `body` does the work and returns the run's fingerprint (null: do not skip next
 * time); anything it throws fails this run only and is recorded as its error.
 */
export async function recordedRun(deps: IngestDeps, manifest: SourceManifest, body: (ctx: RunContext) => Promise<string | null>): Promise<RunSummary> {
  const { db, clock } = deps;
  const started = clock();
  await upsertSource(db, manifest);
  const runId = await startRun(db, manifest.id, manifest.parserVersion, started);
  const summary: RunSummary = {
    sourceId: manifest.id, runId, status: 'failed', rowsRead: 0, valuesRead: 0, valuesNew: 0, valuesChanged: 0,
    unmatched: 0, anomalies: 0, vintages: [], error: null, durationMs: 0, files: [], issues: [],
  };
  const recordFiles = async (files: ProvidedFile[]) => {
    summary.files = files.map((f) => ({ fileId: f.fileId, location: f.location, issue: f.issueDate, sha256: f.sha256, bytes: f.bytes, valuesNew: 0, valuesChanged: 0 }));
    return insertRunFiles(
      db,
      runId,
      files.map((f) => ({
        fileId: f.fileId, origin: f.origin, location: f.location, url: f.spec.url, issue: f.issueDate, sha256: f.sha256,
        bytes: f.bytes, notModified: f.notModified, etag: f.etag, lastModified: f.lastModified,
      })),
    );
  };
  const unchanged = async (fingerprint: string, force = false) => {
    if (force || fingerprint !== (await lastFingerprint(db, manifest.id))) return false;
    summary.status = 'unchanged';
    summary.issues.push({ code: 'unchanged_file', severity: 'info', message: 'every file is identical to the last successful run; nothing to store (use --force to re-read)' });
    return true;
  };
  let fingerprint: string | null = null;
  try {
    fingerprint = await body({ runId, started, summary, recordFiles, unchanged });
  } catch (err) {
    summary.status = 'failed';
    summary.error = err instanceof Error ? err.message : String(err);
  }
  summary.unmatched = summary.issues.filter((i) => i.code === 'unmatched_location').length;
  summary.durationMs = clock().getTime() - started.getTime();
  const failed = summary.status === 'failed';
  await finishRun(db, runId, clock(), {
    status: failed ? 'failed' : 'succeeded',
    fingerprint: failed ? null : fingerprint,
    rowsRead: summary.rowsRead, valuesRead: summary.valuesRead, valuesNew: summary.valuesNew, valuesChanged: summary.valuesChanged,
    anomalies: summary.anomalies, vintages: summary.vintages, error: summary.error, report: summary.issues,
  });
  deps.progress?.(manifest.id, 'done');
  return summary;
}
