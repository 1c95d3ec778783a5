import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'covid19-data-portal',
  title: 'European COVID-19 Data Platform (COVID-19 Data Portal)',
  publisher: 'EMBL\'s European Bioinformatics Institute (EMBL-EBI), with the European Commission and partners',
  description:
    'The European COVID-19 Data Platform and its COVID-19 Data Portal: SARS-CoV-2 raw reads and assembled sequences from the European Nucleotide Archive (ENA), with related proteins, structures, expression data, literature and host data, searchable and downloadable through a web portal and API.',
  type: 'sequences',
  counts: [],
  license: {
    name: 'EMBL-EBI terms of use; ENA/INSDC data carry no restrictions on use',
    url: 'https://www.ebi.ac.uk/about/terms-of-use/',
  },
  redistribution: 'open',
  redistributionNote: 'Sequence data in ENA, as in all INSDC databases, are available without restriction on use or redistribution; other data types in the portal may carry their resource\'s own terms.',
  commercialUse: true,
  access: ['web-pages', 'api', 'download'],
  homepage: 'https://www.covid19dataportal.org/',
  downloads: [],
  citation: {
    key: 'harrison2021covid',
    kind: 'article',
    title: 'The COVID-19 Data Portal: accelerating SARS-CoV-2 and COVID-19 research through rapid open access data sharing',
    authors: ['Harrison, Peter W.', 'Lopez, Rodrigo', 'Rahman, Nadim', 'others'],
    year: 2021,
    container: 'Nucleic Acids Research',
    volume: '49',
    issue: 'W1',
    pages: 'W619-W623',
    doi: '10.1093/nar/gkab417',
  },
  temporalCoverage: { start: '2020-01-01' },
  spatialCoverage: 'Worldwide (data submitted to ENA and other resources; Europe-led)',
  status: { state: 'active' },
  connectors: [],
  keywords: ['SARS-CoV-2', 'COVID-19', 'EMBL-EBI', 'European Nucleotide Archive', 'ENA', 'sequences', 'raw reads', 'data portal'],
} satisfies DatasetEntry;
