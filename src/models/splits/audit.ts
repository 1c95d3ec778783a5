/**
 * Audits a split someone else made (split names free text): which patients and which duplicated
 * images are in more than one split, and what each split holds (docs/models/splits.md).
 */
import { SPLIT_NAMES } from '../../domain/imaging.js';
import { compareStrings } from './compare.js';
import { SplitInputError } from './errors.js';

export interface AuditRow {
  id: string;
  patient: string | null;
  stratum: string;
  sameAs: readonly string[];
  split: string;
}

export interface SplitAudit {
  /** Patients with images in two or more splits: images per split. Sorted by patient. */
  patientsInSeveralSplits: { patient: string; splits: Record<string, number> }[];
  /** `sameAs` keys whose images are in two or more splits, with every image carrying the key. Sorted by key. */
  duplicatesAcrossSplits: { key: string; items: { id: string; split: string }[] }[];
  /** Ids listed in two or more splits (the same image, by id). Sorted by id. */
  idsInSeveralSplits: { id: string; splits: string[] }[];
  /** Per split: images (distinct ids), distinct non-null patients, images per finding (every finding of the rows, zero where absent). */
  findingsPerSplit: { split: string; images: number; patients: number; findings: Record<string, number> }[];
  /** True when any of the three lists above is non-empty. */
  leakage: boolean;
}

/** train, val, test first (SPLIT_NAMES order), then any other names in code-unit order. */
export function compareSplitNames(a: string, b: string): number {
  const ia = (SPLIT_NAMES as readonly string[]).indexOf(a);
  const ib = (SPLIT_NAMES as readonly string[]).indexOf(b);
  if (ia >= 0 || ib >= 0) return ia < 0 ? 1 : ib < 0 ? -1 : ia - ib;
  return compareStrings(a, b);
}

function validateRows(rows: unknown): AuditRow[] {
  if (!Array.isArray(rows)) throw new SplitInputError('must be an array', 'rows');
  for (const [i, row] of (rows as unknown[]).entries()) {
    const at = `row ${i + 1}`;
    if (typeof row !== 'object' || row === null) throw new SplitInputError(`${at} is not an object`, 'rows');
    const { id, patient, stratum, sameAs, split } = row as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') throw new SplitInputError(`${at}: id must be a non-empty string`, 'rows');
    if (patient !== null && (typeof patient !== 'string' || patient === '')) throw new SplitInputError(`${at} (${id}): patient must be a non-empty string or null`, 'rows');
    if (typeof stratum !== 'string') throw new SplitInputError(`${at} (${id}): stratum must be a string`, 'rows');
    if (typeof split !== 'string') throw new SplitInputError(`${at} (${id}): split must be a string`, 'rows');
    if (!Array.isArray(sameAs) || sameAs.some((k) => typeof k !== 'string' || k === '')) {
      throw new SplitInputError(`${at} (${id}): sameAs must be an array of non-empty strings`, 'rows');
    }
  }
  return rows as AuditRow[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Every cross-split link between two images is either a shared patient, a shared `sameAs` key or
 * a shared id, so a split in which no group of same-patient / same-image items straddles two
 * splits is exactly one for which `leakage` is false. A row listed twice (same id, same split)
 * counts once; its first listing's patient, finding and keys are used for the counts.
 */
export function auditSplits(rows: readonly AuditRow[]): SplitAudit {
  validateRows(rows);
  // One entry per (id, split): the first row that lists it.
  const unique: AuditRow[] = [];
  const seen = new Set<string>();
  const splitsOfId = new Map<string, string[]>();
  for (const row of rows) {
    const k = `${row.id}\u0000${row.split}`;
    if (seen.has(k)) continue;
    seen.add(k);
    unique.push(row);
    push(splitsOfId, row.id, row.split);
  }

  const idsInSeveralSplits = [...splitsOfId]
    .filter(([, splits]) => splits.length > 1)
    .map(([id, splits]) => ({ id, splits: splits.slice().sort(compareSplitNames) }))
    .sort((a, b) => compareStrings(a.id, b.id));

  const byPatient = new Map<string, AuditRow[]>();
  const byKey = new Map<string, AuditRow[]>();
  for (const row of unique) {
    if (row.patient !== null) push(byPatient, row.patient, row);
    for (const key of new Set(row.sameAs)) push(byKey, key, row);
  }
  const distinctSplits = (list: AuditRow[]) => new Set(list.map((r) => r.split)).size;

  const patientsInSeveralSplits = [...byPatient]
    .filter(([, list]) => distinctSplits(list) > 1)
    .map(([patient, list]) => {
      const counts = new Map<string, number>();
      for (const r of list) counts.set(r.split, (counts.get(r.split) ?? 0) + 1);
      const splits = Object.fromEntries([...counts].sort((a, b) => compareSplitNames(a[0], b[0])));
      return { patient, splits };
    })
    .sort((a, b) => compareStrings(a.patient, b.patient));

  const duplicatesAcrossSplits = [...byKey]
    .filter(([, list]) => distinctSplits(list) > 1)
    .map(([key, list]) => ({
      key,
      items: list
        .map((r) => ({ id: r.id, split: r.split }))
        .sort((a, b) => compareStrings(a.id, b.id) || compareSplitNames(a.split, b.split)),
    }))
    .sort((a, b) => compareStrings(a.key, b.key));

  const findingNames = [...new Set(unique.map((r) => r.stratum))].sort(compareStrings);
  const splitNames = [...new Set(unique.map((r) => r.split))].sort(compareSplitNames);
  const findingsPerSplit = splitNames.map((split) => {
    const inSplit = unique.filter((r) => r.split === split);
    const counts = new Map<string, number>(findingNames.map((f) => [f, 0]));
    for (const r of inSplit) counts.set(r.stratum, counts.get(r.stratum)! + 1);
    const patients = new Set(inSplit.map((r) => r.patient).filter((p) => p !== null)).size;
    return { split, images: inSplit.length, patients, findings: Object.fromEntries(counts) };
  });

  const leakage = patientsInSeveralSplits.length > 0 || duplicatesAcrossSplits.length > 0 || idsInSeveralSplits.length > 0;
  return { patientsInSeveralSplits, duplicatesAcrossSplits, idsInSeveralSplits, findingsPerSplit, leakage };
}
