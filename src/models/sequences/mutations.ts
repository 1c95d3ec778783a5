import type { NucDeletion, NucRange, NucSubstitution } from '../../domain/sequences.js';
import type { Alignment } from './align.js';
import * as nuc from './nuc.js';

// Local bindings: a per-base access to an imported binding is a getter call under some loaders.
const GAP = nuc.GAP;
const N = nuc.N;
const isAcgt = nuc.isAcgt;

/**
 * Nucleotide changes of an aligned sequence, in reference coordinates (1-based). A base that is
 * N or another ambiguity code is never a substitution: N is missing data, the other codes are
 * mixed sites. A run of `-` is one deletion. Reference bases outside the covered range are
 * missing, not deleted.
 */
export interface NucChanges {
  substitutions: NucSubstitution[];
  deletions: NucDeletion[];
  missing: NucRange[];
  mixedSites: { pos: number; code: string }[];
  /** N bases inside the covered range (insertions not counted), as Nextclade's totalMissing. */
  nInAlignment: number;
}

export function callNucChanges(alignment: Alignment, reference: Uint8Array): NucChanges {
  const { queryAtRef: q, start, end } = alignment;
  const n = reference.length;
  const substitutions: NucSubstitution[] = [];
  const deletions: NucDeletion[] = [];
  const missing: NucRange[] = [];
  const mixedSites: { pos: number; code: string }[] = [];
  let nInAlignment = 0;
  if (start > 1) missing.push({ start: 1, end: Math.min(start - 1, n) });
  let delStart = -1;
  let nStart = -1;
  for (let pos = start; pos <= end + 1; pos++) {
    const c = pos <= end ? q[pos - 1]! : 0;
    if (c !== GAP && delStart >= 0) {
      deletions.push({ start: delStart, length: pos - delStart });
      delStart = -1;
    }
    if (c !== N && nStart >= 0) {
      const last = missing[missing.length - 1];
      if (last && last.end === nStart - 1) last.end = pos - 1;
      else missing.push({ start: nStart, end: pos - 1 });
      nStart = -1;
    }
    if (pos > end) break;
    const r = reference[pos - 1]!;
    if (c === r) continue;
    if (c === GAP) {
      if (delStart < 0) delStart = pos;
    } else if (c === N) {
      nInAlignment++;
      if (nStart < 0) nStart = pos;
    } else if (isAcgt(c)) {
      substitutions.push({ pos, ref: String.fromCharCode(r), alt: String.fromCharCode(c) });
    } else {
      mixedSites.push({ pos, code: String.fromCharCode(c) });
    }
  }
  if (end < n) {
    const last = missing[missing.length - 1];
    if (last && last.end === end) last.end = n;
    else missing.push({ start: Math.max(end + 1, 1), end: n });
  }
  return { substitutions, deletions, missing, mixedSites, nInAlignment };
}
