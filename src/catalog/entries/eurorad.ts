import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'eurorad',
  title: 'Eurorad COVID-19 teaching cases',
  publisher: 'European Society of Radiology (ESR)',
  description:
    'Peer-reviewed radiology teaching cases on Eurorad, the European Society of Radiology\'s case database, including COVID-19 cases with chest X-ray and CT images, clinical history, imaging findings and discussion. A source of many images in covid-chestxray-dataset; browsed as web pages, no bulk download.',
  type: 'imaging',
  modalities: ['x-ray', 'ct'],
  counts: [],
  license: {
    spdx: 'CC-BY-NC-SA-4.0',
    name: 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International (Eurorad case content)',
    url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
  },
  redistribution: 'non-commercial',
  redistributionNote: 'Eurorad publishes its cases under CC BY-NC-SA 4.0: images and text may be reused non-commercially with attribution to the case authors and Eurorad, adaptations under the same licence.',
  commercialUse: false,
  access: ['web-pages'],
  homepage: 'https://www.eurorad.org/',
  downloads: [],
  temporalCoverage: { start: '2020-01-01' },
  spatialCoverage: 'Europe mainly (cases submitted by radiologists worldwide)',
  status: { state: 'active' },
  connectors: [],
  keywords: ['COVID-19', 'Eurorad', 'European Society of Radiology', 'teaching cases', 'chest X-ray', 'CT', 'radiology'],
} satisfies DatasetEntry;
