import type { ChatterConnector, ParsedChatter } from '../domain/chatter.js';
import type { LiteratureConnector, ParsedLiterature } from '../domain/literature.js';
import { replaceNgrams, replacePapers, replacePreprints } from '../store/research-writes.js';
import type { ReplaceSource } from './run-replace.js';

/** Literature and chatter connectors as snapshot sources (src/ingest/run-replace.ts). */

export function literatureSource(c: LiteratureConnector): ReplaceSource<ParsedLiterature> {
  return {
    manifest: c.manifest, vintages: 'newest', parse: (files) => c.parse(files), issues: (p) => p.issues,
    rows: (p) => p.papers.length + p.preprints.length,
    async store(tx, p) {
      await replacePapers(tx, c.manifest.id, p.papers);
      await replacePreprints(tx, c.manifest.id, p.preprints);
    },
  };
}

/** Every dated daily file is a different day, not a vintage: all are read. */
export function chatterSource(c: ChatterConnector): ReplaceSource<ParsedChatter> {
  return {
    manifest: c.manifest, vintages: 'all', parse: (files) => c.parse(files), issues: (p) => p.issues, rows: (p) => p.counts.length,
    store: (tx, p) => replaceNgrams(tx, c.manifest.id, p.counts),
  };
}
