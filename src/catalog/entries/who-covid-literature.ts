import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'who-covid-literature',
  title: 'WHO COVID-19 Research Database (global literature on coronavirus disease)',
  publisher: 'World Health Organization (WHO), hosted by BIREME/PAHO on the Virtual Health Library',
  description:
    'WHO\'s database of global literature on coronavirus disease: journal articles, preprints, reports and grey literature from bibliographic sources and WHO\'s own searches, with multilingual indexing, searchable and exportable as CSV, RIS and other formats. Whether and when updates stopped is not stated here (not verified); check the page.',
  type: 'literature',
  counts: [],
  license: {
    name: 'WHO terms of use (records link to publications under their own copyright)',
    url: 'https://www.who.int/about/policies/terms-of-use',
  },
  redistribution: 'unclear',
  redistributionNote: 'The bibliographic records may be searched and exported for research; no open licence for redistributing the database as a whole is stated, and the publications themselves keep their own copyright.',
  commercialUse: null,
  access: ['web-pages', 'download'],
  homepage: 'https://search.bvsalud.org/global-literature-on-novel-coronavirus-2019-ncov/',
  downloads: [],
  temporalCoverage: { start: '2020-01-01' },
  spatialCoverage: 'Worldwide (literature in many languages)',
  status: { state: 'active' },
  connectors: [],
  keywords: ['COVID-19', 'WHO', 'literature', 'research database', 'global literature on coronavirus disease', 'BIREME', 'Virtual Health Library'],
} satisfies DatasetEntry;
