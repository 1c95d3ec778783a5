import { describe, expect, it } from 'vitest';
import type { CladeDefinition } from '../../domain/sequences.js';
import { SourceFormatError } from '../../domain/validation.js';
import { parseClades } from '../../sources/nextstrain/clades.js';
import { assignClade, type SiteReader } from './clades.js';

// Nested clades: B inherits A and overrides A's allele at 20; C inherits B and adds a gene site.
const TSV = [
  'clade\tgene\tsite\talt',
  '',
  'A\tnuc\t10\tC',
  'A\tnuc\t20\tG',
  '',
  'B\tclade\tA',
  'B\tnuc\t20\tT',
  'B\tnuc\t30\tA',
  '',
  'C\tclade\tB',
  'C\tG1\t2\tK',
  '',
  'D\tnuc\t10\tT',
  '',
].join('\n');

/** A query given by its bases at some positions (any other position is uncovered) and its amino acids (any other codon X). */
function reader(bases: Record<number, string>, aa: Record<string, string> = {}): SiteReader {
  return {
    nuc: (pos) => (bases[pos] === undefined ? 0 : bases[pos]!.charCodeAt(0)),
    aa: (gene, pos) => (gene === 'G1' ? (aa[`${gene}:${pos}`] ?? 'X') : undefined),
  };
}

describe('parseClades (augur clades.tsv)', () => {
  const clades = parseClades(TSV, 'clades.tsv');
  const byName = new Map(clades.map((c) => [c.name, c]));

  it('reads clades in file order, ignoring blank lines, with parents and depths', () => {
    expect(clades.map((c) => [c.name, c.parent, c.depth, c.line])).toEqual([
      ['A', null, 0, 3],
      ['B', 'A', 1, 6],
      ['C', 'B', 2, 10],
      ['D', null, 0, 13],
    ]);
  });

  it('a child inherits its parent alleles and overrides them at the same site', () => {
    const sites = (c: CladeDefinition) => c.sites.map((s) => (s.kind === 'nuc' ? `${s.pos}${s.alt}` : `${s.gene}:${s.pos}${s.alt}`)).sort();
    expect(sites(byName.get('A')!)).toEqual(['10C', '20G']);
    expect(sites(byName.get('B')!)).toEqual(['10C', '20T', '30A']);
    expect(sites(byName.get('C')!)).toEqual(['10C', '20T', '30A', 'G1:2K']);
  });

  it('an unknown parent is a SourceFormatError naming file and line', () => {
    const bad = TSV.replace('C\tclade\tB', 'C\tclade\tZ');
    expect(() => parseClades(bad, 'clades.tsv')).toThrow(SourceFormatError);
    expect(() => parseClades(bad, 'clades.tsv')).toThrow(/clades\.tsv, line 10, column "site": clade C: unknown parent clade "Z"/);
  });

  it('a cycle of parents is a SourceFormatError naming file and line', () => {
    const cyc = TSV.replace('A\tnuc\t10\tC', 'A\tclade\tC');
    expect(() => parseClades(cyc, 'clades.tsv')).toThrow(/clades\.tsv, line \d+, column "site": clade parents form a cycle: (A|B|C) → .* → \1/);
  });

  it('a wrong header and a bad site are refused', () => {
    expect(() => parseClades('name\tgene\tsite\talt\nA\tnuc\t1\tC\n', 'x.tsv')).toThrow(/x\.tsv, line 1/);
    expect(() => parseClades('clade\tgene\tsite\talt\nA\tnuc\tten\tC\n', 'x.tsv')).toThrow(/x\.tsv, line 2, column "site"/);
  });
});

describe('assignClade', () => {
  const clades = parseClades(TSV, 'clades.tsv');

  it('takes the deepest clade whose alleles all match', () => {
    expect(assignClade(clades, reader({ 10: 'C', 20: 'G', 30: 'A' }))).toEqual({ clade: 'A', reason: null });
    expect(assignClade(clades, reader({ 10: 'C', 20: 'T', 30: 'G' }))).toEqual({ clade: null, reason: 'no clade matches all its defining alleles' });
    expect(assignClade(clades, reader({ 10: 'C', 20: 'T', 30: 'A' }, { 'G1:2': 'R' }))).toEqual({ clade: 'B', reason: null });
    expect(assignClade(clades, reader({ 10: 'C', 20: 'T', 30: 'A' }, { 'G1:2': 'K' }))).toEqual({ clade: 'C', reason: null });
    expect(assignClade(clades, reader({ 10: 'T', 20: 'T', 30: 'A' }))).toEqual({ clade: 'D', reason: null });
  });

  it('the override means the parent allele no longer matches the child', () => {
    // 20G is A's allele; B requires 20T: a sequence with 20G and 30A is A, not B.
    expect(assignClade(clades, reader({ 10: 'C', 20: 'G', 30: 'A' }, { 'G1:2': 'K' })).clade).toBe('A');
  });

  it('an N at a defining site does not match; when a deeper clade cannot be ruled out the sequence is unassigned with the reason', () => {
    // 30 is N: B (and C) undecidable although A matches.
    const r = assignClade(clades, reader({ 10: 'C', 20: 'T', 30: 'N' }, { 'G1:2': 'K' }));
    expect(r.clade).toBeNull();
    expect(r.reason).toBe('no clade matches, and C (and 1 more clade) cannot be ruled out: missing or ambiguous at nuc 30A');
    // 10 is N: A, B, C and D all undecidable.
    expect(assignClade(clades, reader({ 10: 'N', 20: 'G', 30: 'G' })).reason).toMatch(/^no clade matches, and A .*cannot be ruled out: missing or ambiguous at nuc 10C/);
    // An N at a site that is not B's or C's does not block: 20G rules B out, so A stands.
    expect(assignClade(clades, reader({ 10: 'C', 20: 'G', 30: 'N' }))).toEqual({ clade: 'A', reason: null });
    // Ambiguity codes: Y (C/T) at 10 allows A's C → unknown; R (A/G) at 10 excludes C and T → A and D ruled out.
    expect(assignClade(clades, reader({ 10: 'Y', 20: 'G', 30: 'G' })).clade).toBeNull();
    expect(assignClade(clades, reader({ 10: 'R', 20: 'G', 30: 'G' }))).toEqual({ clade: null, reason: 'no clade matches all its defining alleles' });
  });

  it('two clades matching at the same depth are ambiguous', () => {
    const two = parseClades('clade\tgene\tsite\talt\nP\tnuc\t1\tA\nQ\tnuc\t2\tC\n', 't.tsv');
    expect(assignClade(two, reader({ 1: 'A', 2: 'C' }))).toEqual({ clade: null, reason: 'ambiguous: P and Q both match at depth 0' });
  });
});
