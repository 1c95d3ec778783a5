import type { LiteratureManifest } from '../../domain/literature.js';

/** asreview/asreview-covid19, which vendors nicholasmfraser/covid19_preprints at f6b6f4a. */
export const ASREVIEW_COMMIT = '0d5e71e95c2a200f0661837ecce8c4e9896bc5ad';

export const manifest = {
  id: 'preprints',
  title: 'COVID-19 preprints (Fraser & Kramer, nicholasmfraser/covid19_preprints): preprint metadata from 20 servers',
  publisher: 'Nicholas Fraser and Bianca Kramer (covid19_preprints); copy vendored by the ASReview team',
  homepage: 'https://github.com/nicholasmfraser/covid19_preprints',
  license: { name: 'CC0 1.0', url: 'https://github.com/nicholasmfraser/covid19_preprints/blob/master/LICENSE', spdx: 'CC0-1.0' },
  redistribution: 'CC0: the metadata may be redistributed without conditions (abstracts remain their authors\' text; link to each preprint by DOI).',
  cadence: 'irregular',
  frozenOn: '2020-04-30',
  metrics: [],
  levels: [],
  parserVersion: 1,
  files: [
    {
      id: 'preprints',
      url: `https://raw.githubusercontent.com/asreview/asreview-covid19/${ASREVIEW_COMMIT}/Covid19_preprints_dataset/data/nicholasmfraser-covid19_preprints-f6b6f4a/data/covid19_preprints.csv`,
      mirror: ['cord19/covid19_preprints_nicholasmfraser.csv'],
    },
  ],
  notes: [] as string[],
} satisfies LiteratureManifest;
