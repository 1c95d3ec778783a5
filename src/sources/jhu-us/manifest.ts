import type { SourceManifest } from '../../domain/source.js';
import { JHU_FROZEN_ON, JHU_HOMEPAGE, JHU_LICENSE, JHU_PUBLISHER, JHU_RAW, JHU_REDISTRIBUTION } from '../jhu-common/manifest-parts.js';

const TS = `${JHU_RAW}/csse_covid_19_time_series`;

export const manifest = {
  id: 'jhu-us',
  title: 'JHU CSSE COVID-19 time series, US counties',
  publisher: JHU_PUBLISHER,
  homepage: JHU_HOMEPAGE,
  license: JHU_LICENSE,
  redistribution: JHU_REDISTRIBUTION,
  cadence: 'daily',
  frozenOn: JHU_FROZEN_ON,
  metrics: ['confirmed', 'deaths'],
  levels: ['country', 'subdivision', 'county'],
  parserVersion: 1,
  files: [
    {
      id: 'confirmed',
      url: `${TS}/time_series_covid19_confirmed_US.csv`,
      mirror: ['jhu/time_series_us/time_series_covid19_confirmed_US.csv', 'jhu/time_series_us/time_series_covid19_confirmed_US_asof_{date}.csv'],
    },
    {
      id: 'deaths',
      url: `${TS}/time_series_covid19_deaths_US.csv`,
      mirror: ['jhu/time_series_us/time_series_covid19_deaths_US.csv', 'jhu/time_series_us/time_series_covid19_deaths_US_asof_{date}.csv'],
    },
  ],
  notes: [
    'One row per county, per JHU bookkeeping area ("Unassigned", "Out of XX", areas without a FIPS code) and per territory or cruise ship; state and national totals are derived by Glacier.',
    'The deaths file carries a Population column (2019 Census estimates), used where the gazetteer has none and checked against it otherwise.',
  ],
} as const satisfies SourceManifest;
