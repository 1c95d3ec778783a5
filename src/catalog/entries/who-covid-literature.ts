import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'who-covid-literature',
  title: 'WHO COVID-19 Research Database (global literature on coronavirus disease)',
  publisher: 'World Health Organization (WHO), hosted by BIREME/PAHO on the Virtual Health Library',
  description:
    'WHO\'s database of global literature on coronavirus disease: multilingual journal articles, preprints, reports and grey literature from bibliographic databases, hand searches of publishers\' sites and expert referrals (daily WHO searches from 26 January 2020; BIREME search interface from April 2020), searchable and exportable (CSV, RIS and others). Whether and when updates stopped is not verified here.',
  type: 'literature',
  counts: [
    {
      unit: 'articles',
      value: 430000,
      statedOn: '2022-01-10',
      source: 'https://boletin.bireme.org/en/2022/01/10/who-database-on-covid-19-receives-choice-award-from-american-library-association/',
      note: '"More than 430,000 documents available, of which 80% are full texts" (BIREME Bulletin 63). Documents, not only articles; a lower bound.',
    },
  ],
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
  spatialCoverage: 'Worldwide (literature in many languages)',
  status: { state: 'active' },
  connectors: [],
  keywords: ['COVID-19', 'WHO', 'literature', 'research database', 'global literature on coronavirus disease', 'BIREME', 'Virtual Health Library'],
} satisfies DatasetEntry;
