import type { CladeDefinition, GeneAnnotation, ReferenceGenome } from '../../domain/sequences.js';
import { analyzePrepared, prepareAnalysis, type AnalyzeAllResult, type PreparedAnalysis } from './analyze.js';

/**
 * piscina worker: analyses one chunk of sequences. The prepared reference (k-mer index, genes) is
 * cached per worker and rebuilt only when another reference is sent.
 */
export interface WorkerChunk {
  reference: ReferenceGenome;
  annotation: GeneAnnotation[];
  clades: CladeDefinition[];
  sequences: [string, string][];
}

let cache: { key: string; prep: PreparedAnalysis } | null = null;

export default function analyzeChunk(chunk: WorkerChunk): AnalyzeAllResult {
  const key = `${chunk.reference.name}:${chunk.reference.sequence.length}:${JSON.stringify(chunk.annotation)}:${JSON.stringify(chunk.clades)}`;
  if (!cache || cache.key !== key) cache = { key, prep: prepareAnalysis({ reference: chunk.reference, annotation: chunk.annotation, clades: chunk.clades }) };
  return analyzePrepared(cache.prep, chunk.sequences);
}
