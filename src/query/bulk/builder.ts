import { mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from '../../store/db.js';
import { dataVersion } from '../../store/read-sources.js';
import { buildBulk, type BuildResult } from './build.js';
import { BULK_FORMATS } from './datapackage.js';
import { builtVersions, bulkRoot, pruneBulk, STALE_PARTIAL_MS, versionDir } from './files.js';

export interface BulkBuilderDeps {
  db: Db;
  dataDir: string;
  clock: () => Date;
  log: { info(o: object, m: string): void; error(o: object, m: string): void };
}

export interface BulkBuilder {
  /**
   * Builds the files of the current data version in the background unless they exist or a
   * build is running; resolves when that build (if any) has finished. Never throws: a failed
   * build is logged and tried again at the next call.
   */
  ensure(): Promise<BuildResult | null>;
}

/**
 * One build at a time per process, of the current version, then the prune. The build reads in
 * pages and yields to the event loop between them (setImmediate), so the server answers other
 * requests during it; the Parquet encoding and the CSV lines run in worker threads (parquet-file.ts,
 * csv-gz-file.ts). Figures:
 * bench part 6, docs/api.md "Bulk files".
 */
export function createBulkBuilder(deps: BulkBuilderDeps): BulkBuilder {
  const root = bulkRoot(deps.dataDir);
  let running: Promise<BuildResult | null> | null = null;
  const once = async (): Promise<BuildResult | null> => {
    const version = await dataVersion(deps.db);
    if ((await builtVersions(root)).includes(version)) return null;
    // Several server processes (--workers) share the folder: the first to create the lock builds.
    const lock = path.join(root, `v${version}.lock`);
    if (!(await takeLock(lock, deps.clock()))) return null;
    deps.log.info({ dataVersion: version }, 'bulk files: building');
    let result: BuildResult;
    try {
      result = await buildBulk({ db: deps.db, dir: versionDir(root, version), asOf: null, formats: BULK_FORMATS, clock: deps.clock, tick: () => yieldToLoop() });
    } finally {
      await rm(lock, { force: true });
    }
    const pruned = await pruneBulk(root, deps.clock());
    deps.log.info({ dataVersion: version, complete: result.complete, seconds: Math.round(result.seconds), files: result.files.length, pruned }, 'bulk files: built');
    return result;
  };
  return {
    ensure() {
      running ??= once()
        .catch((err: unknown) => {
          deps.log.error({ err }, 'bulk files: build failed');
          return null;
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}

/** Creates `lock` exclusively; a lock older than STALE_PARTIAL_MS was left by a process that died and is taken over. */
async function takeLock(lock: string, now: Date): Promise<boolean> {
  await mkdir(path.dirname(lock), { recursive: true });
  const stale = await stat(lock).then((s) => now.getTime() - s.mtimeMs > STALE_PARTIAL_MS, () => false);
  if (stale) await rm(lock, { force: true });
  try {
    await (await open(lock, 'wx')).close();
    return true;
  } catch {
    return false;
  }
}
