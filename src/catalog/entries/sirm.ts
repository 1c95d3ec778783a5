import type { DatasetEntry } from '../../domain/dataset.js';

export const entry = {
  id: 'sirm',
  title: 'SIRM COVID-19 database (Italian Society of Medical and Interventional Radiology cases)',
  publisher: 'Società Italiana di Radiologia Medica e Interventistica (SIRM)',
  description:
    'Numbered COVID-19 cases published by the Italian Society of Medical and Interventional Radiology from the first wave in Italy (spring 2020): chest X-ray and CT images with a short clinical history per patient, in Italian and English. Source of many images in covid-chestxray-dataset and of the MedSeg 100-slice CT set.',
  type: 'imaging',
  modalities: ['x-ray', 'ct'],
  counts: [],
  license: { name: 'No licence stated (SIRM website)', url: 'https://www.sirm.org/category/senza-categoria/covid-19/' },
  redistribution: 'unclear',
  redistributionNote: 'SIRM states no licence for the case images; they were published for teaching, so reuse beyond citation needs SIRM\'s permission.',
  commercialUse: null,
  access: ['web-pages'],
  homepage: 'https://www.sirm.org/category/senza-categoria/covid-19/',
  downloads: [],
  spatialCoverage: 'Italy',
  status: { state: 'active' },
  connectors: [],
  keywords: ['COVID-19', 'SIRM', 'Italy', 'Italia', 'radiology', 'chest X-ray', 'CT', 'teaching cases'],
} satisfies DatasetEntry;
