import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/ecdc/manifest.js';
import { sourceDataset } from '../from-source.js';

export const entry = sourceDataset(manifest, {
  description:
    'Daily new COVID-19 cases and deaths per country, compiled by the European Centre for Disease Prevention and Control from national reports worldwide, with population (2019) and a 14-day notification rate. ECDC ended the daily series on 14 December 2020 and moved to weekly data.',
  counts: [],
  redistribution: 'attribution',
  commercialUse: true,
  temporalCoverage: { start: '2019-12-31', end: '2020-12-14' },
  spatialCoverage: 'Worldwide: countries and territories',
  keywords: ['COVID-19', 'SARS-CoV-2', 'ECDC', 'European Centre for Disease Prevention and Control', 'case counts', 'deaths', 'daily'],
}) satisfies DatasetEntry;
