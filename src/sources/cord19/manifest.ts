import type { LiteratureManifest } from '../../domain/literature.js';

/** sagarkar10/CORD-19-Browse: the first 1000 rows of AI2's metadata.csv (early-April-2020 schema). */
export const SAMPLE_COMMIT = 'd064122f1398622c852d08f7300112bc502fcf31';
/** asreview/asreview-covid19: the id/date table derived from CORD-19 v8 (2020-04-17). */
export const ASREVIEW_COMMIT = '4f21c130cd4a83dc72b56338e31c1de31767e7b4';

export const manifest = {
  id: 'cord19',
  title: 'CORD-19 (COVID-19 Open Research Dataset): literature metadata — a 1000-row metadata.csv sample and the v8 id/date table',
  publisher: 'Allen Institute for AI (AI2) with CZI, MSR, Georgetown CSET, NIH/NLM and The White House OSTP; id/date table derived by the ASReview team (Utrecht University)',
  homepage: 'https://github.com/allenai/cord19',
  license: {
    name: 'CORD-19 Dataset License (AI2); the asreview-derived table Apache-2.0',
    url: 'https://github.com/allenai/cord19/blob/master/LICENSE',
  },
  redistribution:
    'The metadata may be redistributed under the CORD-19 Dataset License (attribution to AI2 and the listed partners; each paper remains under its own licence, given per paper in "license"); full texts are not mirrored.',
  cadence: 'irregular',
  frozenOn: '2020-04-24',
  metrics: [],
  levels: [],
  parserVersion: 1,
  files: [
    {
      id: 'metadata',
      url: `https://raw.githubusercontent.com/sagarkar10/CORD-19-Browse/${SAMPLE_COMMIT}/data/sample_metadata.csv`,
      mirror: ['cord19/metadata_sample_1000rows_2020-04.csv'],
    },
    {
      id: 'id-date',
      url: `https://raw.githubusercontent.com/asreview/asreview-covid19/${ASREVIEW_COMMIT}/Cord19_dataset/CORD19v8_R/output/CORD19id_date_v8.csv`,
      mirror: ['cord19/CORD19id_date_v8.csv'],
    },
  ],
  notes: [] as string[],
} satisfies LiteratureManifest;
