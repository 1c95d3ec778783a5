import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { buildLocations } from '../gazetteer/build.js';
import { Gazetteer } from '../gazetteer/gazetteer.js';
import { gazetteerManifest } from '../gazetteer/manifest.js';
import { loadGazetteerReference } from '../gazetteer/reference.js';
import { parseUidTable } from '../gazetteer/uid-table.js';
import { loadLocations, upsertLocations } from '../store/locations.js';
import { bumpDataVersion, finishRun, insertRunFiles, lastFingerprint, startRun, upsertSource } from '../store/runs.js';
import type { IngestDeps } from './context.js';
import { provideFiles } from './provide-files.js';
import type { RunSummary } from './run-summary.js';
import type { GazetteerHandle } from './run-source.js';

const REFERENCE_DIR = new URL('../gazetteer/reference/', import.meta.url);

/**
 * Builds the gazetteer from JHU's lookup table and the reference tables and stores it. When
 * the lookup table cannot be read, the stored gazetteer is used (with a warning) so that an
 * offline re-run can still proceed; with none stored, there is no gazetteer (handle null).
 */
export async function refreshGazetteer(deps: IngestDeps, opts: { force?: boolean } = {}): Promise<{ handle: GazetteerHandle | null; summary: RunSummary }> {
  const { db, clock } = deps;
  const m = gazetteerManifest;
  const started = clock();
  await upsertSource(db, m);
  const runId = await startRun(db, m.id, m.parserVersion, started);
  const summary: RunSummary = {
    sourceId: m.id, runId, status: 'failed', rowsRead: 0, valuesRead: 0, valuesNew: 0, valuesChanged: 0,
    unmatched: 0, error: null, durationMs: 0, files: [], issues: [],
  };
  let handle: GazetteerHandle | null = null;
  let fingerprint: string | null = null;
  try {
    deps.progress?.(m.id, 'fetch');
    const { files } = await provideFiles(m, deps.origin, { now: started });
    const file = files[0];
    await insertRunFiles(db, runId, [{ fileId: file.fileId, origin: file.origin, location: file.location, url: file.spec.url, issue: file.issueDate, sha256: file.sha256, bytes: file.bytes, notModified: file.notModified, etag: file.etag, lastModified: file.lastModified }]);
    summary.files = [{ fileId: file.fileId, location: file.location, issue: file.issueDate, sha256: file.sha256, bytes: file.bytes, valuesNew: 0, valuesChanged: 0 }];
    deps.progress?.(m.id, 'parse');
    const rows = parseUidTable(file.body.toString('utf8'), file.location);
    const reference = await loadGazetteerReference(REFERENCE_DIR);
    const built = buildLocations(rows, reference);
    summary.rowsRead = rows.length;
    summary.issues.push(...built.problems.map((p) => ({ code: 'unmatched_location' as const, severity: 'warning' as const, message: p, file: file.location })));
    fingerprint = sha256(JSON.stringify([m.parserVersion, file.sha256, await referenceDigest()]));
    handle = { gazetteer: new Gazetteer(built.locations, built.byJhuUid), fingerprint };
    if (!opts.force && fingerprint === (await lastFingerprint(db, m.id))) {
      summary.status = 'unchanged';
    } else {
      deps.progress?.(m.id, 'store');
      await db.transaction(async (tx) => {
        await upsertLocations(tx, built.locations);
        await bumpDataVersion(tx, clock());
      });
      summary.valuesNew = built.locations.length;
      summary.status = 'succeeded';
    }
  } catch (err) {
    summary.error = err instanceof Error ? err.message : String(err);
  }
  summary.unmatched = summary.issues.filter((i) => i.code === 'unmatched_location').length;
  summary.durationMs = clock().getTime() - started.getTime();
  await finishRun(db, runId, clock(), {
    status: summary.status === 'failed' ? 'failed' : 'succeeded', fingerprint: summary.status === 'failed' ? null : fingerprint,
    rowsRead: summary.rowsRead, valuesRead: 0, valuesNew: summary.valuesNew, valuesChanged: 0, error: summary.error, report: summary.issues,
  });
  deps.progress?.(m.id, 'done');
  if (handle) return { handle, summary };

  const stored = await loadLocations(db);
  if (stored.length === 0) return { handle: null, summary };
  deps.log.warn(`gazetteer: ${summary.error}; using the ${stored.length} locations already stored`);
  const previous = (await lastFingerprint(db, m.id)) ?? 'stored';
  return { handle: { gazetteer: new Gazetteer(stored), fingerprint: previous }, summary };
}

async function referenceDigest(): Promise<string> {
  const h = createHash('sha256');
  for (const f of ['subdivisions.csv', 'countries.csv', 'aliases.csv', 'display-names.csv']) h.update(await readFile(new URL(f, REFERENCE_DIR)));
  return h.digest('hex');
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
