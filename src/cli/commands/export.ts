import path from 'node:path';
import type { Config } from '../../config.js';
import { buildBulk } from '../../query/bulk/build.js';
import { bulkRoot, pruneBulk, versionDir } from '../../query/bulk/files.js';
import { exportRequest } from '../../query/bulk/export-request.js';
import type { Db } from '../../store/db.js';
import { dataVersion } from '../../store/read-sources.js';

export interface ExportOptions {
  out?: string;
  asOf?: string;
  format?: string;
  tables?: string;
}

/**
 * `glacier export`: the bulk files of the current data version (or as of a date) into --out, or,
 * without --out, into the data folder where `serve` finds them (a full current build only; the
 * older builds are pruned as the server does).
 */
export async function runExport(db: Db, config: Config, opts: ExportOptions, print: (text: string) => void): Promise<void> {
  const request = exportRequest(opts);
  const served = !opts.out && !request.asOf && !request.tables && request.formats.length === 2;
  const root = bulkRoot(config.dataDir);
  const dir = opts.out
    ? path.resolve(opts.out)
    : served
      ? versionDir(root, await dataVersion(db))
      : path.join(config.dataDir, 'exports', request.asOf ? `as-of-${request.asOf}` : 'current');
  const result = await buildBulk({ db, dir, asOf: request.asOf, formats: request.formats, tables: request.tables ?? undefined, clock: () => new Date(), log: (m) => print(`${m}\n`) });
  if (!result.complete) throw new Error('the data changed during the export (an ingest committed); run it again');
  if (served) await pruneBulk(root, new Date());
  print(`data version ${result.dataVersion}${request.asOf ? ` as of ${request.asOf}` : ''}: ${result.files.length} files in ${dir} (${result.seconds.toFixed(1)} s)\n`);
}
