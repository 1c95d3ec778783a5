import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/who-sitrep/manifest.js';
import { sourceDataset } from '../from-source.js';
import { JHU_CITATION } from '../shared.js';

export const entry = sourceDataset(manifest, {
  description:
    'Cumulative confirmed cases and deaths per country as printed in the WHO COVID-19 situation reports, transcribed by JHU CSSE into one time series (who_covid_19_sit_rep_time_series.csv). Values run from 21 January to 19 June 2020; the file has empty date columns to 16 August 2020.',
  counts: [
    {
      unit: 'records',
      value: 269,
      statedOn: '2020-08-17',
      source: 'https://github.com/CSSEGISandData/COVID-19/tree/master/who_covid_19_situation_reports',
      note: 'Rows (countries, regions and totals) of who_covid_19_sit_rep_time_series.csv, counted by Glacier.',
    },
  ],
  redistribution: 'attribution',
  commercialUse: null,
  citation: JHU_CITATION,
  temporalCoverage: { start: '2020-01-21', end: '2020-06-19' },
  spatialCoverage: 'Worldwide: countries, territories and WHO regions',
  keywords: ['COVID-19', 'WHO', 'situation reports', 'JHU CSSE', 'case counts', 'deaths'],
}) satisfies DatasetEntry;
