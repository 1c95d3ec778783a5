import type { CladeDefinition, GeneAnnotation, ReferenceGenome, SequenceAnalysis } from '../../domain/sequences.js';
import { AlignmentError, DEFAULT_ALIGNMENT, alignToReference, indexReference, type AlignmentParams, type ReferenceIndex } from './align.js';
import { assignClade } from './clades.js';
import { callNucChanges } from './mutations.js';
import * as alphabet from './nuc.js';
import { NEXTCLADE_QC, runQc, type QcParams } from './qc.js';
import { prepareGene, translateGene, type PreparedGene } from './translate.js';

/**
 * The whole analysis of a genome: align to the reference, call nucleotide changes, translate
 * every annotated gene, assign the clade, score QC. Prepare the reference once
 * (`prepareAnalysis`), then call `analyzeSequence` per genome, or `analyzeAll` for a set.
 */

export interface AnalysisInput {
  reference: ReferenceGenome;
  annotation: GeneAnnotation[];
  clades: CladeDefinition[];
  alignment?: AlignmentParams;
  qc?: QcParams;
}

export interface PreparedAnalysis {
  index: ReferenceIndex;
  genes: PreparedGene[];
  clades: CladeDefinition[];
  alignment: AlignmentParams;
  qc: QcParams;
}

export function prepareAnalysis(input: AnalysisInput): PreparedAnalysis {
  const alignment = input.alignment ?? DEFAULT_ALIGNMENT;
  const index = indexReference(input.reference.sequence, alignment.k);
  const genes = input.annotation.map((g) => prepareGene(g, index.codes));
  return { index, genes, clades: input.clades, alignment, qc: input.qc ?? NEXTCLADE_QC };
}

/** Upper case, without gaps, spaces or line breaks. */
export function cleanSequence(seq: string): string {
  return seq.toUpperCase().replace(/[-.\s]/g, '');
}

export function analyzeSequence(prep: PreparedAnalysis, strain: string, sequence: string): SequenceAnalysis {
  const seq = cleanSequence(sequence);
  const N = alphabet.N;
  const isMixed = alphabet.isMixed;
  let nCount = 0;
  let ambiguousCount = 0;
  for (let i = 0; i < seq.length; i++) {
    const c = seq.charCodeAt(i);
    if (c === N) nCount++;
    else if (isMixed(c)) ambiguousCount++;
  }
  const al = alignToReference(seq, prep.index, prep.alignment);
  const nuc = callNucChanges(al, prep.index.codes);
  const translations = prep.genes.map((g) => translateGene(g, al));
  const proteins = new Map(translations.map((t) => [t.gene, t.protein]));
  const clade = assignClade(prep.clades, {
    nuc: (pos) => (pos >= 1 && pos <= al.queryAtRef.length ? al.queryAtRef[pos - 1]! : 0),
    aa: (gene, pos) => {
      const p = proteins.get(gene);
      return p === undefined ? undefined : (p[pos - 1] ?? 'X');
    },
  });
  return {
    strain,
    length: seq.length,
    nCount,
    ambiguousCount,
    alignmentStart: al.start,
    alignmentEnd: al.end,
    alignmentScore: al.score,
    substitutions: nuc.substitutions,
    deletions: nuc.deletions,
    insertions: al.insertions,
    missing: nuc.missing,
    mixedSites: nuc.mixedSites,
    aaSubstitutions: translations.flatMap((t) => t.aaSubstitutions),
    aaDeletions: translations.flatMap((t) => t.aaDeletions),
    frameShifts: translations.flatMap((t) => t.frameShifts),
    prematureStops: translations.flatMap((t) => t.prematureStops),
    clade,
    qc: runQc({ nMissing: nuc.nInAlignment, nMixed: nuc.mixedSites.length, params: prep.qc }),
  };
}

export interface AnalysisFailure {
  strain: string;
  reason: string;
}

export interface AnalyzeAllResult {
  results: SequenceAnalysis[];
  /** Sequences that could not be aligned (no seed: not SARS-CoV-2, or far too short). */
  failures: AnalysisFailure[];
}

/** Analyses every sequence (in the order given); one that cannot be aligned is a failure, not an exception. */
export function analyzeAll(input: AnalysisInput & { sequences: Iterable<[string, string]> }): AnalyzeAllResult {
  const prep = prepareAnalysis(input);
  return analyzePrepared(prep, input.sequences);
}

export function analyzePrepared(prep: PreparedAnalysis, sequences: Iterable<[string, string]>): AnalyzeAllResult {
  const results: SequenceAnalysis[] = [];
  const failures: AnalysisFailure[] = [];
  for (const [strain, seq] of sequences) {
    try {
      results.push(analyzeSequence(prep, strain, seq));
    } catch (err) {
      if (err instanceof AlignmentError) failures.push({ strain, reason: err.message });
      else throw err;
    }
  }
  return { results, failures };
}
