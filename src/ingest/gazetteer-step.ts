import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { buildLocations } from '../gazetteer/build.js';
import { Gazetteer } from '../gazetteer/gazetteer.js';
import { gazetteerManifest } from '../gazetteer/manifest.js';
import { loadGazetteerReference, referenceFiles } from '../gazetteer/reference.js';
import { parseUidTable } from '../gazetteer/uid-table.js';
import { loadLocations, upsertLocations } from '../store/locations.js';
import { bumpDataVersion, lastFingerprint } from '../store/runs.js';
import { refreshSeriesRanks } from '../store/series.js';
import type { IngestDeps } from './context.js';
import { sha256 } from '../lib/hash.js';
import { provideFiles } from './provide-files.js';
import { recordedRun } from './recorded-run.js';
import type { RunSummary } from './run-summary.js';
import type { GazetteerHandle } from './run-source.js';

const REFERENCE_DIR = new URL('../gazetteer/reference/', import.meta.url);

/**
 * Builds the gazetteer from JHU's lookup table and the reference tables and stores it. When
 * the lookup table cannot be read, the stored gazetteer is used (with a warning) so that an
 * offline re-run can still proceed; with none stored, there is no gazetteer (handle null).
 */
export async function refreshGazetteer(deps: IngestDeps, opts: { force?: boolean } = {}): Promise<{ handle: GazetteerHandle | null; summary: RunSummary }> {
  const m = gazetteerManifest;
  let handle: GazetteerHandle | null = null;
  const summary = await recordedRun(deps, m, async ({ started, summary, recordFiles }) => {
    deps.progress?.(m.id, 'fetch');
    const [file] = (await provideFiles(m, deps.origin, { now: started })).files;
    await recordFiles([file]);
    deps.progress?.(m.id, 'parse');
    const rows = parseUidTable(file.body.toString('utf8'), file.location);
    const built = buildLocations(rows, await loadGazetteerReference(REFERENCE_DIR));
    summary.rowsRead = rows.length;
    summary.issues.push(...built.problems.map((p) => ({ code: 'unmatched_location' as const, severity: 'warning' as const, message: p, file: file.location })));
    const fingerprint = sha256(JSON.stringify([m.parserVersion, file.sha256, await referenceDigest()]));
    handle = { gazetteer: new Gazetteer(built.locations, built.byJhuUid), fingerprint };
    if (!opts.force && fingerprint === (await lastFingerprint(deps.db, m.id))) {
      summary.status = 'unchanged';
      return fingerprint;
    }
    deps.progress?.(m.id, 'store');
    await deps.db.transaction(async (tx) => {
      await upsertLocations(tx, built.locations);
      // A source's run re-ranks only its own groups: a location whose level changed re-ranks here.
      await refreshSeriesRanks(tx);
      await bumpDataVersion(tx, deps.clock());
    });
    summary.valuesNew = built.locations.length;
    summary.status = 'succeeded';
    return fingerprint;
  });
  if (handle) return { handle, summary };

  const stored = await loadLocations(deps.db);
  if (stored.length === 0) return { handle: null, summary };
  deps.log.warn(`gazetteer: ${summary.error}; using the ${stored.length} locations already stored`);
  return { handle: { gazetteer: new Gazetteer(stored), fingerprint: (await lastFingerprint(deps.db, m.id)) ?? 'stored' }, summary };
}

async function referenceDigest(): Promise<string> {
  const h = createHash('sha256');
  for (const f of await referenceFiles(REFERENCE_DIR)) h.update(await readFile(f));
  return h.digest('hex');
}
