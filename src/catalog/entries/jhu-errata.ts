import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/jhu-errata/manifest.js';
import { sourceDataset } from '../from-source.js';
import { JHU_CITATION, JHU_KEYWORDS } from '../shared.js';

export const entry = sourceDataset(manifest, {
  description:
    'JHU CSSE\'s log of corrections to its COVID-19 time series (Errata.csv): for each corrected place, metric and date, the new value and a free-text reason (back-distribution of a backlog, a country\'s revision, a data-entry fix), logged from April 2020.',
  counts: [
    {
      unit: 'records',
      value: 35075,
      statedOn: '2022-04-09',
      source: 'https://github.com/CSSEGISandData/COVID-19/blob/master/csse_covid_19_data/csse_covid_19_time_series/Errata.csv',
      note: 'Rows of Errata.csv as of 2022-04-09, counted by Glacier (later versions were larger).',
    },
  ],
  redistribution: 'attribution',
  commercialUse: true,
  citation: JHU_CITATION,
  temporalCoverage: { start: '2020-01-22', end: '2023-03-09' },
  spatialCoverage: 'Worldwide: the places of the JHU global and US time series',
  keywords: [...JHU_KEYWORDS, 'errata', 'revisions', 'corrections'],
}) satisfies DatasetEntry;
