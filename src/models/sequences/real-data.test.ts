import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import { manifest } from '../../sources/nextstrain/manifest.js';
import { parseNextstrain } from '../../sources/nextstrain/parse.js';
import { analyzeAll } from './analyze.js';

/**
 * The 418 example genomes end to end. Facts are checked against an independent reading: the base
 * at a reference position is found by searching the query for the 20 reference bases before it
 * (plain string search, no alignment), accepted only when that context occurs exactly once.
 */

const files = manifest.files.map((f) => {
  const p = dataPath(f.mirror[0]!);
  const raw = readFileSync(p);
  const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  return { fileId: f.id, name: p, text: bytes.toString('utf8'), bytes };
});
const parsed = parseNextstrain(files);
const { results, failures } = analyzeAll({ sequences: parsed.sequences, reference: parsed.reference, annotation: parsed.annotation, clades: parsed.clades });
const ref = parsed.reference.sequence;

/** The query base at reference position `pos` (1-based) by context search; null when the context is not found once. */
function baseByContext(query: string, pos: number): string | null {
  const ctx = ref.slice(pos - 21, pos - 1);
  const i = query.indexOf(ctx);
  if (i < 0 || query.indexOf(ctx, i + 1) >= 0) return null;
  return query[i + 20] ?? null;
}

describe('analyzeAll on the 418 Nextstrain example genomes', () => {
  it('every genome is aligned, annotated, clade-called and QC-scored', () => {
    expect(failures).toEqual([]);
    expect(results).toHaveLength(418);
    for (const r of results) {
      expect(r.alignmentEnd - r.alignmentStart).toBeGreaterThan(29000);
      expect(['good', 'mediocre', 'bad']).toContain(r.qc.overall.status);
      expect(r.clade.clade !== null || r.clade.reason !== null).toBe(true);
    }
  });

  it('substitutions agree with the bases read by context search', () => {
    let checked = 0;
    for (const r of results.slice(0, 60)) {
      const q = parsed.sequences.get(r.strain)!;
      for (const s of r.substitutions) {
        const b = baseByContext(q, s.pos);
        if (b === null) continue;
        expect(b).toBe(s.alt);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('S:D614G: the genomes carrying it are those with G at 23403 by context search (262 of 418)', () => {
    const independent = new Map<string, string | null>();
    for (const [strain, q] of parsed.sequences) independent.set(strain, baseByContext(q, 23403));
    const withG = [...independent].filter(([, b]) => b === 'G').map(([s]) => s).sort();
    const called = results.filter((r) => r.aaSubstitutions.some((a) => a.gene === 'S' && a.pos === 614 && a.ref === 'D' && a.alt === 'G')).map((r) => r.strain).sort();
    expect(called).toEqual(withG);
    expect(called).toHaveLength(262);
  });

  it('every defining allele of the assigned clade is present by context search; clade counts', () => {
    const defs = new Map(parsed.clades.map((c) => [c.name, c]));
    const counts = new Map<string, number>();
    let verified = 0;
    for (const r of results) {
      counts.set(r.clade.clade ?? 'unassigned', (counts.get(r.clade.clade ?? 'unassigned') ?? 0) + 1);
      if (!r.clade.clade) continue;
      const q = parsed.sequences.get(r.strain)!;
      for (const site of defs.get(r.clade.clade)!.sites) {
        if (site.kind !== 'nuc') continue;
        const b = baseByContext(q, site.pos);
        if (b === null) continue; // context interrupted by a mutation or an N: not checkable this way
        expect(`${r.strain} ${site.pos}${b}`).toBe(`${r.strain} ${site.pos}${site.alt}`);
        verified++;
      }
    }
    expect(verified).toBeGreaterThan(1000);
    expect(Object.fromEntries(counts)).toEqual({ '19A': 68, '19B': 86, '20A': 84, '20B': 25, '20C': 141, '20D': 1, unassigned: 13 });
    // Every unassigned genome is undecidable at 8782 (19A/19B split; N or Y there).
    for (const r of results.filter((x) => !x.clade.clade)) expect(r.clade.reason).toMatch(/cannot be ruled out: missing or ambiguous at nuc 8782C/);
    // D614G without 14408T (early European genomes such as BavPat1) stays 19A under the clades.tsv rules.
    const bav = results.find((r) => r.strain === 'Germany/BavPat1-ChVir929/2020')!;
    expect(bav.clade.clade).toBe('19A');
    expect(bav.aaSubstitutions.some((a) => a.gene === 'S' && a.pos === 614)).toBe(true);
  });

  it('QC: N counts and mixed sites match a plain count of the sequence letters', () => {
    for (const r of results) {
      const q = parsed.sequences.get(r.strain)!;
      const n = q.split('').filter((c) => c === 'N').length;
      const mixed = q.replace(/[ACGTN-]/g, '').length;
      expect(r.nCount).toBe(n);
      expect(r.ambiguousCount).toBe(mixed);
      expect(r.qc.missingData.n).toBeLessThanOrEqual(n); // Ns in the aligned range only
      // Ambiguity codes beyond the reference's ends are not in the alignment (USA/WA-UW282/2020 has a D in its poly-A overhang).
      if (r.strain === 'USA/WA-UW282/2020') expect([mixed, r.qc.mixedSites.n]).toEqual([1, 0]);
      else expect(r.qc.mixedSites.n).toBe(mixed);
    }
    expect(results.filter((r) => r.qc.overall.status === 'bad').length).toBe(18);
  });

  it('known indels: ORF1a D448del (1606, 3 nt) and the ORF7a frame shift of the Dutch mink genome', () => {
    const vic96 = results.find((r) => r.strain === 'Australia/VIC96/2020')!;
    expect(vic96.deletions).toEqual([{ start: 1606, length: 3 }]);
    expect(vic96.aaDeletions).toEqual([{ gene: 'ORF1a', pos: 448, ref: 'D', alt: '-' }]);
    const mink = results.find((r) => r.strain === 'mink/Netherlands/NB01_01KS/2020')!;
    expect(mink.deletions).toEqual([{ start: 27541, length: 134 }]);
    expect(mink.frameShifts.map((f) => [f.gene, f.codonStart, f.codonEnd])).toEqual([['ORF7a', 94, 122]]);
  });
});
