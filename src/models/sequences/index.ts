export { AlignmentError, DEFAULT_ALIGNMENT, alignToReference, indexReference, type Alignment, type AlignmentParams, type ReferenceIndex } from './align.js';
export { analyzeAll, analyzePrepared, analyzeSequence, cleanSequence, prepareAnalysis, type AnalysisInput, type AnalyzeAllResult, type AnalysisFailure, type PreparedAnalysis } from './analyze.js';
export { assignClade, cladeStatus, type CladeStatus, type SiteReader } from './clades.js';
export { callNucChanges, type NucChanges } from './mutations.js';
export { translateCodon } from './nuc.js';
export { NEXTCLADE_QC, missingDataRule, mixedSitesRule, qcStatus, runQc, type QcParams } from './qc.js';
export { prepareGene, translateGene, type GeneTranslation, type PreparedGene } from './translate.js';
