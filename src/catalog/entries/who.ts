import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/who/manifest.js';
import { sourceDataset } from '../from-source.js';

export const entry = sourceDataset(manifest, {
  description:
    'New and cumulative confirmed COVID-19 cases and deaths reported to the World Health Organization by each country, territory and area, as published on the WHO COVID-19 dashboard: daily rows at first, re-issued as weekly rows (week ending Sunday) from 2023.',
  counts: [
    {
      unit: 'locations',
      value: 240,
      statedOn: '2024-08-01',
      source: 'https://data.who.int/dashboards/covid19/data',
      note: 'Countries, territories and areas in WHO-COVID-19-global-data.csv as of August 2024, counted by Glacier.',
    },
  ],
  redistribution: 'attribution',
  commercialUse: null,
  citation: {
    key: 'who2020dashboard',
    kind: 'dataset',
    title: 'WHO COVID-19 dashboard',
    authors: ['World Health Organization'],
    year: 2020,
    container: 'World Health Organization',
    url: 'https://data.who.int/dashboards/covid19/',
  },
  temporalCoverage: { start: '2020-01-05' },
  spatialCoverage: 'Worldwide: countries, territories and areas reporting to WHO',
  keywords: ['COVID-19', 'SARS-CoV-2', 'WHO', 'World Health Organization', 'case counts', 'deaths', 'weekly', '世界卫生组织'],
}) satisfies DatasetEntry;
