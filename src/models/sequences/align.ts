import * as nuc from './nuc.js';

// Local bindings: a per-base access to an imported binding is a getter call under some loaders.
const GAP = nuc.GAP;
const IUPAC_MASK = nuc.IUPAC_MASK;

/**
 * Pairwise alignment of one genome to the reference, seeded and banded:
 * 1. seeds: k-mers unique in the reference found in the query; runs of ≥ `minSeedRun`
 *    consecutive query k-mers on one diagonal are exact matches of ≥ k + minSeedRun − 1 bases;
 * 2. chain: the longest chain of runs increasing in both query and reference (LIS), overlaps
 *    trimmed — these anchors are kept as aligned;
 * 3. between two anchors, and before the first / after the last, a Gotoh alignment (affine
 *    gaps) in a band of diagonals from the anchors' diagonal difference ± `margin`;
 * End gaps are free on both sides: reference bases before the first / after the last aligned
 * query base are *missing* (not sequenced), not deletions; query bases hanging over the
 * reference's ends are dropped (counted in `overhang`).
 */

export interface AlignmentParams {
  /** Seed length (≤ 15, so a k-mer packs into 30 bits). */
  k: number;
  /** Seeds count only when this many consecutive query k-mers sit on one diagonal. */
  minSeedRun: number;
  /** Band half-width beyond the diagonals of the anchors around a region (×2 before the first and after the last anchor). */
  margin: number;
  match: number;
  mismatch: number;
  gapOpen: number;
  gapExtend: number;
}

/** Scores as Nextclade's defaults (match 3, mismatch −1, gap open −6); gap extension −1 here (Nextclade: 0). */
export const DEFAULT_ALIGNMENT: AlignmentParams = { k: 15, minSeedRun: 5, margin: 16, match: 3, mismatch: -1, gapOpen: 6, gapExtend: 1 };

export class AlignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlignmentError';
  }
}

/** The reference prepared once for many alignments. */
export interface ReferenceIndex {
  sequence: string;
  codes: Uint8Array;
  /** IUPAC masks of the reference bases. */
  masks: Uint8Array;
  /** k-mer (2-bit packed) → 0-based start in the reference, −1 when it occurs more than once. */
  kmers: KmerTable;
  k: number;
}

export interface Alignment {
  /** Query char code at each reference position (index = position − 1): a base, `-` (45) for a deletion, 0 where the query does not cover the reference. */
  queryAtRef: Uint8Array;
  /** Inserted query bases after reference position `pos` (1-based; between pos and pos + 1). */
  insertions: { pos: number; seq: string }[];
  /** First and last covered reference position (1-based); start > end when nothing aligned. */
  start: number;
  end: number;
  score: number;
  /** Query bases beyond the reference's ends (dropped). */
  overhang: number;
  /** Band width used (diagonals). */
  band: number;
}

const TWO_BIT = new Int8Array(128).fill(-1);
TWO_BIT[65] = 0;
TWO_BIT[67] = 1;
TWO_BIT[71] = 2;
TWO_BIT[84] = 3;

export function toCodes(seq: string): Uint8Array {
  const out = new Uint8Array(seq.length);
  for (let i = 0; i < seq.length; i++) out[i] = seq.charCodeAt(i) & 0x7f;
  return out;
}

/** Open-addressing hash table of k-mer codes (< 2^30) → position (−1 = repeated), in typed arrays. */
export class KmerTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  constructor(capacity: number) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.keys = new Int32Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }
  private slot(key: number): number {
    let h = Math.imul(key, 0x9e3779b1) >>> 0;
    h = (h ^ (h >>> 15)) & this.mask;
    while (this.keys[h] !== -1 && this.keys[h] !== key) h = (h + 1) & this.mask;
    return h;
  }
  has(key: number): boolean {
    return this.keys[this.slot(key)] === key;
  }
  set(key: number, value: number): void {
    const h = this.slot(key);
    this.keys[h] = key;
    this.values[h] = value;
  }
  /** The position, −1 when repeated, −2 when absent. */
  get(key: number): number {
    const h = this.slot(key);
    return this.keys[h] === key ? this.values[h]! : -2;
  }
}

