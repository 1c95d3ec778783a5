import { readFile } from 'node:fs/promises';
import { LRUCache } from 'lru-cache';
import sharp from 'sharp';
import type { Db } from '../store/db.js';
import { imageFile, imagingDatasets, imagingSummary, imagesForSplits, listImages, type ImageFilter, type ImageRow, type SplitSourceRow, type SummaryRow } from '../store/read-imaging.js';
import { QueryError } from './errors.js';
import { splitList } from './params.js';

/** The imaging index: images, the summary, duplicates and thumbnails. */

export interface ImagesRequest {
  dataset: string | null;
  finding: string | null;
  modality: string | null;
  view: string | null;
  sex: 'M' | 'F' | null;
  age_min: number | null;
  age_max: number | null;
  commercial: boolean | null;
  patient: string | null;
}

/** The request as the store's filter; unknown datasets and an inverted age range are coded 400s. */
export async function imageFilter(db: Db, r: ImagesRequest): Promise<ImageFilter> {
  const datasets = r.dataset ? await knownImagingDatasets(db, splitList(r.dataset)) : null;
  if (r.age_min !== null && r.age_max !== null && r.age_min > r.age_max) {
    throw new QueryError('ERR_BAD_PARAMETER', `age_min (${r.age_min}) is greater than age_max (${r.age_max})`, 'age_min');
  }
  return {
    datasets, finding: r.finding?.replace(/\/+$/, '') || null, modality: r.modality, view: r.view, sex: r.sex,
    ageMin: r.age_min, ageMax: r.age_max, commercial: r.commercial, patient: r.patient,
  };
}

async function knownImagingDatasets(db: Db, ids: string[], parameter = 'dataset'): Promise<string[]> {
  const known = await imagingDatasets(db);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length) {
    throw new QueryError('ERR_BAD_PARAMETER', `${parameter}: no images of ${unknown.map((u) => JSON.stringify(u)).join(', ')} (datasets with images: ${known.join(', ') || 'none yet'})`, parameter);
  }
  return ids;
}

export async function images(db: Db, r: ImagesRequest, limit: number, offset: number): Promise<{ total: number; rows: ImageRow[] }> {
  return listImages(db, await imageFilter(db, r), limit, offset);
}

export async function imagingSummaryOf(db: Db, r: ImagesRequest): Promise<SummaryRow[]> {
  return imagingSummary(db, await imageFilter(db, r));
}

/** A listing as the duplicates answer names it. */
export type DuplicateListing = Omit<SplitSourceRow, 'sha256'>;

export interface DuplicateGroup {
  /** What makes the listings one image: the same file name and source, or the same content. */
  reason: 'same_name_and_source' | 'same_content';
  key: string;
  /** Filed under more than one patient, more than one dataset, or both. */
  patients: number;
  datasets: number;
  listings: DuplicateListing[];
}

/**
 * Images filed twice: under two patients (the same file name and source listed again) or in
 * two datasets (identical content, where the files are here). Groups filed under one patient of
 * one dataset are not listed.
 */
export async function duplicateImages(db: Db, r: Pick<ImagesRequest, 'dataset'>): Promise<DuplicateGroup[]> {
  const rows = await imagesForSplits(db, await imageFilter(db, { ...EMPTY_REQUEST, dataset: r.dataset }));
  const groups = new Map<string, { reason: DuplicateGroup['reason']; rows: typeof rows }>();
  const add = (reason: DuplicateGroup['reason'], key: string, row: (typeof rows)[number]) => {
    const g = groups.get(key) ?? { reason, rows: [] };
    g.rows.push(row);
    groups.set(key, g);
  };
  for (const row of rows) {
    add('same_name_and_source', `name:${row.dataset}/${row.image_id}|${row.source_url ?? ''}`, row);
    if (row.sha256) add('same_content', `sha256:${row.sha256}`, row);
  }
  const out: DuplicateGroup[] = [];
  for (const [key, g] of groups) {
    const patients = new Set(g.rows.map((x) => `${x.dataset}/${x.patient}`)).size;
    const datasets = new Set(g.rows.map((x) => x.dataset)).size;
    if (g.rows.length < 2 || (patients < 2 && datasets < 2)) continue;
    out.push({ reason: g.reason, key, patients, datasets, listings: g.rows.map(({ sha256: _, ...x }) => x) });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

export const EMPTY_REQUEST: ImagesRequest = { dataset: null, finding: null, modality: null, view: null, sex: null, age_min: null, age_max: null, commercial: null, patient: null };

export const THUMBNAIL_SIZES = [64, 128, 256, 512] as const;
export type ThumbnailSize = (typeof THUMBNAIL_SIZES)[number];

export interface Thumbnail {
  contentType: 'image/jpeg';
  body: Buffer;
  /** Strong validator: the source image's hash and the size. */
  etag: string;
}

/** Thumbnails made once per image and size, least recently used dropped past 32 MB. */
const thumbnails = new LRUCache<string, Thumbnail>({ maxSize: 32 << 20, sizeCalculation: (t) => t.body.length });

/**
 * A JPEG whose longer side is `size` pixels (never upscaled) of an image whose file is here.
 * sharp (libvips) resizes on its own threads, off the event loop.
 */
export async function imageThumbnail(db: Db, dataset: string, imageId: string, size: ThumbnailSize): Promise<Thumbnail> {
  const f = await imageFile(db, dataset, imageId);
  if (!f) throw new QueryError('ERR_IMAGE_NOT_FOUND', `dataset "${dataset}" lists no image "${imageId}" (see /v1/imaging/images)`, 'id');
  if (!f.localPath || !f.sha256) throw new QueryError('ERR_NO_LOCAL_FILE', `the file of ${dataset}/${imageId} is not held here; only its metadata is`, 'id');
  const key = `${f.sha256}:${size}`;
  const hit = thumbnails.get(key);
  if (hit) return hit;
  const bytes = await readFile(f.localPath).catch(() => null);
  if (!bytes) throw new QueryError('ERR_NO_LOCAL_FILE', `the file of ${dataset}/${imageId} was here at ingest but cannot be read now; run the ingest again`, 'id');
  const body = await sharp(bytes).rotate().resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
  const thumb: Thumbnail = { contentType: 'image/jpeg', body, etag: `"${f.sha256.slice(0, 32)}-${size}"` };
  thumbnails.set(key, thumb);
  return thumb;
}
