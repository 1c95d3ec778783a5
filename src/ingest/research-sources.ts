import type { ChatterConnector, ParsedChatter } from '../domain/chatter.js';
import type { LiteratureConnector, ParsedLiterature } from '../domain/literature.js';
import type { ParsedSequences, SequenceConnector } from '../domain/sequences.js';
import type { Gazetteer } from '../gazetteer/gazetteer.js';
import { analyzeOffThread } from '../models/sequences/analyze-off-thread.js';
import type { AnalyzeAllResult } from '../models/sequences/index.js';
import { replaceNgrams, replacePapers, replacePreprints, replaceSequences, type SequenceRow } from '../store/research-writes.js';
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

/**
 * Genomes with their analysis (alignment, mutations, clade, QC: src/models/sequences) and
 * metadata keyed on the gazetteer (country, then division, where the names match). The analysis
 * (about 2 s of CPU for the 418 example genomes) runs in worker threads, off the event loop.
 */
export function sequenceSource(c: SequenceConnector, gaz: Gazetteer): ReplaceSource<{ parsed: ParsedSequences; analysis: AnalyzeAllResult }> {
  return {
    manifest: c.manifest, vintages: 'newest',
    // Analysed while parsing, before the run's transaction opens (PGlite readers are never kept waiting on it).
    async parse(files) {
      const parsed = c.parse(files);
      return { parsed, analysis: await analyzeOffThread(parsed) };
    },
    issues: ({ parsed }) => parsed.issues, rows: ({ parsed }) => parsed.records.length,
    async store(tx, { parsed: p, analysis }) {
      const byStrain = new Map(analysis.results.map((r) => [r.strain, r]));
      const failed = new Map(analysis.failures.map((f) => [f.strain, f.reason]));
      const rows: SequenceRow[] = p.records.map((record) => {
        const country = record.country ?? '';
        const countryKey = country ? gaz.country(country) : undefined;
        const key = countryKey && record.division ? (gaz.resolve(country, record.division) ?? countryKey) : countryKey;
        const genome = p.sequences.get(record.strain) ?? null;
        const failure = failed.get(record.strain) ?? (genome === null ? 'no sequence in the FASTA file' : null);
        return { strain: record.strain, locationKey: key ?? null, record, analysis: byStrain.get(record.strain) ?? null, failure, genome };
      });
      await replaceSequences(tx, c.manifest.id, rows);
    },
  };
}
