import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/jhu-daily-us/manifest.js';
import { sourceDataset } from '../from-source.js';
import { JHU_CITATION, JHU_KEYWORDS } from '../shared.js';

export const entry = sourceDataset(manifest, {
  description:
    'One CSV per day with the figures JHU CSSE held for each US state and territory: confirmed cases, deaths, tests, hospitalisations (early on), incidence and testing rates, from 12 April 2020 to 9 March 2023. JHU stopped updating it on 10 March 2023.',
  counts: [],
  redistribution: 'attribution',
  commercialUse: true,
  citation: JHU_CITATION,
  temporalCoverage: { start: '2020-04-12', end: '2023-03-09' },
  spatialCoverage: 'United States: states and territories',
  keywords: [...JHU_KEYWORDS, 'United States', 'states', 'daily reports', 'testing'],
}) satisfies DatasetEntry;
