import type { DatasetEntry } from '../../domain/dataset.js';
import { COHEN_CITATION } from '../shared.js';

const METADATA = 'https://github.com/ieee8023/covid-chestxray-dataset/blob/0c2a12c9c9ae0b46c9c86202a87bd4f8ac31f017/metadata.csv';

export const entry = {
  id: 'covid-chestxray',
  title: 'COVID-19 image data collection (covid-chestxray-dataset)',
  publisher: 'Joseph Paul Cohen et al. (Mila, University of Montreal), ieee8023/covid-chestxray-dataset',
  description:
    'Chest X-ray and CT images of COVID-19 and other pneumonias (viral, bacterial, fungal) collected from publications and websites (Radiopaedia, Eurorad, SIRM, figures of open-access papers), one row per image in metadata.csv with patient id, finding, view, offset from symptom onset, survival, clinical notes and the image licence; annotations add severity scores and lung bounding boxes.',
  type: 'imaging',
  modalities: ['x-ray', 'ct'],
  counts: [
    {
      unit: 'images',
      value: 673,
      statedOn: '2020-06-04',
      source: METADATA,
      note: 'Rows of metadata.csv at commit 0c2a12c (2020-06-04): 589 X-ray, 84 CT, 526 labelled COVID-19; counted by Glacier. The collection grew after that commit.',
    },
    {
      unit: 'patients',
      value: 342,
      statedOn: '2020-06-04',
      source: METADATA,
      note: 'Distinct patientid values in the same file, counted by Glacier.',
    },
  ],
  license: {
    spdx: 'CC-BY-NC-SA-4.0',
    name: 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International (metadata and scripts); each image under the licence in its metadata row',
    url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
  },
  redistribution: 'non-commercial',
  redistributionNote:
    '"Each image has license specified in the metadata.csv file" (CC BY, CC BY-NC-SA, CC BY-NC-ND, Apache 2.0, …; about a third of rows name none) and "the metadata.csv, scripts, and other documents are released under a CC BY-NC-SA 4.0 license. Companies are free to perform research. Beyond that contact us." (README). Reuse each image under its own terms; rows without a licence should not be redistributed.',
  commercialUse: false,
  access: ['download'],
  homepage: 'https://github.com/ieee8023/covid-chestxray-dataset',
  downloads: [
    { title: 'metadata.csv', url: 'https://raw.githubusercontent.com/ieee8023/covid-chestxray-dataset/HEAD/metadata.csv', format: 'text/csv' },
    { title: 'Repository archive (images and annotations)', url: 'https://github.com/ieee8023/covid-chestxray-dataset/archive/HEAD.zip', format: 'application/zip' },
  ],
  citation: COHEN_CITATION,
  temporalCoverage: { start: '2020-01-01' },
  spatialCoverage: 'Worldwide: images from patients in many countries (Italy, China, Spain, Iran, the United States, and others)',
  status: { state: 'active' },
  connectors: ['covid-chestxray'],
  keywords: ['COVID-19', 'chest X-ray', 'CXR', 'CT', 'pneumonia', 'medical imaging', 'severity scores', 'deep learning', '胸部X光'],
} satisfies DatasetEntry;
