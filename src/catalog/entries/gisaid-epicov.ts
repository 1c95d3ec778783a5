import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'gisaid-epicov',
  title: 'GISAID EpiCoV: hCoV-19 (SARS-CoV-2) sequences',
  publisher: 'GISAID Initiative',
  description:
    'The EpiCoV database of GISAID: SARS-CoV-2 (hCoV-19) genome sequences with patient and sampling metadata shared by laboratories worldwide, the largest collection of SARS-CoV-2 genomes, available to registered users who accept the GISAID Database Access Agreement. Glacier holds none of it and cannot.',
  type: 'sequences',
  counts: [
    {
      unit: 'sequences',
      value: 1200000,
      statedOn: '2021-04-26',
      source: 'https://gisaid.org/',
      note: 'Over 1.2 million genomes from 172 countries and territories (GISAID\'s figures as reported by Nature, 26 April 2021). A lower bound for today: GISAID has held many millions more since; see gisaid.org for the current figure.',
    },
  ],
  license: { name: 'GISAID Database Access Agreement (DAA)', url: 'https://gisaid.org/terms-of-use/' },
  redistribution: 'registration-required',
  redistributionNote:
    'Access needs registration and acceptance of the GISAID Database Access Agreement: sequences and metadata may not be redistributed to anyone who has not accepted it (share only GISAID accession ids, EPI_ISL_…), and results must acknowledge the originating and submitting laboratories.',
  commercialUse: false,
  access: ['registration', 'web-pages'],
  homepage: 'https://gisaid.org/',
  downloads: [],
  citation: {
    key: 'shu2017gisaid',
    kind: 'article',
    title: 'GISAID: Global initiative on sharing all influenza data – from vision to reality',
    authors: ['Shu, Yuelong', 'McCauley, John'],
    year: 2017,
    container: 'Eurosurveillance',
    volume: '22',
    issue: '13',
    pages: '30494',
    doi: '10.2807/1560-7917.ES.2017.22.13.30494',
  },
  temporalCoverage: { start: '2019-12-01' },
  spatialCoverage: 'Worldwide: sequences from laboratories in most countries',
  status: { state: 'active' },
  connectors: [],
  keywords: ['SARS-CoV-2', 'hCoV-19', 'GISAID', 'EpiCoV', 'genomes', 'sequences', 'variants', 'lineages', '基因组', '测序'],
} satisfies DatasetEntry;
