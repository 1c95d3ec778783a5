import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/jhu-daily/manifest.js';
import { sourceDataset } from '../from-source.js';
import { JHU_CITATION, JHU_KEYWORDS } from '../shared.js';

export const entry = sourceDataset(manifest, {
  description:
    'One CSV per day (MM-DD-YYYY.csv) with the cumulative figures JHU CSSE held for every place at the end of that day: confirmed, deaths, recovered and active cases, later incidence rate and case-fatality ratio, from 22 January 2020 to 9 March 2023. The columns changed several times over the years.',
  counts: [],
  redistribution: 'attribution',
  commercialUse: true,
  citation: JHU_CITATION,
  temporalCoverage: { start: '2020-01-22', end: '2023-03-09' },
  spatialCoverage: 'Worldwide: countries, provinces or states, and US counties',
  keywords: [...JHU_KEYWORDS, 'daily reports'],
}) satisfies DatasetEntry;
