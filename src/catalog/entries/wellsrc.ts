import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/wellsrc/manifest.js';
import { sourceDataset } from '../from-source.js';

export const entry = sourceDataset(manifest, {
  description:
    'The MATLAB inputs of Wells et al. (PNAS 2020) on travel and border controls: daily reported COVID-19 incidence in Wuhan, in Hubei outside Wuhan and in China outside Hubei, onset-date series, exported cases and flight weights. Glacier ingests the Wuhan report series (7 December 2019 to 16 February 2020).',
  counts: [],
  redistribution: 'share-alike',
  commercialUse: true,
  citation: {
    key: 'wells2020impact',
    kind: 'article',
    title: 'Impact of international travel and border control measures on the global spread of the novel 2019 coronavirus outbreak',
    authors: [
      'Wells, Chad R.',
      'Sah, Pratha',
      'Moghadas, Seyed M.',
      'Pandey, Abhishek',
      'Shoukat, Affan',
      'Wang, Yaning',
      'Wang, Zheng',
      'Meyers, Lauren Ancel',
      'Singer, Burton H.',
      'Galvani, Alison P.',
    ],
    year: 2020,
    container: 'Proceedings of the National Academy of Sciences',
    volume: '117',
    issue: '13',
    pages: '7504-7509',
    doi: '10.1073/pnas.2002616117',
  },
  temporalCoverage: { start: '2019-12-07', end: '2020-02-16' },
  spatialCoverage: 'China: Wuhan, Hubei outside Wuhan, China outside Hubei; exported cases worldwide',
  keywords: ['COVID-19', 'Wuhan', '武汉', 'Hubei', 'travel restrictions', 'border control', 'MATLAB', 'incidence'],
}) satisfies DatasetEntry;
