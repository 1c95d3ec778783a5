import type { DatasetEntry } from '../../domain/dataset.js';
import { COHEN_CITATION } from '../shared.js';

export const entry = {
  id: 'kaggle-covid-chest-xray',
  title: 'COVID-19 chest xray (Kaggle, bachrr)',
  publisher: 'bachrr on Kaggle (a copy of ieee8023/covid-chestxray-dataset)',
  description:
    'A Kaggle copy of J. P. Cohen\'s covid-chestxray-dataset (chest X-ray and CT images with metadata.csv) taken at one point in time and not kept in step with the GitHub repository (check the Kaggle page for its version date). Kept because many Kaggle notebooks and papers trained on it; for the collection itself use covid-chestxray.',
  type: 'imaging',
  modalities: ['x-ray', 'ct'],
  counts: [],
  license: {
    name: 'As the upstream covid-chestxray-dataset: per-image licences, metadata CC BY-NC-SA 4.0 (Kaggle page)',
    url: 'https://www.kaggle.com/datasets/bachrr/covid-chest-xray',
  },
  redistribution: 'unclear',
  redistributionNote: 'A third-party copy: the images keep the licences listed in the upstream metadata (some non-commercial, some none), whatever the Kaggle page shows; reuse under the upstream terms.',
  commercialUse: null,
  access: ['download', 'registration'],
  homepage: 'https://www.kaggle.com/datasets/bachrr/covid-chest-xray',
  downloads: [],
  citation: COHEN_CITATION,
  spatialCoverage: 'Worldwide (as covid-chestxray-dataset)',
  status: { state: 'active' },
  connectors: [],
  keywords: ['COVID-19', 'Kaggle', 'chest X-ray', 'CT', 'covid-chestxray-dataset', 'pneumonia'],
} satisfies DatasetEntry;
