import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'medrxiv-biorxiv-covid19',
  title: 'medRxiv and bioRxiv COVID-19 SARS-CoV-2 preprint collection',
  publisher: 'Cold Spring Harbor Laboratory (medRxiv with Yale University and BMJ)',
  description:
    'The COVID-19 and SARS-CoV-2 preprints posted on medRxiv and bioRxiv, listed together on one page and served as metadata (DOI, title, authors, dates, abstract, server, published version) through the bioRxiv/medRxiv API\'s covid19 endpoint, from January 2020 on.',
  type: 'literature',
  counts: [],
  license: {
    name: 'Per preprint: the licence its authors chose (CC BY, CC BY-NC, CC BY-NC-ND, CC BY-ND, CC0, or no reuse)',
    url: 'https://www.medrxiv.org/submit-a-manuscript',
  },
  redistribution: 'unclear',
  redistributionNote: 'Each preprint is under the licence its authors chose, from CC0 and CC BY to "all rights reserved, no reuse allowed without permission"; the metadata may be harvested through the API, full text only under each preprint\'s licence.',
  commercialUse: null,
  access: ['web-pages', 'api'],
  homepage: 'https://connect.medrxiv.org/relate/content/181',
  downloads: [{ title: 'COVID-19 preprints API (JSON, paged by cursor)', url: 'https://api.biorxiv.org/covid19/0', format: 'application/json' }],
  spatialCoverage: 'Worldwide (preprints)',
  status: { state: 'active' },
  connectors: ['preprints'],
  keywords: ['COVID-19', 'SARS-CoV-2', 'preprints', 'medRxiv', 'bioRxiv', 'literature', 'API'],
} satisfies DatasetEntry;
