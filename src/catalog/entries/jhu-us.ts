import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/jhu-us/manifest.js';
import { sourceDataset } from '../from-source.js';
import { JHU_CITATION, JHU_KEYWORDS } from '../shared.js';

export const entry = sourceDataset(manifest, {
  description:
    'Cumulative confirmed cases and deaths per US county (and per territory, plus "Unassigned" and "Out of" rows per state), one column per day from 22 January 2020 to 9 March 2023, with JHU UID, FIPS code and population. JHU stopped updating it on 10 March 2023.',
  counts: [
    {
      unit: 'locations',
      value: 3342,
      statedOn: '2021-04-22',
      source: 'https://github.com/CSSEGISandData/COVID-19/blob/master/csse_covid_19_data/csse_covid_19_time_series/time_series_covid19_deaths_US.csv',
      note: 'Rows of time_series_covid19_deaths_US.csv as of 2021-04-22, counted by Glacier (the final file was not available to count).',
    },
  ],
  redistribution: 'attribution',
  commercialUse: true,
  citation: JHU_CITATION,
  temporalCoverage: { start: '2020-01-22', end: '2023-03-09' },
  spatialCoverage: 'United States: counties, states and territories',
  keywords: [...JHU_KEYWORDS, 'United States', 'counties', 'FIPS'],
}) satisfies DatasetEntry;
