import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/jhu-global/manifest.js';
import { sourceDataset } from '../from-source.js';
import { JHU_CITATION, JHU_KEYWORDS } from '../shared.js';

export const entry = sourceDataset(manifest, {
  description:
    'Cumulative confirmed cases, deaths and (until August 2021) recoveries per country and, for some countries, per province, one column per day from 22 January 2020 to 9 March 2023: the global time series behind the Johns Hopkins COVID-19 dashboard. JHU stopped updating it on 10 March 2023.',
  counts: [
    {
      unit: 'locations',
      value: 289,
      statedOn: '2023-03-10',
      source: 'https://github.com/CSSEGISandData/COVID-19/blob/master/csse_covid_19_data/csse_covid_19_time_series/time_series_covid19_confirmed_global.csv',
      note: 'Rows (countries and provinces) of the final time_series_covid19_confirmed_global.csv, counted by Glacier in the file JHU published.',
    },
  ],
  redistribution: 'attribution',
  commercialUse: true,
  citation: JHU_CITATION,
  temporalCoverage: { start: '2020-01-22', end: '2023-03-09' },
  spatialCoverage: 'Worldwide: countries, and provinces or states of some countries (Australia, Canada, China, and others)',
  keywords: [...JHU_KEYWORDS, 'global'],
}) satisfies DatasetEntry;