export function indexReference(sequence: string, k = DEFAULT_ALIGNMENT.k): ReferenceIndex {
  if (k < 4 || k > 15) throw new RangeError(`k must be 4..15 (got ${k})`);
  const codes = toCodes(sequence);
  const kmers = new KmerTable(codes.length);
  const mask = k === 15 ? 0x3fffffff : (1 << (2 * k)) - 1;
  let code = 0;
  let valid = 0;
  for (let i = 0; i < codes.length; i++) {
    const v = TWO_BIT[codes[i]!]!;
    if (v < 0) {
      valid = 0;
      code = 0;
      continue;
    }
    code = ((code << 2) | v) & mask;
    if (++valid >= k) {
      const start = i - k + 1;
      kmers.set(code, kmers.has(code) ? -1 : start);
    }
  }
  const masks = new Uint8Array(codes.length);
  for (let j = 0; j < codes.length; j++) masks[j] = IUPAC_MASK[codes[j]!]!;
  return { sequence, codes, masks, kmers, k };
}

/** An exact match of `length` bases: query from `q`, reference from `r` (0-based). */
export interface Anchor {
  q: number;
  r: number;
  length: number;
}

/** Seed runs on the query, chained (increasing in query and reference) and trimmed so they do not overlap. */
export function chainAnchors(query: Uint8Array, ref: ReferenceIndex, minRun: number): Anchor[] {
  const k = ref.k;
  const mask = k === 15 ? 0x3fffffff : (1 << (2 * k)) - 1;
  const runs: Anchor[] = [];
  let code = 0;
  let valid = 0;
  let curDiag = NaN;
  let cur: Anchor | null = null;
  let curLen = 0;
  let lastQ = -2;
  const close = (): void => {
    if (cur && curLen >= minRun) {
      cur.length = curLen + k - 1;
      runs.push(cur);
    }
    cur = null;
    curLen = 0;
  };
  for (let i = 0; i < query.length; i++) {
    const v = TWO_BIT[query[i]!]!;
    if (v < 0) {
      valid = 0;
      code = 0;
      continue;
    }
    code = ((code << 2) | v) & mask;
    if (++valid < k) continue;
    const q = i - k + 1;
    const r = ref.kmers.get(code);
    if (r < 0) continue;
    const d = r - q;
    if (cur && d === curDiag && q === lastQ + 1) curLen++;
    else {
      close();
      curDiag = d;
      cur = { q, r, length: 0 };
      curLen = 1;
    }
    lastQ = q;
  }
  close();
  if (runs.length === 0) return [];
  const n = runs.length;
  const tails: number[] = [];
  const tailIdx: number[] = [];
  const prev = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = runs[i]!.r;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tailIdx[lo - 1]! : -1;
    tails[lo] = r;
    tailIdx[lo] = i;
  }
  const chain: Anchor[] = [];
  for (let i = tailIdx[tails.length - 1]!; i >= 0; i = prev[i]!) chain.push({ ...runs[i]! });
  chain.reverse();
  const out: Anchor[] = [];
  for (const a of chain) {
    const last = out[out.length - 1];
    if (last) {
      const cut = Math.max(last.q + last.length - a.q, last.r + last.length - a.r, 0);
      if (cut >= a.length) continue;
      a.q += cut;
      a.r += cut;
      a.length -= cut;
    }
    out.push(a);
  }
  return out;
}

const NEG = -(1 << 29);

/** Reusable traceback buffer (one per thread). */
let tbBuffer = new Uint8Array(1 << 16);

interface Builder {
  q: Uint8Array;
  qMask: Uint8Array;
  rMask: Uint8Array;
  queryAtRef: Uint8Array;
  insertions: { pos: number; codes: number[] }[];
  params: AlignmentParams;
}

/**
 * Banded Gotoh alignment of query[qOff, qOff+qLen) to reference[rOff, rOff+rLen), diagonals
 * (j − i) in [dlo, dhi]. freeStart: the path may start at any cell of row 0 or column 0; otherwise
 * at (0, 0). freeEnd: it may end at any cell of the last row or column; otherwise at (qLen, rLen).
 * Writes the aligned bases into the builder; returns the score and where the path starts and ends.
 */
