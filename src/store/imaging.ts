import type { ImageRecord, LocalImageFile, PublishedSplitRow } from '../domain/imaging.js';
import type { Db } from './db.js';

/** Write side of the imaging index (used by src/ingest/run-imaging.ts, inside the run's transaction). */

/** Replaces every image of `dataset` with `images` (one statement: the rows go as one JSON parameter). */
export async function replaceImages(tx: Db, dataset: string, runId: number, images: readonly ImageRecord[], local: ReadonlyMap<string, LocalImageFile & { absolutePath: string }>): Promise<void> {
  await tx.query('DELETE FROM imaging_images WHERE dataset = $1', [dataset]);
  const seen = new Map<string, number>();
  const rows = images.map((r) => {
    const f = local.get(r.imageId);
    // Listings of one file name are numbered in file order.
    const listing = (seen.get(r.imageId) ?? 0) + 1;
    seen.set(r.imageId, listing);
    return {
      dataset, image_id: r.imageId, listing, patient: r.patient, finding: r.finding, also_findings: r.alsoFindings, finding_raw: r.findingRaw,
      modality: r.modality, view: r.view, view_raw: r.viewRaw, sex: r.sex, age: r.age, clinical: r.clinical, offset_days: r.offsetDays,
      study_date: r.studyDate, study_date_precision: r.studyDatePrecision, study_date_raw: r.studyDateRaw, license: r.license,
      commercial_use: r.commercialUse, source_url: r.sourceUrl, doi: r.doi, severity: r.severity, lung_boxes: r.lungBoxes,
      file: r.file, line: r.line, local_path: f?.absolutePath ?? null, sha256: f?.sha256 ?? null, bytes: f?.bytes ?? null,
      width: f?.width ?? null, height: f?.height ?? null, run_id: runId,
    };
  });
  // Batches keep one parameter well under a few MB however large a dataset grows.
  for (let i = 0; i < rows.length; i += 2_000) {
    await tx.query('INSERT INTO imaging_images SELECT * FROM json_populate_recordset(NULL::imaging_images, $1::text::json)', [JSON.stringify(rows.slice(i, i + 2_000))]);
  }
}

export async function replacePublishedSplit(tx: Db, dataset: string, rows: readonly PublishedSplitRow[]): Promise<void> {
  await tx.query('DELETE FROM imaging_published_splits WHERE dataset = $1', [dataset]);
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO imaging_published_splits (dataset, image_id, split, list)
     SELECT $1, u.image_id, u.split, u.list FROM unnest($2::text[], $3::text[], $4::text[]) AS u(image_id, split, list)
     ON CONFLICT DO NOTHING`,
    [dataset, rows.map((r) => r.imageId), rows.map((r) => r.split), rows.map((r) => r.list)],
  );
}
