import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'ncbi-virus-sars-cov-2',
  title: 'NCBI GenBank SARS-CoV-2 sequences (NCBI Virus)',
  publisher: 'National Center for Biotechnology Information (NCBI), US National Library of Medicine',
  description:
    'SARS-CoV-2 nucleotide and protein sequences submitted to GenBank (and the other INSDC databases), searchable and downloadable with their metadata (collection date and country, host, isolate, Pango lineage) through NCBI Virus, and downloadable in bulk with the NCBI Datasets command-line tool and API.',
  type: 'sequences',
  counts: [],
  license: {
    name: 'NCBI data policy: NCBI places no restrictions on the use or distribution of GenBank data',
    url: 'https://www.ncbi.nlm.nih.gov/home/about/policies/',
  },
  redistribution: 'open',
  redistributionNote:
    'NCBI "places no restrictions on the use or distribution of the GenBank data"; submitters may claim patent or other rights on some sequences, so users are responsible for those.',
  commercialUse: true,
  access: ['web-pages', 'api', 'download'],
  homepage: 'https://www.ncbi.nlm.nih.gov/labs/virus/vssi/#/virus?SeqType_s=Nucleotide&VirusLineage_ss=taxid:2697049',
  downloads: [{ title: 'NCBI SARS-CoV-2 resources (downloads and Datasets tool)', url: 'https://www.ncbi.nlm.nih.gov/sars-cov-2/', format: 'text/html' }],
  citation: {
    key: 'hatcher2017virus',
    kind: 'article',
    title: 'Virus Variation Resource – improved response to emergent viral outbreaks',
    authors: [
      'Hatcher, Eneida L.',
      'Zhdanov, Sergey A.',
      'Bao, Yiming',
      'Blinkova, Olga',
      'Nawrocki, Eric P.',
      'Ostapchuck, Yuri',
      'Schäffer, Alejandro A.',
      'Brister, J. Rodney',
    ],
    year: 2017,
    container: 'Nucleic Acids Research',
    volume: '45',
    issue: 'D1',
    pages: 'D482-D490',
    doi: '10.1093/nar/gkw1065',
  },
  temporalCoverage: { start: '2019-12-01' },
  spatialCoverage: 'Worldwide: sequences from laboratories in many countries',
  status: { state: 'active' },
  connectors: [],
  keywords: ['SARS-CoV-2', 'COVID-19', 'GenBank', 'NCBI Virus', 'INSDC', 'genomes', 'sequences', 'FASTA', '基因组'],
} satisfies DatasetEntry;
