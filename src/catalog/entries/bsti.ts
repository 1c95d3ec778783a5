import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'bsti',
  title: 'BSTI COVID-19 imaging database (teaching library)',
  publisher: 'British Society of Thoracic Imaging (BSTI)',
  description:
    'The British Society of Thoracic Imaging\'s COVID-19 teaching library: anonymised chest X-ray and CT cases submitted by UK radiologists during the pandemic, each with a short history and imaging findings, to help radiologists recognise COVID-19 pneumonia. Viewed as web pages.',
  type: 'imaging',
  modalities: ['x-ray', 'ct'],
  counts: [],
  license: { name: 'No licence stated (BSTI website)', url: 'https://www.bsti.org.uk/training-and-education/covid-19-bsti-imaging-database/' },
  redistribution: 'unclear',
  redistributionNote: 'BSTI states no licence for reusing the cases; they are published for education, so republishing images needs BSTI\'s permission.',
  commercialUse: null,
  access: ['web-pages'],
  homepage: 'https://www.bsti.org.uk/training-and-education/covid-19-bsti-imaging-database/',
  downloads: [],
  temporalCoverage: { start: '2020-03-01' },
  spatialCoverage: 'United Kingdom',
  status: { state: 'active' },
  connectors: [],
  keywords: ['COVID-19', 'BSTI', 'British Society of Thoracic Imaging', 'United Kingdom', 'teaching library', 'chest X-ray', 'CT'],
} satisfies DatasetEntry;
