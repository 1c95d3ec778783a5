import type { SequenceManifest } from '../../domain/sequences.js';

/** The nextstrain/ncov commit the mirrored example files come from. */
export const COMMIT = '5993a7421ea707d4ca5262adcfe944027dc8620c';
const RAW = `https://raw.githubusercontent.com/nextstrain/ncov/${COMMIT}`;

export const manifest = {
  id: 'nextstrain-ncov',
  title: 'SARS-CoV-2 genomes: Nextstrain ncov example data (418 GenBank genomes, reference, annotation, clades)',
  publisher: 'Nextstrain (nextstrain/ncov); sequences from GenBank (NCBI)',
  homepage: 'https://github.com/nextstrain/ncov',
  license: { name: 'MIT (repository); the sequences are GenBank records (INSDC: no restriction on use)', url: 'https://github.com/nextstrain/ncov/blob/master/LICENSE', spdx: 'MIT' },
  redistribution: 'The repository (files, metadata, clade definitions) is MIT-licensed and may be redistributed with its licence notice; the genomes are public GenBank records, citing the submitting laboratories named in the metadata.',
  cadence: 'irregular',
  metrics: [],
  levels: [],
  parserVersion: 1,
  files: [
    { id: 'sequences', url: `${RAW}/data/example_sequences.fasta.gz`, mirror: ['sequences/nextstrain-ncov/data/example_sequences.fasta.gz'] },
    { id: 'metadata', url: `${RAW}/data/example_metadata.tsv`, mirror: ['sequences/nextstrain-ncov/data/example_metadata.tsv'] },
    { id: 'reference', url: `${RAW}/defaults/reference_seq.fasta`, mirror: ['sequences/nextstrain-ncov/defaults/reference_seq.fasta'] },
    { id: 'annotation', url: `${RAW}/defaults/annotation.gff`, mirror: ['sequences/nextstrain-ncov/defaults/annotation.gff'] },
    { id: 'clades', url: `${RAW}/defaults/clades.tsv`, mirror: ['sequences/nextstrain-ncov/defaults/clades.tsv'] },
    { id: 'lat-longs', url: `${RAW}/defaults/lat_longs.tsv`, mirror: ['sequences/nextstrain-ncov/defaults/lat_longs.tsv'] },
  ],
  notes: [
    `Upstream: nextstrain/ncov at commit ${COMMIT}; URLs pinned to it. sequences, metadata and reference are required; annotation, clades and lat-longs are optional (no translation, no clades, no coordinates without them).`,
    'example_sequences.fasta.gz: 418 unaligned genomes (gzipped upstream; the runner gunzips it). Sequences are read upper-case, whitespace removed. A record with no sequence (a header at the end of a cut file, or two headers in a row) refuses the file. A sequence holding a character outside IUPAC nucleotide codes and "-" is left out with an unparseable_cell warning naming its line, column and character. A repeated strain keeps the first record (duplicate_row).',
    'example_metadata.tsv: one row per strain, columns found by name (strain and date required). "?" and blank cells are null (missing_marker, one issue per column). date YYYY-MM-DD → day; YYYY-MM-XX → month; YYYY-XX-XX → year; anything else → precision unknown (unparseable_cell). host "Human" (2 rows) → "Homo sapiens" (repaired); other hosts as written (Mustela lutreola, environment). Places (region, country, division, location, exposures) are kept as written: they are not keyed to Glacier locations. A row of another width than the header refuses the file.',
    'Join: a metadata row whose strain has no FASTA record is kept (hasSequence false) and reported (row_skipped, column strain); a FASTA record without a metadata row is kept in sequences and reported. In the example data both sets are the same 418 strains.',
    'reference_seq.fasta: MN908947 (Wuhan-Hu-1), 29903 bases, must be a single record of A/C/G/T. GenBank-format references are not read (the folder has FASTA).',
    'annotation.gff: gene (or CDS) rows; name from gene_name=, gene=, Name= or ID=. Rows of one name are the segments of one gene in file order. This annotation splits ORF1ab into ORF1a 266–13468 and ORF1b 13468–21555 (the −1 ribosomal frameshift; base 13468 is read by both), so each translates in frame on its own.',
    'clades.tsv: augur\'s clade definitions (clade, gene, site, alt). "X clade Y" makes Y the parent of X; X inherits Y\'s alleles and its own allele at a site overrides Y\'s. gene "nuc" = nucleotide position; any other gene = codon of that gene. Blank and # lines are ignored. A parent that is never defined, a cycle of parents, two parents for one clade, a site listed twice with two alleles, or a bad position refuses the file (SourceFormatError naming file and line).',
    'lat_longs.tsv: type (region, country, division, location, …), name, latitude, longitude; no header. A repeated type and name keeps the first (duplicate_row; one such pair in the file); an unreadable number skips the row (unparseable_cell).',
  ],
} as const satisfies SequenceManifest;
