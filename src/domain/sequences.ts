import type { IsoDate } from './dates.js';
import type { SourceInputFile } from './series.js';
import type { SourceManifest } from './source.js';
import type { ValidationIssue } from './validation.js';

/**
 * Virus genome sequences (SARS-CoV-2) with their sample metadata, and what Glacier computes from
 * each genome: alignment to the reference, mutations, translations, clade and quality control.
 * A connector (`src/sources/nextstrain/`) reads the files; the models (`src/models/sequences/`)
 * analyse them. Every position is 1-based, in reference coordinates, ranges closed.
 */

/** How much of a sample date the metadata gives (`2020-03-XX` → month, `2020-XX-XX` → year, `?` → unknown). */
export const SEQUENCE_DATE_PRECISIONS = ['day', 'month', 'year', 'unknown'] as const;
export type SequenceDatePrecision = (typeof SEQUENCE_DATE_PRECISIONS)[number];

/** One sample as the metadata table describes it. `?` and blank cells are null. */
export interface SequenceRecord {
  /** The strain name, the key that joins metadata and FASTA (`Australia/VIC05/2020`). */
  strain: string;
  /** Database accessions; null when the table gives `?` or nothing. */
  accessions: { genbank: string | null; gisaid: string | null };
  /** Collection date truncated to its precision's start (`2020-03-01` for `2020-03-XX`); null when unknown. */
  date: IsoDate | null;
  datePrecision: SequenceDatePrecision;
  dateRaw: string | null;
  /** Host, normalised to the Latin binomial (`Human` → `Homo sapiens`); other values as written. */
  host: string | null;
  hostRaw: string | null;
  /** Place of sampling as written (not keyed to Glacier locations). */
  region: string | null;
  country: string | null;
  division: string | null;
  location: string | null;
  /** Place of exposure as written (travel cases differ from the place of sampling). */
  exposure: { region: string | null; country: string | null; division: string | null };
  /** Sequence length the metadata states (not checked against the FASTA here; the analysis measures it). */
  length: number | null;
  age: number | null;
  /** As written (`Male`, `Female`, …); null for `?`. */
  sex: string | null;
  originatingLab: string | null;
  submittingLab: string | null;
  authors: string | null;
  url: string | null;
  title: string | null;
  dateSubmitted: IsoDate | null;
  /** Whether the FASTA holds a sequence for this strain. */
  hasSequence: boolean;
  /** Metadata file and physical line (header = 1). */
  file: string;
  line: number;
}

/** The reference genome (Wuhan-Hu-1, MN908947). */
export interface ReferenceGenome {
  /** The FASTA header's first word. */
  name: string;
  /** Upper-case A/C/G/T only. */
  sequence: string;
}

/** A contiguous piece of a coding sequence, 1-based closed, on the reference. */
export interface GeneSegment {
  start: number;
  end: number;
}

/**
 * One annotated gene (GFF `gene` or `CDS` rows of one name). `segments` are read in order and
 * concatenated before translation, so a CDS split at a ribosomal slippery site (ORF1ab: 266–13468
 * and 13468–21555, base 13468 read twice) translates as the ribosome reads it.
 */
export interface GeneAnnotation {
  name: string;
  /** First and last reference base of the gene (min/max over the segments). */
  start: number;
  end: number;
  strand: '+' | '-';
  segments: GeneSegment[];
  /** GFF line of the first segment. */
  line: number;
}

/** One allele a clade requires: a nucleotide at a reference position, or an amino acid at a codon of a gene. */
export type CladeSite =
  | { kind: 'nuc'; pos: number; alt: string }
  | { kind: 'aa'; gene: string; pos: number; alt: string };

/** A clade as clades.tsv defines it. */
export interface CladeDefinition {
  name: string;
  /** The clade it inherits from (`20A clade 19A`), null for a root. */
  parent: string | null;
  /** Alleles the file lists for this clade itself. */
  own: CladeSite[];
  /** Every allele the clade requires: its ancestors' with its own overriding theirs at the same site. */
  sites: CladeSite[];
  /** Number of ancestors (a root is 0). */
  depth: number;
  /** clades.tsv line where the clade is first named. */
  line: number;
}

