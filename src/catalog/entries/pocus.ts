import type { DatasetEntry } from '../../domain/dataset.js';

const METADATA = 'https://github.com/jannisborn/covid19_pocus_ultrasound/blob/9e254a140b4faa2c200b8bb5cee2347b7198fbef/data/dataset_metadata.csv';

export const entry = {
  id: 'pocus',
  title: 'POCUS: COVID-19 lung ultrasound dataset (covid19_pocus_ultrasound)',
  publisher: 'Jannis Born et al. (ETH Zurich), jannisborn/covid19_pocus_ultrasound',
  description:
    'Lung point-of-care ultrasound (POCUS) videos and images of COVID-19, bacterial and viral pneumonia and healthy lungs, gathered from publications, educational websites, a Butterfly Network collection and clinical partners, with a metadata sheet (source, licence, probe, patient details, symptoms and findings such as B-lines and consolidations as rated by physicians).',
  type: 'imaging',
  modalities: ['ultrasound'],
  counts: [
    {
      unit: 'records',
      value: 375,
      statedOn: '2021-02-25',
      source: METADATA,
      note: 'Rows of dataset_metadata.csv at commit 9e254a1 (2021-02-25): 272 videos and 103 images, 172 labelled COVID-19; counted by Glacier. Files Glacier cannot redistribute (no licence) are only linked.',
    },
  ],
  license: {
    spdx: 'Apache-2.0',
    name: 'Apache License 2.0 (repository code); each video or image under the licence in its metadata row',
    url: 'https://www.apache.org/licenses/LICENSE-2.0',
  },
  redistribution: 'unclear',
  redistributionNote:
    'The repository (code) is Apache 2.0, but each video or image has its own licence in the `License` column: CC BY 4.0, CC BY-NC 4.0, CC BY-NC-SA, a COVID-19 emergency licence, and "None" for about half of the rows; reuse each file under its own terms.',
  commercialUse: null,
  access: ['download'],
  homepage: 'https://github.com/jannisborn/covid19_pocus_ultrasound',
  downloads: [
    { title: 'dataset_metadata.csv', url: 'https://raw.githubusercontent.com/jannisborn/covid19_pocus_ultrasound/HEAD/data/dataset_metadata.csv', format: 'text/csv' },
  ],
  citation: {
    key: 'born2021accelerating',
    kind: 'article',
    title: 'Accelerating Detection of Lung Pathologies with Explainable Ultrasound Image Analysis',
    authors: [
      'Born, Jannis',
      'Wiedemann, Nina',
      'Cossio, Manuel',
      'Buhre, Charlotte',
      'Brändle, Gabriel',
      'Leidermann, Konstantin',
      'Aujayeb, Avinash',
      'Moor, Michael',
      'Rieck, Bastian',
      'Borgwardt, Karsten',
    ],
    year: 2021,
    container: 'Applied Sciences',
    volume: '11',
    issue: '2',
    pages: '672',
    doi: '10.3390/app11020672',
  },
  temporalCoverage: { start: '2020-01-01' },
  spatialCoverage: 'Worldwide: clinical videos from several countries (Europe, the United States, and others)',
  status: { state: 'active' },
  connectors: ['pocus'],
  keywords: ['COVID-19', 'lung ultrasound', 'POCUS', 'point-of-care ultrasound', 'B-lines', 'video', 'POCOVID-Net', '肺部超声'],
} satisfies DatasetEntry;