function alignRegion(b: Builder, qOff: number, qLen: number, rOff: number, rLen: number, dlo: number, dhi: number, freeStart: boolean, freeEnd: boolean): { score: number; i0: number; j0: number; i1: number; j1: number } {
  const { match, mismatch } = b.params;
  const openExt = b.params.gapOpen + b.params.gapExtend;
  const ext = b.params.gapExtend;
  if (!freeStart) {
    dlo = Math.min(dlo, 0);
    dhi = Math.max(dhi, 0);
  }
  if (!freeEnd) {
    dlo = Math.min(dlo, rLen - qLen);
    dhi = Math.max(dhi, rLen - qLen);
  }
  const W = dhi - dlo + 1;
  const cells = (qLen + 1) * W;
  if (tbBuffer.length < cells) tbBuffer = new Uint8Array(Math.max(cells, tbBuffer.length * 2));
  const tb = tbBuffer;
  const qMask = b.qMask;
  const rMask = b.rMask;
  let Hprev = new Int32Array(W);
  let Hcur = new Int32Array(W);
  let Fprev = new Int32Array(W);
  let Fcur = new Int32Array(W);
  // Row 0.
  let E = NEG;
  for (let x = 0; x < W; x++) {
    const j = dlo + x;
    Fprev[x] = NEG;
    if (j < 0 || j > rLen) {
      Hprev[x] = NEG;
      E = NEG;
      continue;
    }
    if (j === 0 || freeStart) {
      Hprev[x] = 0;
      tb[x] = 3;
      E = NEG;
      continue;
    }
    // Leading deletion (fixed start).
    const hLeft = x > 0 ? Hprev[x - 1]! : NEG;
    let t = 1;
    if (E - ext > hLeft - openExt) {
      E = E - ext;
      t |= 4;
    } else E = hLeft - openExt;
    Hprev[x] = E;
    tb[x] = t;
  }
  let best = NEG;
  let bestI = 0;
  let bestJ = 0;
  if (freeEnd && qLen === 0) {
    best = 0;
  }
  for (let i = 1; i <= qLen; i++) {
    const qm = qMask[qOff + i - 1]!;
    E = NEG;
    const rowOff = i * W;
    const jBase = i + dlo;
    for (let x = 0; x < W; x++) {
      const j = jBase + x;
      if (j < 0 || j > rLen) {
        Hcur[x] = NEG;
        Fcur[x] = NEG;
        E = NEG;
        continue;
      }
      let t = 0;
      // Insertion (gap in the reference): from the cell above (same j).
      let F: number;
      if (x + 1 < W) {
        const fOpen = Hprev[x + 1]! - openExt;
        const fExt = Fprev[x + 1]! - ext;
        if (fExt > fOpen) {
          F = fExt;
          t = 8;
        } else F = fOpen;
      } else F = NEG;
      Fcur[x] = F;
      if (j === 0) {
        if (freeStart) {
          Hcur[x] = 0;
          tb[rowOff + x] = 3;
        } else {
          Hcur[x] = F;
          tb[rowOff + x] = t | 2;
        }
        E = NEG;
        continue;
      }
      // Deletion (gap in the query): from the cell to the left.
      const hLeft = x > 0 ? Hcur[x - 1]! : NEG;
      const eOpen = hLeft - openExt;
      const eExt = E - ext;
      if (eExt > eOpen) {
        E = eExt;
        t |= 4;
      } else E = eOpen;
      let h = Hprev[x]! + ((qm & rMask[rOff + j - 1]!) !== 0 ? match : mismatch);
      let src = 0;
      if (E > h) {
        h = E;
        src = 1;
      }
      if (F > h) {
        h = F;
        src = 2;
      }
      Hcur[x] = h;
      tb[rowOff + x] = t | src;
      if (freeEnd && j === rLen && h > best) {
        best = h;
        bestI = i;
        bestJ = j;
      }
    }
    if (i === qLen) {
      if (freeEnd) {
        for (let x = 0; x < W; x++) {
          const j = jBase + x;
          if (j < 0 || j > rLen) continue;
          if (Hcur[x]! > best) {
            best = Hcur[x]!;
            bestI = i;
            bestJ = j;
          }
        }
      } else {
        const x = rLen - jBase;
        best = Hcur[x]!;
        bestI = qLen;
        bestJ = rLen;
      }
    }
    let tmp = Hprev;
    Hprev = Hcur;
    Hcur = tmp;
    tmp = Fprev;
    Fprev = Fcur;
    Fcur = tmp;
  }
  if (qLen === 0) {
    if (freeEnd) return { score: 0, i0: 0, j0: 0, i1: 0, j1: 0 };
    bestI = 0;
    bestJ = rLen;
    best = Hprev[rLen - dlo]!;
  }
  if (best <= NEG / 2) throw new AlignmentError('no alignment within the band');
  // Traceback.
  let i = bestI;
  let j = bestJ;
  let state = 0;
  const ins = b.insertions;
  while (i > 0 || j > 0) {
    const cell = tb[i * W + (j - i - dlo)]!;
    if (state === 0) {
      const src = cell & 3;
      if (src === 3) break;
      if (src === 0) {
        b.queryAtRef[rOff + j - 1] = b.q[qOff + i - 1]!;
        i--;
        j--;
      } else state = src;
    } else if (state === 1) {
      b.queryAtRef[rOff + j - 1] = GAP;
      j--;
      if ((cell & 4) === 0) state = 0;
    } else {
      const pos = rOff + j;
      const last = ins[ins.length - 1];
      if (last && last.pos === pos) last.codes.push(b.q[qOff + i - 1]!);
      else ins.push({ pos, codes: [b.q[qOff + i - 1]!] });
      i--;
      if ((cell & 8) === 0) state = 0;
    }
  }
  return { score: best, i0: i, j0: j, i1: bestI, j1: bestJ };
}

