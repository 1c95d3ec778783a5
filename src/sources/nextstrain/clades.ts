import type { CladeDefinition, CladeSite } from '../../domain/sequences.js';
import { SourceFormatError } from '../../domain/validation.js';

/**
 * augur's clades.tsv: `clade gene site alt`, one allele per row; `X clade Y` names Y as X's parent.
 * Resolution: a clade's sites are its parent's (resolved first) with its own alleles overriding
 * the parent's at the same site. Blank and `#` lines are ignored.
 */

const HEADER = ['clade', 'gene', 'site', 'alt'];

function siteKey(s: CladeSite): string {
  return s.kind === 'nuc' ? `nuc:${s.pos}` : `${s.gene}:${s.pos}`;
}

export function parseClades(text: string, file: string): CladeDefinition[] {
  const lines = text.split('\n');
  let headerSeen = false;
  const order: string[] = [];
  const first = new Map<string, number>();
  const parents = new Map<string, { parent: string; line: number }>();
  const own = new Map<string, Map<string, { site: CladeSite; line: number }>>();
  const touch = (name: string, line: number): void => {
    if (!first.has(name)) {
      first.set(name, line);
      order.push(name);
      own.set(name, new Map());
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let l = lines[i]!.replace(/\r$/, '');
    if (i === 0) l = l.replace(/^\uFEFF/, '');
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    const cells = l.split('\t').map((c) => c.trim());
    if (!headerSeen) {
      for (let k = 0; k < HEADER.length; k++) {
        if (cells[k] !== HEADER[k]) throw new SourceFormatError(`header must be ${HEADER.join(', ')} (got "${cells.join('\t')}")`, file, line, cells[k] ?? HEADER[k]);
      }
      headerSeen = true;
      continue;
    }
    const [clade = '', gene = '', site = '', alt = ''] = cells;
    if (clade === '') throw new SourceFormatError('row without a clade name', file, line, 'clade');
    if (gene === '') throw new SourceFormatError(`clade ${clade}: row without a gene`, file, line, 'gene');
    touch(clade, line);
    if (gene === 'clade') {
      if (site === '') throw new SourceFormatError(`clade ${clade}: parent row without a parent`, file, line, 'site');
      const prev = parents.get(clade);
      if (prev && prev.parent !== site) throw new SourceFormatError(`clade ${clade} has two parents: ${prev.parent} (line ${prev.line}) and ${site}`, file, line, 'site');
      if (site === clade) throw new SourceFormatError(`clade ${clade} is its own parent`, file, line, 'site');
      parents.set(clade, { parent: site, line });
      continue;
    }
    if (!/^[1-9]\d*$/.test(site)) throw new SourceFormatError(`clade ${clade}: site "${site}" is not a positive whole number`, file, line, 'site');
    const pos = Number(site);
    const a = alt.toUpperCase();
    let s: CladeSite;
    if (gene === 'nuc') {
      if (!/^[ACGT-]$/.test(a)) throw new SourceFormatError(`clade ${clade}: nucleotide allele "${alt}" is not one of A, C, G, T, -`, file, line, 'alt');
      s = { kind: 'nuc', pos, alt: a };
    } else {
      if (!/^[A-Z*-]$/.test(a)) throw new SourceFormatError(`clade ${clade}: amino-acid allele "${alt}" is not one letter`, file, line, 'alt');
      s = { kind: 'aa', gene, pos, alt: a };
    }
    const mine = own.get(clade)!;
    const prev = mine.get(siteKey(s));
    if (prev && prev.site.alt !== s.alt) throw new SourceFormatError(`clade ${clade}: ${gene} ${pos} listed twice with different alleles (${prev.site.alt} at line ${prev.line}, ${s.alt})`, file, line, 'alt');
    mine.set(siteKey(s), { site: s, line });
  }
  if (!headerSeen) throw new SourceFormatError('empty clades file (no header)', file, 1);
  for (const [clade, p] of parents) {
    if (!first.has(p.parent) || (own.get(p.parent)!.size === 0 && !parents.has(p.parent))) {
      throw new SourceFormatError(`clade ${clade}: unknown parent clade "${p.parent}" (it defines no allele and no parent)`, file, p.line, 'site');
    }
  }
  // Resolve with cycle detection.
  const resolved = new Map<string, { sites: Map<string, CladeSite>; depth: number }>();
  const resolve = (name: string, stack: string[]): { sites: Map<string, CladeSite>; depth: number } => {
    const done = resolved.get(name);
    if (done) return done;
    if (stack.includes(name)) {
      const cycle = [...stack.slice(stack.indexOf(name)), name];
      throw new SourceFormatError(`clade parents form a cycle: ${cycle.join(' → ')}`, file, parents.get(name)!.line, 'site');
    }
    const p = parents.get(name);
    const base = p ? resolve(p.parent, [...stack, name]) : { sites: new Map<string, CladeSite>(), depth: -1 };
    const sites = new Map(base.sites);
    for (const [k, v] of own.get(name)!) sites.set(k, v.site);
    const r = { sites, depth: base.depth + 1 };
    resolved.set(name, r);
    return r;
  };
  return order.map((name) => {
    const r = resolve(name, []);
    return {
      name,
      parent: parents.get(name)?.parent ?? null,
      own: [...own.get(name)!.values()].map((v) => v.site),
      sites: [...r.sites.values()],
      depth: r.depth,
      line: first.get(name)!,
    };
  });
}
