import type { SourceInputFile } from '../domain/series.js';
import type { SourceManifest } from '../domain/source.js';
import type { ValidationIssue } from '../domain/validation.js';
import { sha256 } from '../lib/hash.js';
import type { Db } from '../store/db.js';
import { bumpDataVersion } from '../store/runs.js';
import type { IngestDeps, IngestOptions } from './context.js';
import { provideFiles, type VintageSelection } from './provide-files.js';
import { recordedRun } from './recorded-run.js';
import type { RunSummary } from './run-summary.js';

/** How a source whose rows are replaced as a whole by each run is read and stored. */
export interface ReplaceSource<T> {
  manifest: SourceManifest;
  /** Which copies: the newest of each file (a snapshot), or all (dated files that are different days). */
  vintages: VintageSelection;
  parse(files: SourceInputFile[]): T | Promise<T>;
  issues(parsed: T): ValidationIssue[];
  rows(parsed: T): number;
  /** Replaces the source's rows, inside the run's transaction. */
  store(tx: Db, parsed: T): Promise<void>;
}

/**
 * One run of a source stored as a snapshot (literature, chatter): its files → parse → replace
 * its rows in one short transaction. Unchanged files are not read again; a failed run keeps the
 * previous rows.
 */
export async function runReplaceSource<T>(deps: IngestDeps, s: ReplaceSource<T>, opts: IngestOptions = {}): Promise<RunSummary> {
  const m = s.manifest;
  return recordedRun(deps, m, async ({ started, summary, recordFiles, unchanged }) => {
    deps.progress?.(m.id, 'fetch');
    const provided = await provideFiles(m, deps.origin, { now: started, vintages: s.vintages });
    summary.issues.push(...provided.issues);
    if (provided.files.length === 0) throw new Error('no file to read');
    await recordFiles(provided.files);
    const fingerprint = sha256(JSON.stringify([m.parserVersion, provided.files.map((f) => [f.fileId, f.location, f.sha256])]));
    if (await unchanged(fingerprint, opts.force)) return fingerprint;
    deps.progress?.(m.id, 'parse');
    const parsed = await s.parse(provided.files.map((f) => ({ fileId: f.fileId, name: f.location, text: f.body.toString('utf8'), bytes: f.body })));
    summary.issues.push(...s.issues(parsed));
    summary.rowsRead = summary.valuesRead = summary.valuesNew = s.rows(parsed);
    deps.progress?.(m.id, 'store');
    await deps.db.transaction(async (tx) => {
      await s.store(tx, parsed);
      await bumpDataVersion(tx, deps.clock());
    });
    summary.status = 'succeeded';
    return fingerprint;
  });
}