/**
 * Aligns `query` (upper-case IUPAC, no gaps) to the reference. Throws `AlignmentError` when no
 * anchor is found (not this virus, or too short).
 */
export function alignToReference(queryText: string, ref: ReferenceIndex, params: AlignmentParams = DEFAULT_ALIGNMENT): Alignment {
  const q = toCodes(queryText);
  const m = q.length;
  const n = ref.codes.length;
  const anchors = chainAnchors(q, ref, params.minSeedRun);
  if (anchors.length === 0) throw new AlignmentError(`no exact match of ${ref.k + params.minSeedRun - 1} bases with the reference (query ${m} bases)`);
  const qMask = new Uint8Array(m);
  for (let i = 0; i < m; i++) qMask[i] = IUPAC_MASK[q[i]!]!;
  const b: Builder = { q, qMask, rMask: ref.masks, queryAtRef: new Uint8Array(n), insertions: [], params };
  const M = params.margin;
  let score = 0;
  let overhang = 0;
  let band = 0;
  // Before the first anchor: free start.
  const a0 = anchors[0]!;
  const d0 = a0.r - a0.q;
  const pre = alignRegion(b, 0, a0.q, 0, a0.r, d0 - 2 * M, d0 + 2 * M, true, false);
  score += pre.score;
  overhang += pre.i0;
  const start = pre.j0 + 1;
  band = Math.max(band, 4 * M + 1);
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k]!;
    for (let x = 0; x < a.length; x++) b.queryAtRef[a.r + x] = q[a.q + x]!;
    score += a.length * params.match;
    const qFrom = a.q + a.length;
    const rFrom = a.r + a.length;
    const next = anchors[k + 1];
    if (next) {
      const qLen = next.q - qFrom;
      const rLen = next.r - rFrom;
      const delta = rLen - qLen;
      const res = alignRegion(b, qFrom, qLen, rFrom, rLen, Math.min(0, delta) - M, Math.max(0, delta) + M, false, false);
      score += res.score;
      band = Math.max(band, Math.abs(delta) + 2 * M + 1);
    } else {
      const post = alignRegion(b, qFrom, m - qFrom, rFrom, n - rFrom, -2 * M, 2 * M, false, true);
      score += post.score;
      overhang += m - qFrom - post.i1;
      b.insertions.sort((x, y) => x.pos - y.pos);
      const insertions: { pos: number; seq: string }[] = [];
      for (const x of b.insertions) {
        const seq = String.fromCharCode(...x.codes.reverse());
        const last = insertions[insertions.length - 1];
        if (last && last.pos === x.pos) last.seq += seq;
        else insertions.push({ pos: x.pos, seq });
      }
      return { queryAtRef: b.queryAtRef, insertions, start, end: rFrom + post.j1, score, overhang, band };
    }
  }
  throw new Error('unreachable');
}
