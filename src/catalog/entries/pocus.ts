import type { DatasetEntry } from '../../domain/dataset.js';

const METADATA = 'https://github.com/jannisborn/covid19_ultrasound/blob/9e254a140b4faa2c200b8bb5cee2347b7198fbef/data/dataset_metadata.csv';

export const entry = {
  id: 'pocus',
  title: 'POCUS: COVID-19 lung ultrasound dataset (covid19_ultrasound, formerly covid19_pocus_ultrasound)',
  publisher: 'Jannis Born et al. (ETH Zurich), jannisborn/covid19_ultrasound',
  description:
    'Lung point-of-care ultrasound (POCUS) videos and images of COVID-19, bacterial and viral pneumonia and healthy lungs, combining data from collaborating hospitals (Northumbria, Neuruppin) with public sources (publications, educational websites, a Butterfly Network gallery), with a metadata sheet (source, licence, probe, patient details, symptoms, findings such as B-lines and consolidations, lung severity scores for 136 videos).',
  type: 'imaging',
  modalities: ['ultrasound'],
  counts: [
    {
      unit: 'videos',
      value: 247,
      statedOn: '2021-01-31',
      source: 'https://github.com/jannisborn/covid19_ultrasound/blob/HEAD/data/README.md',
      note: '"Current dataset size (January 2021)": 162 convex videos, 20 Butterfly videos, 20 linear videos and 45 linear videos of possible COVID-19 patients (Piacenza) whose label is unclear; summed by Glacier. Dated to the end of that month.',
    },
    {
      unit: 'images',
      value: 59,
      statedOn: '2021-01-31',
      source: 'https://github.com/jannisborn/covid19_ultrasound/blob/HEAD/data/README.md',
      note: 'Same statement: 53 convex and 6 linear images.',
    },
    {
      unit: 'records',
      value: 375,
      statedOn: '2021-02-25',
      source: METADATA,
      note: 'Rows of dataset_metadata.csv at commit 9e254a1 (2021-02-25): 272 videos and 103 images, 172 labelled COVID-19; counted by Glacier. Files the repository cannot redistribute are fetched by a script and only listed.',
    },
  ],
  license: {
    spdx: 'MIT',
    name: 'MIT License (repository); each video or image under the licence in its metadata row',
    url: 'https://github.com/jannisborn/covid19_ultrasound/blob/HEAD/LICENSE',
  },
  redistribution: 'unclear',
  redistributionNote:
    '"For every source of this dataset, individual licenses apply" (data README): the `License` column gives CC BY 4.0, CC BY-NC 4.0, CC BY-NC-SA, a COVID-19 emergency licence, or "None" for about half of the rows; data fetched by the download script is "all rights reserved". Only the repository code is MIT.',
  commercialUse: null,
  access: ['download'],
  homepage: 'https://github.com/jannisborn/covid19_ultrasound',
  downloads: [
    { title: 'dataset_metadata.csv', url: 'https://raw.githubusercontent.com/jannisborn/covid19_ultrasound/HEAD/data/dataset_metadata.csv', format: 'text/csv' },
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
  spatialCoverage: 'Worldwide: hospital data from the United Kingdom, Germany and Italy, plus public sources',
  status: { state: 'active' },
  connectors: ['pocus'],
  keywords: ['COVID-19', 'lung ultrasound', 'POCUS', 'point-of-care ultrasound', 'B-lines', 'video', 'POCOVID-Net', '肺部超声'],
} satisfies DatasetEntry;
