import type { Db } from './db.js';

/** Read side of the imaging index (src/query/imaging*.ts). */

export interface ImageFilter {
  datasets: string[] | null;
  /** A hierarchy prefix: `Pneumonia/Viral` matches itself and every finding under it. */
  finding: string | null;
  modality: string | null;
  view: string | null;
  sex: 'M' | 'F' | null;
  ageMin: number | null;
  ageMax: number | null;
  commercial: boolean | null;
  patient: string | null;
}

export interface ImageRow {
  dataset: string;
  image_id: string;
  listing: number;
  patient: string | null;
  finding: string | null;
  also_findings: string[];
  finding_raw: string | null;
  modality: string;
  view: string | null;
  view_raw: string | null;
  sex: 'M' | 'F' | null;
  age: number | null;
  clinical: Record<string, unknown>;
  offset_days: number | null;
  study_date: string | null;
  study_date_precision: string;
  study_date_raw: string | null;
  license: string | null;
  commercial_use: boolean | null;
  source_url: string | null;
  doi: string | null;
  severity: unknown;
  lung_boxes: unknown;
  file: string;
  line: number;
  local: boolean;
  sha256: string | null;
  bytes: number | null;
  width: number | null;
  height: number | null;
}

const COLUMNS = `dataset, image_id, listing, patient, finding, also_findings, finding_raw, modality, view, view_raw, sex, age, clinical,
  offset_days, study_date, study_date_precision, study_date_raw, license, commercial_use, source_url, doi, severity, lung_boxes,
  file, line, local_path IS NOT NULL AS local, sha256, bytes, width, height`;

/**
 * The filter as one WHERE clause of fixed text (a condition whose parameter is null holds for
 * every row), so each query is one prepared statement whatever the filter; the table is small.
 */
function where(f: ImageFilter, params: unknown[]): string {
  const first = params.length;
  params.push(f.datasets, f.finding, f.finding === null ? null : `${f.finding}/`, f.modality, f.view, f.sex, f.ageMin, f.ageMax, f.commercial, f.patient);
  const $ = (i: number) => `$${first + i}`;
  return `WHERE (${$(1)}::text[] IS NULL OR dataset = ANY(${$(1)}::text[]))
    AND (${$(2)}::text IS NULL OR finding = ${$(2)}::text OR starts_with(finding, ${$(3)}::text))
    AND (${$(4)}::text IS NULL OR modality = ${$(4)}::text) AND (${$(5)}::text IS NULL OR view = ${$(5)}::text)
    AND (${$(6)}::text IS NULL OR sex = ${$(6)}::text)
    AND (${$(7)}::float8 IS NULL OR age >= ${$(7)}::float8) AND (${$(8)}::float8 IS NULL OR age <= ${$(8)}::float8)
    AND (${$(9)}::boolean IS NULL OR commercial_use = ${$(9)}::boolean) AND (${$(10)}::text IS NULL OR patient = ${$(10)}::text)`;
}

export async function listImages(db: Db, f: ImageFilter, limit: number, offset: number): Promise<{ total: number; rows: ImageRow[] }> {
  const params: unknown[] = [];
  const w = where(f, params);
  const rows = await db.query<ImageRow & { total: number }>(
    `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM imaging_images ${w}
     ORDER BY dataset, image_id, listing LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, limit, offset],
  );
  const total = rows[0]?.total ?? (offset > 0 ? (await countImages(db, f)) : 0);
  return { total, rows: rows.map(({ total: _, ...r }) => r) };
}

async function countImages(db: Db, f: ImageFilter): Promise<number> {
  const params: unknown[] = [];
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM imaging_images ${where(f, params)}`, params);
  return r.n;
}

export interface SummaryRow {
  dataset: string;
  finding: string | null;
  modality: string;
  view: string | null;
  images: number;
  patients: number;
  local_files: number;
}

/** Images and distinct patients by dataset × finding × modality × view. */
export async function imagingSummary(db: Db, f: ImageFilter): Promise<SummaryRow[]> {
  const params: unknown[] = [];
  return db.query<SummaryRow>(
    `SELECT dataset, finding, modality, view, count(*)::int AS images, count(DISTINCT patient)::int AS patients,
            count(local_path)::int AS local_files
     FROM imaging_images ${where(f, params)}
     GROUP BY dataset, finding, modality, view ORDER BY dataset, finding NULLS LAST, modality, view NULLS LAST`,
    params,
  );
}

/** What the split builder and auditor need of each image. */
export interface SplitSourceRow {
  dataset: string;
  image_id: string;
  listing: number;
  patient: string | null;
  finding: string | null;
  source_url: string | null;
  sha256: string | null;
}

export async function imagesForSplits(db: Db, f: ImageFilter): Promise<SplitSourceRow[]> {
  const params: unknown[] = [];
  return db.query<SplitSourceRow>(
    `SELECT dataset, image_id, listing, patient, finding, source_url, sha256 FROM imaging_images ${where(f, params)} ORDER BY dataset, image_id, listing`,
    params,
  );
}

export interface PublishedSplitRowStored {
  image_id: string;
  split: string;
  list: string;
}

export async function publishedSplit(db: Db, dataset: string): Promise<PublishedSplitRowStored[]> {
  return db.query<PublishedSplitRowStored>('SELECT image_id, split, list FROM imaging_published_splits WHERE dataset = $1 ORDER BY list, split, image_id', [dataset]);
}

/** Datasets that have a published split. */
export async function datasetsWithPublishedSplit(db: Db): Promise<string[]> {
  const rows = await db.query<{ dataset: string }>('SELECT DISTINCT dataset FROM imaging_published_splits ORDER BY dataset');
  return rows.map((r) => r.dataset);
}

/** The stored file of an image (first listing), for thumbnails; undefined when the image is not listed. */
export async function imageFile(db: Db, dataset: string, imageId: string): Promise<{ localPath: string | null; sha256: string | null } | undefined> {
  const [r] = await db.query<{ local_path: string | null; sha256: string | null }>(
    'SELECT local_path, sha256 FROM imaging_images WHERE dataset = $1 AND image_id = $2 ORDER BY listing LIMIT 1',
    [dataset, imageId],
  );
  return r && { localPath: r.local_path, sha256: r.sha256 };
}

/** Datasets the index holds images of. */
export async function imagingDatasets(db: Db): Promise<string[]> {
  const rows = await db.query<{ dataset: string }>('SELECT DISTINCT dataset FROM imaging_images ORDER BY dataset');
  return rows.map((r) => r.dataset);
}