/** A place in lat_longs.tsv (Nextstrain's geographic resolution: region, country, division, location). */
export interface GeoPlace {
  type: string;
  name: string;
  latitude: number;
  longitude: number;
}

export interface ParsedSequences {
  records: SequenceRecord[];
  /** Upper-case sequences by strain, whitespace removed (gaps `-` kept as written). Sequences with characters outside IUPAC are left out (reported). */
  sequences: Map<string, string>;
  reference: ReferenceGenome;
  /** Empty when the source has no annotation file. */
  annotation: GeneAnnotation[];
  /** Empty when the source has no clades file. */
  clades: CladeDefinition[];
  places: GeoPlace[];
  issues: ValidationIssue[];
}

/** A sequence source's manifest: a source manifest with no series. */
export interface SequenceManifest extends SourceManifest {
  metrics: [];
  levels: [];
}

export interface SequenceConnector {
  kind: 'sequences';
  manifest: SequenceManifest;
  /**
   * Called once per run with every manifest file that could be provided (identified by `fileId`;
   * the runner has already gunzipped `.gz` files). Throws `SourceFormatError` for a file it cannot use.
   */
  parse(files: SourceInputFile[]): ParsedSequences;
}

// ---------------------------------------------------------------------------------------------
// Analysis results

export interface NucSubstitution {
  pos: number;
  ref: string;
  alt: string;
}

export interface NucDeletion {
  /** First deleted reference base. */
  start: number;
  length: number;
}

export interface NucInsertion {
  /** The inserted bases follow this reference position (0 = before the first base). */
  pos: number;
  seq: string;
}

export interface NucRange {
  start: number;
  end: number;
}

/** An amino-acid change at codon `pos` (1-based) of a gene; `alt` `*` = stop, `-` = codon deleted. */
export interface AaChange {
  gene: string;
  pos: number;
  ref: string;
  alt: string;
}

/** A stretch of a gene read out of frame (net indel length not a multiple of 3). */
export interface FrameShift {
  gene: string;
  /** First and last reference base read out of frame (sequenced bases after a frame-breaking indel, up to the indel that restores the frame or the gene's end). */
  nucStart: number;
  nucEnd: number;
  /** Codons concerned (1-based, closed). */
  codonStart: number;
  codonEnd: number;
}

export interface PrematureStop {
  gene: string;
  /** Codon (1-based) where the sequence has a stop the reference has not. */
  codon: number;
  /** Codons in the gene. */
  length: number;
}

export type QcStatus = 'good' | 'mediocre' | 'bad';

export interface QcRuleResult {
  /** What the rule counts (N bases; ambiguous, non-ACGTN bases). */
  n: number;
  score: number;
  status: QcStatus;
}

export interface QcResult {
  missingData: QcRuleResult;
  mixedSites: QcRuleResult;
  /** Nextclade's sum of squared rule scores / 100 over the two rules computed here. */
  overall: { score: number; status: QcStatus };
}

export interface CladeCall {
  clade: string | null;
  /** Why no clade was assigned (null when one was). */
  reason: string | null;
}

export interface SequenceAnalysis {
  strain: string;
  /** Bases in the sequence as given (insertions included). */
  length: number;
  /** `N` bases in the sequence as given. */
  nCount: number;
  /** Ambiguous IUPAC codes other than N (R, Y, K, M, S, W, B, D, H, V). */
  ambiguousCount: number;
  /** First and last reference base covered by the sequence; outside it the reference is missing (not deleted). */
  alignmentStart: number;
  alignmentEnd: number;
  alignmentScore: number;
  substitutions: NucSubstitution[];
  deletions: NucDeletion[];
  insertions: NucInsertion[];
  /** Reference ranges with N (including the uncovered ends). */
  missing: NucRange[];
  /** Reference positions with an ambiguous code other than N, with that code. */
  mixedSites: { pos: number; code: string }[];
  aaSubstitutions: AaChange[];
  aaDeletions: AaChange[];
  frameShifts: FrameShift[];
  prematureStops: PrematureStop[];
  clade: CladeCall;
  qc: QcResult;
}
