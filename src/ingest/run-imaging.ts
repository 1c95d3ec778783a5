import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { ImageRecord, ImagingConnector, LocalImageFile } from '../domain/imaging.js';
import { sha256 } from '../lib/hash.js';
import { replaceImages, replacePublishedSplit } from '../store/imaging.js';
import { bumpDataVersion, updateRunFileCounts } from '../store/runs.js';
import type { IngestDeps, IngestOptions } from './context.js';
import { provideFiles } from './provide-files.js';
import { recordedRun } from './recorded-run.js';
import type { RunSummary } from './run-summary.js';

export type LocalImage = LocalImageFile & { absolutePath: string };

/**
 * One imaging source run: the newest copy of each metadata file → parse → the image files that
 * are here (hash, size) → replace the dataset's rows in one short transaction. A failed run
 * leaves the previous rows as they were.
 */
export async function runImagingSource(deps: IngestDeps, connector: ImagingConnector, opts: IngestOptions = {}): Promise<RunSummary> {
  const { db, clock } = deps;
  const m = connector.manifest;
  return recordedRun(deps, m, async ({ runId, started, summary, recordFiles, unchanged }) => {
    deps.progress?.(m.id, 'fetch');
    const provided = await provideFiles(m, deps.origin, { now: started, vintages: 'newest' });
    summary.issues.push(...provided.issues);
    if (provided.files.length === 0) throw new Error('no file to read');
    const runFileIds = await recordFiles(provided.files);

    deps.progress?.(m.id, 'parse');
    const parsed = await connector.parse(provided.files.map((f) => ({ fileId: f.fileId, name: f.location, text: f.body.toString('utf8'), bytes: f.body })));
    summary.issues.push(...parsed.issues);
    summary.rowsRead = parsed.images.length;
    const local = deps.origin.kind === 'mirror' ? await localImages(deps.origin.root, m.imageFolders, parsed.images) : new Map<string, LocalImage>();

    const fingerprint = sha256(JSON.stringify([m.parserVersion, provided.files.map((f) => [f.fileId, f.sha256]), [...local.values()].map((f) => [f.path, f.sha256])]));
    if (await unchanged(fingerprint, opts.force)) return fingerprint;

    deps.progress?.(m.id, 'store');
    await db.transaction(async (tx) => {
      await replaceImages(tx, m.id, runId, parsed.images, local);
      await replacePublishedSplit(tx, m.id, parsed.publishedSplit ?? []);
      for (const [i, f] of provided.files.entries()) {
        const rows = parsed.images.filter((r) => r.file === f.location).length;
        await updateRunFileCounts(tx, runFileIds[i], { rowsRead: rows, valuesNew: 0, valuesChanged: 0 });
      }
      await bumpDataVersion(tx, clock());
    });
    summary.valuesRead = parsed.images.length;
    summary.valuesNew = parsed.images.length;
    summary.status = 'succeeded';
    return fingerprint;
  });
}

/** The published images whose file is in one of the mirror's image folders: hash and size. */
async function localImages(root: string, folders: readonly string[], images: readonly ImageRecord[]): Promise<Map<string, LocalImage>> {
  const wanted = new Set(images.map((r) => r.imageId));
  const out = new Map<string, LocalImage>();
  for (const folder of folders) {
    const names = await readdir(path.join(root, folder)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (!wanted.has(name) || out.has(name)) continue;
      const absolutePath = path.join(root, folder, name);
      const bytes = await readFile(absolutePath);
      const meta = await sharp(bytes).metadata();
      out.set(name, {
        path: `${folder}/${name}`, absolutePath, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length,
        width: meta.width ?? 0, height: meta.height ?? 0,
      });
    }
  }
  return out;
}
