import type { SourceManifest } from '../../domain/source.js';
import { JHU_FROZEN_ON, JHU_HOMEPAGE, JHU_LICENSE, JHU_PUBLISHER, JHU_RAW, JHU_REDISTRIBUTION } from '../jhu-common/manifest-parts.js';

const TS = `${JHU_RAW}/csse_covid_19_time_series`;

export const manifest = {
  id: 'jhu-global',
  title: 'JHU CSSE COVID-19 time series, global',
  publisher: JHU_PUBLISHER,
  homepage: JHU_HOMEPAGE,
  license: JHU_LICENSE,
  redistribution: JHU_REDISTRIBUTION,
  cadence: 'daily',
  frozenOn: JHU_FROZEN_ON,
  metrics: ['confirmed', 'deaths', 'recovered'],
  levels: ['country', 'subdivision'],
  parserVersion: 1,
  files: [
    {
      id: 'confirmed',
      url: `${TS}/time_series_covid19_confirmed_global.csv`,
      mirror: ['jhu/time_series/time_series_covid19_confirmed_global.csv', 'jhu/vintages/confirmed_global_asof_{date}.csv'],
    },
    {
      id: 'deaths',
      url: `${TS}/time_series_covid19_deaths_global.csv`,
      mirror: ['jhu/time_series/time_series_covid19_deaths_global.csv', 'jhu/vintages/deaths_global_asof_{date}.csv'],
    },
    {
      id: 'recovered',
      url: `${TS}/time_series_covid19_recovered_global.csv`,
      mirror: ['jhu/time_series/time_series_covid19_recovered_global.csv'],
    },
  ],
  discontinued: [
    {
      metric: 'recovered',
      after: '2021-08-04',
      note: 'JHU stopped publishing recovered on 2021-08-04 but kept writing 0 (and a few stray values) in later columns.',
      reference: 'https://github.com/CSSEGISandData/COVID-19/issues/4465',
    },
  ],
  notes: [
    'One row per country, or per province for countries JHU splits; country totals of split countries are derived by Glacier.',
    'Territories with their own ISO code that JHU files under another country (Anguilla under the United Kingdom) are countries of their own.',
  ],
} as const satisfies SourceManifest;
