/**
 * A patient-level, finding-stratified train/val/test split of an imaging dataset
 * (docs/models/splits.md): no patient and no duplicated image is ever in two splits.
 */
import { SPLIT_NAMES, type SplitName } from '../../domain/imaging.js';
import { apportion } from './apportion.js';
import { compareStrings } from './compare.js';
import { SplitInputError } from './errors.js';
import { groupItems, type SplitItem } from './groups.js';
import { seededUint32, shuffleInPlace } from './prng.js';

export interface BuildSplitsOptions {
  items: readonly SplitItem[];
  /** Fractions for train, val, test in that order (1–3 entries, each ≥ 0, summing to 1 within 1e-9). */
  ratios: readonly number[];
  /** Integer 0 .. 2^32 − 1: the Mersenne Twister's seed. */
  seed: number;
}

export interface SplitRow {
  id: string;
  split: SplitName;
}

export interface SplitSummary {
  split: SplitName;
  images: number;
  /** Distinct non-null patient keys. */
  patients: number;
  groups: number;
  /** Every finding of the input (by item stratum), zero where the split has none of it. */
  findings: Record<string, { images: number; patients: number }>;
}

export interface BuiltSplits {
  /** One row per item, in the order the items were given. */
  rows: SplitRow[];
  /** One entry per ratio, in split order (train, val, test), empty splits included. */
  summary: SplitSummary[];
  /** Number of groups (connected components of same patient / same image). */
  groups: number;
}

export const RATIO_SUM_TOLERANCE = 1e-9;
export const MAX_SEED = 4294967295;

export function validateRatios(ratios: unknown): number[] {
  if (!Array.isArray(ratios)) throw new SplitInputError('must be an array of 1 to 3 numbers (train, val, test)', 'ratios');
  if (ratios.length < 1 || ratios.length > SPLIT_NAMES.length) {
    throw new SplitInputError(`must have 1 to ${SPLIT_NAMES.length} entries (train, val, test), got ${ratios.length}`, 'ratios');
  }
  for (const [i, r] of ratios.entries()) {
    if (typeof r !== 'number' || !Number.isFinite(r)) throw new SplitInputError(`entry ${i + 1} (${SPLIT_NAMES[i]}) is not a finite number`, 'ratios');
    if (r < 0) throw new SplitInputError(`entry ${i + 1} (${SPLIT_NAMES[i]}) is negative (${r})`, 'ratios');
  }
  const sum = (ratios as number[]).reduce((a, r) => a + r, 0);
  if (Math.abs(sum - 1) > RATIO_SUM_TOLERANCE) throw new SplitInputError(`must sum to 1 (within ${RATIO_SUM_TOLERANCE}), got ${sum}`, 'ratios');
  return ratios as number[];
}

export function validateSeed(seed: unknown): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new SplitInputError(`must be an integer from 0 to ${MAX_SEED}, got ${String(seed)}`, 'seed');
  }
  return seed;
}

export function validateItems(items: unknown): SplitItem[] {
  if (!Array.isArray(items)) throw new SplitInputError('must be an array', 'items');
  const seen = new Set<string>();
  for (const [i, item] of (items as unknown[]).entries()) {
    const at = `item ${i + 1}`;
    if (typeof item !== 'object' || item === null) throw new SplitInputError(`${at} is not an object`, 'items');
    const { id, patient, stratum, sameAs } = item as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') throw new SplitInputError(`${at}: id must be a non-empty string`, 'items');
    if (seen.has(id)) throw new SplitInputError(`${at}: id ${JSON.stringify(id)} is given twice`, 'items');
    seen.add(id);
    // An empty key would join every item that has one: a caller's mistake for null, refused rather than guessed.
    if (patient !== null && (typeof patient !== 'string' || patient === '')) throw new SplitInputError(`${at} (${id}): patient must be a non-empty string or null`, 'items');
    if (typeof stratum !== 'string') throw new SplitInputError(`${at} (${id}): stratum must be a string`, 'items');
    if (!Array.isArray(sameAs) || sameAs.some((k) => typeof k !== 'string' || k === '')) {
      throw new SplitInputError(`${at} (${id}): sameAs must be an array of non-empty strings`, 'items');
    }
  }
  return items as SplitItem[];
}

/**
 * Groups the items (same patient or same image, transitively), gives each group its most frequent
 * finding, and per finding shuffles its groups (MT19937, seeded) and hands them out by
 * largest-remainder apportionment of the group count on `ratios`. Pure and deterministic: the same
 * items (in any order), ratios and seed give the same rows.
 */
export function buildSplits(opts: BuildSplitsOptions): BuiltSplits {
  const ratios = validateRatios(opts.ratios);
  const seed = validateSeed(opts.seed);
  const items = validateItems(opts.items);
  const splits = SPLIT_NAMES.slice(0, ratios.length);

  const groups = groupItems(items);
  const byStratum = new Map<string, number[]>();
  groups.forEach((g, gi) => {
    const list = byStratum.get(g.stratum);
    if (list) list.push(gi);
    else byStratum.set(g.stratum, [gi]);
  });

  // One generator for the whole split, strata taken in code-unit order, each stratum's groups in
  // canonical (smallest item id) order before the shuffle: nothing depends on the input order.
  const next = seededUint32(seed);
  const splitOfGroup = new Int32Array(groups.length);
  for (const stratum of [...byStratum.keys()].sort(compareStrings)) {
    const list = byStratum.get(stratum)!;
    shuffleInPlace(list, next);
    const counts = apportion(list.length, ratios);
    let at = 0;
    counts.forEach((count, s) => {
      for (let k = 0; k < count; k++) splitOfGroup[list[at++]] = s;
    });
  }

  const splitOfItem = new Int32Array(items.length);
  groups.forEach((g, gi) => {
    for (const i of g.items) splitOfItem[i] = splitOfGroup[gi];
  });
  const rows = items.map((item, i) => ({ id: item.id, split: splits[splitOfItem[i]] }));

  const findingNames = [...new Set(items.map((item) => item.stratum))].sort(compareStrings);
  const summary: SplitSummary[] = splits.map((split, s) => {
    const patients = new Set<string>();
    const findingImages = new Map<string, number>(findingNames.map((f) => [f, 0]));
    const findingPatients = new Map<string, Set<string>>(findingNames.map((f) => [f, new Set()]));
    let images = 0;
    items.forEach((item, i) => {
      if (splitOfItem[i] !== s) return;
      images++;
      findingImages.set(item.stratum, findingImages.get(item.stratum)! + 1);
      if (item.patient !== null) {
        patients.add(item.patient);
        findingPatients.get(item.stratum)!.add(item.patient);
      }
    });
    let groupCount = 0;
    for (let gi = 0; gi < groups.length; gi++) if (splitOfGroup[gi] === s) groupCount++;
    // fromEntries defines own properties, so a finding named `__proto__` is a key like any other.
    const findings = Object.fromEntries(findingNames.map((f) => [f, { images: findingImages.get(f)!, patients: findingPatients.get(f)!.size }]));
    return { split, images, patients: patients.size, groups: groupCount, findings };
  });

  return { rows, summary, groups: groups.length };
}
