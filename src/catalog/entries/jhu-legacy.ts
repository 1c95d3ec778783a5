import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/jhu-legacy/manifest.js';
import { sourceDataset } from '../from-source.js';
import { JHU_CITATION, JHU_KEYWORDS } from '../shared.js';

export const entry = sourceDataset(manifest, {
  description:
    'JHU CSSE\'s earliest COVID-19 files: the archived time series of January and February 2020 (time_series_2019-ncov-*.csv) and the legacy time_series_19-covid-*.csv files, which mixed US states and counties in one column and were deprecated on 23 March 2020.',
  counts: [
    {
      unit: 'locations',
      value: 501,
      statedOn: '2020-03-23',
      source: 'https://github.com/CSSEGISandData/COVID-19/tree/master/archived_data/archived_time_series',
      note: 'Rows of the last legacy time_series_19-covid-Confirmed.csv (23 March 2020), counted by Glacier.',
    },
  ],
  redistribution: 'attribution',
  commercialUse: true,
  citation: JHU_CITATION,
  temporalCoverage: { start: '2020-01-21', end: '2020-03-23' },
  spatialCoverage: 'Worldwide: countries, provinces or states, and (until March 2020) some US counties',
  keywords: [...JHU_KEYWORDS, 'archived', 'legacy format'],
}) satisfies DatasetEntry;
