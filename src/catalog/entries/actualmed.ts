import type { DatasetEntry } from '../../domain/dataset.js';

const METADATA = 'https://github.com/agchung/Actualmed-COVID-chestxray-dataset/blob/27240dd8dec9454bc97f9f3c0c432ef434de2517/metadata.csv';

export const entry = {
  id: 'actualmed',
  title: 'Actualmed COVID-19 chest X-ray dataset',
  publisher: 'COVID-Net team (DarwinAI Corp. and the Vision and Image Processing Research Group, University of Waterloo), with Actualmed and Universitat Jaume I',
  description:
    'Chest X-ray images from Actualmed of COVID-19 and non-COVID patients, with a metadata file (patient, finding, view, modality, sex, age, notes), released as one of the datasets behind COVID-Net and its COVIDx benchmark.',
  type: 'imaging',
  modalities: ['x-ray'],
  counts: [
    {
      unit: 'images',
      value: 238,
      statedOn: '2020-05-05',
      source: METADATA,
      note: 'Rows of metadata.csv at commit 27240dd (2020-05-05): 58 COVID-19, 127 no finding, 53 without a finding; counted by Glacier.',
    },
  ],
  license: { name: 'Research use only (README; no licence file)', url: 'https://github.com/agchung/Actualmed-COVID-chestxray-dataset' },
  redistribution: 'research-only',
  redistributionNote: '"The COVID-19 image data provided here are intended to be used for research purposes only" (README); no licence grants commercial use or redistribution outside research.',
  commercialUse: false,
  access: ['download'],
  homepage: 'https://github.com/agchung/Actualmed-COVID-chestxray-dataset',
  downloads: [
    { title: 'metadata.csv', url: 'https://raw.githubusercontent.com/agchung/Actualmed-COVID-chestxray-dataset/HEAD/metadata.csv', format: 'text/csv' },
  ],
  citation: {
    key: 'wang2020covidnet',
    kind: 'article',
    title: 'COVID-Net: a tailored deep convolutional neural network design for detection of COVID-19 cases from chest X-ray images',
    authors: ['Wang, Linda', 'Lin, Zhong Qiu', 'Wong, Alexander'],
    year: 2020,
    container: 'Scientific Reports',
    volume: '10',
    pages: '19549',
    doi: '10.1038/s41598-020-76550-z',
  },
  spatialCoverage: 'Not stated; compiled with Actualmed and Universitat Jaume I (Spain), reports in Spanish',
  status: { state: 'active' },
  connectors: ['actualmed'],
  keywords: ['COVID-19', 'chest X-ray', 'Actualmed', 'COVID-Net', 'COVIDx'],
} satisfies DatasetEntry;
