import { describe, expect, it } from 'vitest';
import type { Alignment } from './align.js';
import { analyzeSequence, prepareAnalysis } from './analyze.js';
import { translateCodon } from './nuc.js';
import { prepareGene, translateGene } from './translate.js';
import { gene, insertAfter, randomGenome, substitute } from './test-helpers.js';

// A constructed genome: 300 random bases, a 40-codon gene (ATG … TAA) with known codons, 300 random bases.
const CODONS = ['ATG', 'GCT', 'GAT', 'AAA', 'AAA', 'TGG', 'CTG', 'GGC', 'CAT', 'GAT'];
for (let i = 10; i < 39; i++) CODONS.push(['GCT', 'CGT', 'AAC', 'GAC', 'TGC', 'CAG', 'GAA', 'GGT', 'CAC', 'ATC'][i % 10]!);
CODONS.push('TAA');
const GENE_START = 301;
const REF = randomGenome(300, 3) + CODONS.join('') + randomGenome(300, 4);
const GENE = gene('G1', GENE_START, GENE_START + 3 * 40 - 1);
const codonPos = (c: number, k = 0): number => GENE_START + 3 * (c - 1) + k; // 1-based reference position of base k of codon c

/** An alignment built by hand: the query equals the reference except where told. */
function handAlignment(edit: (q: Uint8Array) => void, insertions: { pos: number; seq: string }[] = []): Alignment {
  const q = new Uint8Array(REF.length);
  for (let i = 0; i < REF.length; i++) q[i] = REF.charCodeAt(i);
  edit(q);
  return { queryAtRef: q, insertions, start: 1, end: REF.length, score: 0, overhang: 0, band: 0 };
}

const prepared = prepareGene(GENE, new TextEncoder().encode(REF));

describe('genetic code', () => {
  it('translates codons, resolving ambiguity codes only when every reading agrees', () => {
    const t = (s: string) => translateCodon(s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(2));
    expect([t('ATG'), t('TAA'), t('TGA'), t('TAG'), t('GGT'), t('GAT')]).toEqual(['M', '*', '*', '*', 'G', 'D']);
    expect(t('GAY')).toBe('D'); // GAC/GAT
    expect(t('GRT')).toBe('X'); // GAT (D) or GGT (G)
    expect(t('GCN')).toBe('X'); // N is missing data
    expect(t('---')).toBe('-');
  });
});

describe('translateGene', () => {
  it('the reference protein', () => {
    expect(prepared.refProtein.slice(0, 10)).toBe('MADKKWLGHD');
    expect(prepared.refProtein.endsWith('*')).toBe(true);
    expect(prepared.refProtein).toHaveLength(40);
  });

  it('an amino-acid change (D10G, like S:D614G: GAT → GGT) and a premature stop (K5*)', () => {
    const al = handAlignment((q) => {
      q[codonPos(10, 1) - 1] = 71; // G
      q[codonPos(5, 0) - 1] = 84; // AAA → TAA
    });
    const t = translateGene(prepared, al);
    expect(t.aaSubstitutions).toEqual([
      { gene: 'G1', pos: 5, ref: 'K', alt: '*' },
      { gene: 'G1', pos: 10, ref: 'D', alt: 'G' },
    ]);
    expect(t.prematureStops).toEqual([{ gene: 'G1', codon: 5, length: 40 }]);
    expect(t.frameShifts).toEqual([]);
  });

  it('a codon deleted whole, and an in-frame deletion across two codons (read as the ribosome reads it)', () => {
    const whole = translateGene(prepared, handAlignment((q) => q.fill(45, codonPos(20) - 1, codonPos(20) + 2)));
    expect(whole.aaDeletions).toEqual([{ gene: 'G1', pos: 20, ref: prepared.refProtein[19], alt: '-' }]);
    expect(whole.frameShifts).toEqual([]);
    // Delete the last base of codon 4 (AAA) and the first two of codon 5 (AAA): A A + A = AAA = K, one K deleted.
    const split = translateGene(prepared, handAlignment((q) => q.fill(45, codonPos(4, 2) - 1, codonPos(5, 1))));
    expect(split.aaDeletions.map((d) => d.pos)).toHaveLength(1);
    expect(split.aaSubstitutions).toEqual([]);
    expect(split.frameShifts).toEqual([]);
  });

  it('a 1-base deletion shifts the frame to the end of the gene; a later 1-base insertion restores it', () => {
    const open = translateGene(prepared, handAlignment((q) => (q[codonPos(15, 1) - 1] = 45)));
    expect(open.frameShifts).toEqual([{ gene: 'G1', nucStart: codonPos(15, 2), nucEnd: codonPos(40, 2), codonStart: 15, codonEnd: 40 }]);
    expect(open.aaSubstitutions).toEqual([]); // masked, as Nextclade does
    const closed = translateGene(
      prepared,
      handAlignment((q) => (q[codonPos(15, 1) - 1] = 45), [{ pos: codonPos(25, 0), seq: 'A' }]),
    );
    expect(closed.frameShifts).toEqual([{ gene: 'G1', nucStart: codonPos(15, 2), nucEnd: codonPos(25, 0), codonStart: 15, codonEnd: 25 }]);
  });

  it('ORF1ab-style split annotation: two segments sharing a base translate as one −1 frameshifted protein', () => {
    // Segment 1 ends at codon 5's first base; segment 2 starts again on that base (read twice).
    const split = { name: 'G1ab', start: GENE_START, end: GENE_START + 3 * 40 - 1, strand: '+' as const, segments: [{ start: GENE_START, end: codonPos(5, 0) }, { start: codonPos(5, 0), end: GENE_START + 3 * 40 - 2 }], line: 1 };
    const p = prepareGene(split, new TextEncoder().encode(REF));
    expect(p.positions).toHaveLength(3 * 40);
    expect(p.positions[3 * 4]).toBe(codonPos(5, 0));
    expect(p.positions[3 * 4 + 1]).toBe(codonPos(5, 0));
  });

  it('end to end: analyzeSequence finds D10G through the aligner', () => {
    const prep = prepareAnalysis({ reference: { name: 'ref', sequence: REF }, annotation: [GENE], clades: [] });
    const q = substitute(REF, codonPos(10, 1), 'G');
    const a = analyzeSequence(prep, 'q', q);
    expect(a.substitutions).toEqual([{ pos: codonPos(10, 1), ref: 'A', alt: 'G' }]);
    expect(a.aaSubstitutions).toEqual([{ gene: 'G1', pos: 10, ref: 'D', alt: 'G' }]);
    // And a 2-base insertion inside the gene is a frame shift.
    const ins = analyzeSequence(prep, 'q', insertAfter(REF, codonPos(30, 1), 'TT'));
    expect(ins.frameShifts.map((f) => [f.gene, f.codonStart, f.codonEnd])).toEqual([['G1', 30, 40]]);
  });
});

describe('analyzeAll and the worker entry', () => {
  it('an unalignable sequence is a failure, not an exception; the worker gives the same results', async () => {
    const { analyzeAll } = await import('./analyze.js');
    const worker = (await import('./worker.js')).default;
    const input = { reference: { name: 'ref', sequence: REF }, annotation: [GENE], clades: [] };
    const sequences: [string, string][] = [
      ['ok', substitute(REF, codonPos(10, 1), 'G')],
      ['junk', randomGenome(500, 123)],
    ];
    const all = analyzeAll({ ...input, sequences });
    expect(all.results.map((r) => r.strain)).toEqual(['ok']);
    expect(all.failures.map((f) => f.strain)).toEqual(['junk']);
    expect(worker({ ...input, sequences })).toEqual(all);
  });
});
