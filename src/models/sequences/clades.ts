import type { CladeCall, CladeDefinition, CladeSite } from '../../domain/sequences.js';
import * as nuc from './nuc.js';

const GAP = nuc.GAP;
const IUPAC_MASK = nuc.IUPAC_MASK;
const N = nuc.N;

/**
 * Clade assignment of one sequence by the rules of augur's clades.tsv (definitions resolved by
 * the connector: a clade inherits its parent's alleles, its own allele at a site overrides the
 * parent's). Each clade is, for the sequence:
 * - `match`: every defining allele is present;
 * - `mismatch`: some defining site holds a definite other allele (a base, a gap, or an
 *   ambiguity code that excludes the allele);
 * - `unknown`: no mismatch, but some defining site is N, uncovered, or an ambiguity code that
 *   allows the allele (or the amino acid is X).
 * The sequence takes the deepest matching clade. It is unassigned when two clades match at that
 * depth, or when a clade at least as deep is `unknown` (it might be the answer): the reason names
 * the clade and the undecidable sites.
 */

export type CladeStatus = 'match' | 'mismatch' | 'unknown';

export interface SiteReader {
  /** Query char code at a reference position (0 = not covered). */
  nuc(pos: number): number;
  /** Query amino acid at codon `pos` of a gene (`X` unknown; undefined when the gene is not annotated). */
  aa(gene: string, pos: number): string | undefined;
}

function siteStatus(site: CladeSite, read: SiteReader): CladeStatus {
  if (site.kind === 'nuc') {
    const c = read.nuc(site.pos);
    const want = site.alt.charCodeAt(0);
    if (c === 0 || c === N) return 'unknown';
    if (c === want) return 'match';
    if (c === GAP || want === GAP) return 'mismatch';
    const m = IUPAC_MASK[c] ?? 0;
    const w = IUPAC_MASK[want] ?? 0;
    return (m & w) !== 0 ? 'unknown' : 'mismatch';
  }
  const aa = read.aa(site.gene, site.pos);
  if (aa === undefined || aa === 'X') return 'unknown';
  return aa === site.alt ? 'match' : 'mismatch';
}

function label(site: CladeSite): string {
  return site.kind === 'nuc' ? `nuc ${site.pos}${site.alt}` : `${site.gene}:${site.pos}${site.alt}`;
}

export function cladeStatus(def: CladeDefinition, read: SiteReader): { status: CladeStatus; unknownSites: string[] } {
  const unknownSites: string[] = [];
  for (const site of def.sites) {
    const s = siteStatus(site, read);
    if (s === 'mismatch') return { status: 'mismatch', unknownSites: [] };
    if (s === 'unknown') unknownSites.push(label(site));
  }
  return { status: unknownSites.length > 0 ? 'unknown' : 'match', unknownSites };
}

export function assignClade(clades: CladeDefinition[], read: SiteReader): CladeCall {
  if (clades.length === 0) return { clade: null, reason: 'no clade definitions' };
  const matches: CladeDefinition[] = [];
  const unknown: { def: CladeDefinition; sites: string[] }[] = [];
  for (const def of clades) {
    if (def.sites.length === 0) continue;
    const r = cladeStatus(def, read);
    if (r.status === 'match') matches.push(def);
    else if (r.status === 'unknown') unknown.push({ def, sites: r.unknownSites });
  }
  const depth = matches.reduce((d, c) => Math.max(d, c.depth), -1);
  const deepest = matches.filter((c) => c.depth === depth);
  const blocking = unknown.filter((u) => u.def.depth >= depth).sort((a, b) => b.def.depth - a.def.depth);
  if (blocking.length > 0) {
    const u = blocking[0]!;
    const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more clade${blocking.length > 2 ? 's' : ''})` : '';
    const base = deepest.length > 0 ? `matches ${deepest.map((c) => c.name).join(', ')}, but ` : 'no clade matches, and ';
    return { clade: null, reason: `${base}${u.def.name}${more} cannot be ruled out: missing or ambiguous at ${u.sites.join(', ')}` };
  }
  if (deepest.length === 0) return { clade: null, reason: 'no clade matches all its defining alleles' };
  if (deepest.length > 1) return { clade: null, reason: `ambiguous: ${deepest.map((c) => c.name).join(' and ')} both match at depth ${depth}` };
  return { clade: deepest[0]!.name, reason: null };
}
