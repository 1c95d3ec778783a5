import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'bsti',
  title: 'BSTI COVID-19 imaging database (teaching library)',
  publisher: 'British Society of Thoracic Imaging (BSTI)',
  description:
    'The British Society of Thoracic Imaging\'s COVID-19 imaging database, built with Cimar UK\'s imaging cloud: a free, anonymised and encrypted portal where UK clinicians upload and refer chest X-ray and CT imaging of patients with confirmed or suspected COVID-19, shown as a teaching library of cases. Viewed as web pages; no bulk download.',
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
  spatialCoverage: 'United Kingdom',
  status: { state: 'active' },
  connectors: [],
  keywords: ['COVID-19', 'BSTI', 'British Society of Thoracic Imaging', 'United Kingdom', 'teaching library', 'chest X-ray', 'CT'],
} satisfies DatasetEntry;
