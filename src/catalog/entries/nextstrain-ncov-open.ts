import type { DatasetEntry } from '../../domain/dataset.js';

const OPEN = 'https://data.nextstrain.org/files/ncov/open';

export const entry = {
  id: 'nextstrain-ncov-open',
  title: 'Nextstrain SARS-CoV-2 open data (ncov open files)',
  publisher: 'Nextstrain (Fred Hutchinson Cancer Center and University of Basel)',
  description:
    'Nextstrain\'s curated copies of all SARS-CoV-2 genomes in GenBank, refreshed by daily workflow runs: metadata (TSV), sequences and Nextclade alignments (FASTA), Nextclade results, and regional subsamples of about 4,000 genomes each, the starting points of the ncov workflow; a small example subset ships with the nextstrain/ncov repository.',
  type: 'sequences',
  counts: [
    {
      unit: 'sequences',
      value: 418,
      statedOn: '2026-07-22',
      source: 'https://github.com/nextstrain/ncov/tree/master/data',
      note: 'The example subset only (example_sequences.fasta.gz in nextstrain/ncov at commit 5993a74), counted by Glacier; the open files hold millions of genomes.',
    },
  ],
  license: {
    name: 'GenBank/INSDC data (no restrictions on use); Nextstrain asks to acknowledge the data submitters',
    url: 'https://docs.nextstrain.org/projects/ncov/en/latest/reference/remote_inputs.html',
  },
  redistribution: 'open',
  redistributionNote: 'Built from GenBank, on whose data NCBI places no restrictions; Nextstrain\'s stated intention is "to make GenBank intermediate files open and available for everyone to use". Acknowledging the originating and submitting laboratories is expected practice. (Nextstrain\'s GISAID-based files are not public.)',
  commercialUse: true,
  access: ['download'],
  homepage: 'https://docs.nextstrain.org/projects/ncov/en/latest/reference/remote_inputs.html',
  downloads: [
    { title: 'metadata.tsv.gz', url: `${OPEN}/metadata.tsv.gz`, format: 'text/tab-separated-values' },
    { title: 'sequences.fasta.xz', url: `${OPEN}/sequences.fasta.xz`, format: 'fasta' },
    { title: 'aligned.fasta.xz', url: `${OPEN}/aligned.fasta.xz`, format: 'fasta' },
  ],
  citation: {
    key: 'hadfield2018nextstrain',
    kind: 'article',
    title: 'Nextstrain: real-time tracking of pathogen evolution',
    authors: [
      'Hadfield, James',
      'Megill, Colin',
      'Bell, Sidney M.',
      'Huddleston, John',
      'Potter, Barney',
      'Callender, Charlton',
      'Sagulenko, Pavel',
      'Bedford, Trevor',
      'Neher, Richard A.',
    ],
    year: 2018,
    container: 'Bioinformatics',
    volume: '34',
    issue: '23',
    pages: '4121-4123',
    doi: '10.1093/bioinformatics/bty407',
  },
  temporalCoverage: { start: '2019-12-01' },
  spatialCoverage: 'Worldwide',
  status: { state: 'active' },
  connectors: ['nextstrain-ncov'],
  keywords: ['SARS-CoV-2', 'Nextstrain', 'ncov', 'genomes', 'phylogenetics', 'Pango lineages', 'Nextclade', 'GenBank', 'open data'],
} satisfies DatasetEntry;
