import { auditSplits, buildSplits, SplitInputError, type SplitAudit, type SplitItem } from '../models/splits/index.js';
import type { SplitSummary } from '../models/splits/build.js';
import type { Db } from '../store/db.js';
import { datasetsWithPublishedSplit, imagesForSplits, publishedSplit, type SplitSourceRow } from '../store/read-imaging.js';
import { QueryError } from './errors.js';
import { EMPTY_REQUEST, imageFilter } from './imaging.js';

/** Patient-level splits of the imaging index: built here, or audited (a client's or the authors'). */

export interface SplitRequest {
  dataset: string | null;
  finding: string | null;
  /** Comma-separated fractions for train, val, test. */
  ratios: string;
  seed: number;
}

export interface SplitRowOut {
  dataset: string;
  image_id: string;
  listing: number;
  patient: string | null;
  finding: string | null;
  split: string;
}

export interface BuiltSplitsOut {
  rows: SplitRowOut[];
  summary: SplitSummary[];
  groups: number;
}

const id = (r: { dataset: string; image_id: string; listing: number }) => `${r.dataset}/${r.image_id}#${r.listing}`;

/**
 * The split model's item for a stored image: the patient is dataset-scoped; listings of one
 * file name under one source, and identical files, are the same image.
 */
function splitItem(r: SplitSourceRow): SplitItem {
  return {
    id: id(r),
    patient: r.patient === null ? null : `${r.dataset}/${r.patient}`,
    stratum: r.finding ?? 'unknown',
    sameAs: [`name:${r.dataset}/${r.image_id}|${r.source_url ?? ''}`, ...(r.sha256 ? [`sha256:${r.sha256}`] : [])],
  };
}

/** "0.7,0.15,0.15" → [0.7, 0.15, 0.15] (repeats kept: they are different splits). */
export function ratiosOf(raw: string): number[] {
  const parts = raw.split(',').map((s) => s.trim());
  const ratios = parts.map(Number);
  if (ratios.some((x, i) => !Number.isFinite(x) || parts[i] === '')) {
    throw new QueryError('ERR_BAD_PARAMETER', `ratios: ${JSON.stringify(raw)} is not a comma-separated list of numbers (e.g. 0.7,0.15,0.15)`, 'ratios');
  }
  return ratios;
}

function modelError(err: unknown): never {
  if (err instanceof SplitInputError) throw new QueryError('ERR_BAD_PARAMETER', err.message, err.parameter === 'items' || err.parameter === 'rows' ? 'dataset' : err.parameter);
  throw err;
}

export async function buildImagingSplits(db: Db, r: SplitRequest): Promise<BuiltSplitsOut> {
  const ratios = ratiosOf(r.ratios);
  const rows = await imagesForSplits(db, await imageFilter(db, { ...EMPTY_REQUEST, dataset: r.dataset, finding: r.finding }));
  let built;
  try {
    built = buildSplits({ items: rows.map(splitItem), ratios, seed: r.seed });
  } catch (err) {
    modelError(err);
  }
  return {
    rows: rows.map((x, i) => ({ dataset: x.dataset, image_id: x.image_id, listing: x.listing, patient: x.patient, finding: x.finding, split: built.rows[i].split })),
    summary: built.summary,
    groups: built.groups,
  };
}

/** A row of a split to audit, as a client sends it. */
export interface AuditInputRow {
  dataset: string;
  image_id: string;
  split: string;
}

export interface AuditResult extends SplitAudit {
  /** Rows naming an image the index does not hold (by line of the input, 1 = first row). */
  unknown: { row: number; dataset: string; image_id: string }[];
  rows: number;
}

/** Audits rows `dataset,image_id,split` against the index: every listing of a named image takes the row's split. */
export async function auditImagingSplit(db: Db, input: readonly AuditInputRow[]): Promise<AuditResult> {
  const datasets = [...new Set(input.map((r) => r.dataset))];
  const stored = datasets.length ? await imagesForSplits(db, { ...(await imageFilter(db, EMPTY_REQUEST)), datasets }) : [];
  const byName = new Map<string, SplitSourceRow[]>();
  for (const s of stored) {
    const k = `${s.dataset}/${s.image_id}`;
    byName.set(k, [...(byName.get(k) ?? []), s]);
  }
  const unknown: AuditResult['unknown'] = [];
  const rows = input.flatMap((r, i) => {
    const listings = byName.get(`${r.dataset}/${r.image_id}`);
    if (!listings) {
      unknown.push({ row: i + 1, dataset: r.dataset, image_id: r.image_id });
      return [];
    }
    return listings.map((s) => ({ ...splitItem(s), split: r.split }));
  });
  let audit: SplitAudit;
  try {
    audit = auditSplits(rows);
  } catch (err) {
    modelError(err);
  }
  return { ...audit, unknown, rows: input.length };
}

/** Audits the split a dataset's authors published (COVID-CT's lists). */
export async function auditPublishedSplit(db: Db, dataset: string): Promise<AuditResult & { dataset: string }> {
  const withSplit = await datasetsWithPublishedSplit(db);
  if (!withSplit.includes(dataset)) {
    throw new QueryError('ERR_BAD_PARAMETER', `dataset: ${JSON.stringify(dataset)} has no published split (datasets with one: ${withSplit.join(', ') || 'none yet'})`, 'dataset');
  }
  const published = await publishedSplit(db, dataset);
  return { dataset, ...(await auditImagingSplit(db, published.map((p) => ({ dataset, image_id: p.image_id, split: p.split })))) };
}
