/**
 * Nucleotide alphabet: IUPAC codes as 4-bit masks (A=1, C=2, G=4, T=8), the standard genetic code,
 * and translation of codons that hold ambiguity codes (resolved when every reading gives one amino acid).
 */

export const A = 65;
export const C = 67;
export const G = 71;
export const T = 84;
export const N = 78;
export const GAP = 45; // '-'

/** IUPAC mask by upper-case char code; 0 = not a nucleotide code. U reads as T. */
export const IUPAC_MASK = new Uint8Array(128);
for (const [ch, m] of Object.entries({ A: 1, C: 2, G: 4, T: 8, U: 8, R: 5, Y: 10, K: 12, M: 3, S: 6, W: 9, B: 14, D: 13, H: 11, V: 7, N: 15 })) {
  IUPAC_MASK[ch.charCodeAt(0)] = m;
}

/** Every character a sequence may hold: IUPAC nucleotide codes and the gap `-`. */
export const SEQUENCE_ALPHABET = 'ACGTURYKMSWBDHVN-';

export function isAcgt(code: number): boolean {
  return code === A || code === C || code === G || code === T;
}

/** An ambiguity code other than N (R, Y, K, M, S, W, B, D, H, V). */
export function isMixed(code: number): boolean {
  const m = IUPAC_MASK[code] ?? 0;
  return m !== 0 && m !== 15 && (m & (m - 1)) !== 0;
}

const BASES = 'TCAG';
const AAS = 'FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG';
/** Codon → amino acid, indexed by 16·b1 + 4·b2 + b3 with T=0, C=1, A=2, G=3. */
const CODE: string[] = [];
for (let i = 0; i < 64; i++) CODE.push(AAS[i]!);
const BIT_TO_IDX: Record<number, number> = { 8: 0, 2: 1, 1: 2, 4: 3 };
void BASES;

function basesOf(mask: number): number[] {
  const out: number[] = [];
  for (const b of [1, 2, 4, 8]) if (mask & b) out.push(BIT_TO_IDX[b]!);
  return out;
}
const BASES_OF: number[][] = [];
for (let m = 0; m < 16; m++) BASES_OF.push(basesOf(m));

/**
 * The amino acid of a codon (three char codes): `-` when all three are gaps, `X` when a base is
 * missing, a gap or N-like, or when the ambiguity codes allow more than one amino acid.
 */
const FAST_IDX = new Int8Array(128).fill(-1);
FAST_IDX[T] = 0;
FAST_IDX[C] = 1;
FAST_IDX[A] = 2;
FAST_IDX[G] = 3;

export function translateCodon(c1: number, c2: number, c3: number): string {
  const f1 = FAST_IDX[c1]!;
  const f2 = FAST_IDX[c2]!;
  const f3 = FAST_IDX[c3]!;
  if ((f1 | f2 | f3) >= 0) return CODE[16 * f1 + 4 * f2 + f3]!;
  if (c1 === GAP && c2 === GAP && c3 === GAP) return '-';
  const m1 = IUPAC_MASK[c1] ?? 0;
  const m2 = IUPAC_MASK[c2] ?? 0;
  const m3 = IUPAC_MASK[c3] ?? 0;
  if (m1 === 0 || m2 === 0 || m3 === 0) return 'X';
  if (m1 === 15 || m2 === 15 || m3 === 15) return 'X';
  let aa = '';
  for (const a of BASES_OF[m1]!) {
    for (const b of BASES_OF[m2]!) {
      for (const c of BASES_OF[m3]!) {
        const x = CODE[16 * a + 4 * b + c]!;
        if (aa === '') aa = x;
        else if (aa !== x) return 'X';
      }
    }
  }
  return aa;
}

const COMPLEMENT = new Uint8Array(128);
for (const [a, b] of Object.entries({ A: 'T', C: 'G', G: 'C', T: 'A', R: 'Y', Y: 'R', K: 'M', M: 'K', S: 'S', W: 'W', B: 'V', V: 'B', D: 'H', H: 'D', N: 'N', '-': '-' })) {
  COMPLEMENT[a.charCodeAt(0)] = b.charCodeAt(0);
}
export function complement(code: number): number {
  return COMPLEMENT[code] || code;
}
