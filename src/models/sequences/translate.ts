import type { AaChange, FrameShift, GeneAnnotation, PrematureStop } from '../../domain/sequences.js';
import type { Alignment } from './align.js';
import * as nuc from './nuc.js';

const GAP = nuc.GAP;
const complement = nuc.complement;
const translateCodon = nuc.translateCodon;

/**
 * Translation of each annotated gene, in reference coordinates: codon c of a gene is read at the
 * reference positions of the reference's codon c (segments concatenated, so ORF1ab's −1
 * ribosomal frameshift is followed when the annotation splits it at base 13468). Insertions are
 * not translated; three deleted bases of a codon are `-`; an in-frame deletion that does not
 * follow codon boundaries is read as the ribosome reads it: the bases left in the codons it spans
 * are joined and translated, the amino acids placed at the start or end of the span (whichever
 * matches more of the reference), the other codons deleted (`-`).
 * Where net indels in the gene leave the reading frame shifted, the codons are masked (`X`) and
 * the stretch is reported as a frame shift (as Nextclade masks frame-shifted regions).
 */

export interface PreparedGene {
  gene: GeneAnnotation;
  /** Reference positions (1-based) of the coding bases in reading order. */
  positions: Int32Array;
  /** The reference protein (one letter per codon). */
  refProtein: string;
}

export function prepareGene(gene: GeneAnnotation, reference: Uint8Array): PreparedGene {
  const pos: number[] = [];
  for (const s of gene.segments) for (let p = s.start; p <= s.end; p++) pos.push(p);
  if (gene.strand === '-') pos.reverse();
  const positions = Int32Array.from(pos);
  const codons = Math.floor(positions.length / 3);
  let prot = '';
  const at = (k: number): number => {
    const c = reference[positions[k]! - 1]!;
    return gene.strand === '-' ? complement(c) : c;
  };
  for (let c = 0; c < codons; c++) prot += translateCodon(at(3 * c), at(3 * c + 1), at(3 * c + 2));
  return { gene, positions, refProtein: prot };
}

export interface GeneTranslation {
  gene: string;
  /** The query protein in reference codons (`X` unknown or masked, `-` deleted). */
  protein: string;
  aaSubstitutions: AaChange[];
  aaDeletions: AaChange[];
  frameShifts: FrameShift[];
  prematureStops: PrematureStop[];
}

export function translateGene(prepared: PreparedGene, alignment: Alignment): GeneTranslation {
  const { gene, positions, refProtein } = prepared;
  const q = alignment.queryAtRef;
  const minus = gene.strand === '-';
  const name = gene.name;
  const codons = refProtein.length;
  // Net insertion length after each reference position inside the gene.
  const insAfter = new Map<number, number>();
  for (const ins of alignment.insertions) if (ins.pos >= gene.start && ins.pos < gene.end) insAfter.set(ins.pos, (insAfter.get(ins.pos) ?? 0) + ins.seq.length);
  // Frame: walk the coding bases in reading order; a sequenced base read with a net indel offset
  // that is not a multiple of 3 is out of frame.
  const masked = new Uint8Array(codons);
  const frameShifts: FrameShift[] = [];
  let offset = 0;
  let shiftStart = -1;
  let lastIn = -1;
  const closeShift = (endIdx: number): void => {
    const nucStart = positions[shiftStart]!;
    const nucEnd = positions[endIdx]!;
    const codonStart = Math.floor(shiftStart / 3) + 1;
    const codonEnd = Math.min(Math.floor(endIdx / 3) + 1, codons);
    for (let c = codonStart; c <= codonEnd; c++) masked[c - 1] = 1;
    frameShifts.push({ gene: name, nucStart: Math.min(nucStart, nucEnd), nucEnd: Math.max(nucStart, nucEnd), codonStart, codonEnd });
    shiftStart = -1;
  };
  for (let k = 0; k < positions.length; k++) {
    const p = positions[k]!;
    const c = q[p - 1]!;
    if (c === GAP) {
      offset--;
    } else if (c !== 0) {
      const shifted = ((offset % 3) + 3) % 3 !== 0;
      if (shifted && shiftStart < 0) shiftStart = k;
      else if (!shifted && shiftStart >= 0) closeShift(lastIn);
      lastIn = k;
    }
    // Insertions between this base and the next in reading order.
    const after = minus ? p - 1 : p;
    const ins = insAfter.get(after);
    if (ins !== undefined && k + 1 < positions.length && Math.abs(positions[k + 1]! - p) === 1) offset += ins;
  }
  if (shiftStart >= 0) closeShift(lastIn >= shiftStart ? lastIn : positions.length - 1);

  const read = (k: number): number => {
    const c = q[positions[k]! - 1]!;
    if (c === 0) return 0;
    return minus ? complement(c) : c;
  };
  const aaSubstitutions: AaChange[] = [];
  const aaDeletions: AaChange[] = [];
  const prematureStops: PrematureStop[] = [];
  const out: string[] = new Array(codons);
  const gapsIn = (c: number): number => (read(3 * c) === GAP ? 1 : 0) + (read(3 * c + 1) === GAP ? 1 : 0) + (read(3 * c + 2) === GAP ? 1 : 0);
  const covered = (c: number): boolean => read(3 * c) !== 0 && read(3 * c + 1) !== 0 && read(3 * c + 2) !== 0;
  for (let c = 0; c < codons; c++) {
    if (masked[c] || !covered(c)) {
      out[c] = 'X';
      continue;
    }
    const g = gapsIn(c);
    if (g === 1 || g === 2) {
      // An in-frame deletion not aligned to codons: join the bases left in the codons it spans
      // (until their count is a multiple of 3) and read them as the ribosome would.
      const bases: number[] = [];
      let e = c;
      for (; e < codons && !masked[e] && covered(e); e++) {
        for (let x = 0; x < 3; x++) {
          const b = read(3 * e + x);
          if (b !== GAP) bases.push(b);
        }
        if (e > c && gapsIn(e) === 0) break;
        if (e > c && bases.length % 3 === 0) break;
      }
      if (e >= codons || masked[e] || !covered(e) || bases.length % 3 !== 0) {
        out[c] = 'X';
        continue;
      }
      const aas: string[] = [];
      for (let x = 0; x + 2 < bases.length; x += 3) aas.push(translateCodon(bases[x]!, bases[x + 1]!, bases[x + 2]!));
      const span = e - c + 1;
      // Put the amino acids at the start or the end of the span, whichever matches more of the reference.
      const score = (offset: number): number => aas.reduce((n, aa, k) => n + (aa === refProtein[c + offset + k] ? 1 : 0), 0);
      const offset = score(span - aas.length) > score(0) ? span - aas.length : 0;
      for (let k = 0; k < span; k++) out[c + k] = k >= offset && k < offset + aas.length ? aas[k - offset]! : '-';
      c = e;
      continue;
    }
    out[c] = translateCodon(read(3 * c), read(3 * c + 1), read(3 * c + 2));
  }
  for (let c = 0; c < codons; c++) {
    const aa = out[c]!;
    if (aa === 'X') continue;
    const ref = refProtein[c]!;
    if (aa === ref) continue;
    if (aa === '-') aaDeletions.push({ gene: name, pos: c + 1, ref, alt: '-' });
    else {
      aaSubstitutions.push({ gene: name, pos: c + 1, ref, alt: aa });
      if (aa === '*' && c + 1 < codons) prematureStops.push({ gene: name, codon: c + 1, length: codons });
    }
  }
  return { gene: name, protein: out.join(''), aaSubstitutions, aaDeletions, frameShifts, prematureStops };
}
