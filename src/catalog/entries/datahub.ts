import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/datahub/manifest.js';
import { sourceDataset } from '../from-source.js';

export const entry = sourceDataset(manifest, {
  description:
    'DataHub\'s repackaging of the JHU CSSE COVID-19 time series as tidy long-format CSV files with a Frictionless datapackage.json: confirmed, recovered and deaths per country, per province and aggregated worldwide, one row per place and day.',
  counts: [],
  redistribution: 'open',
  commercialUse: true,
  temporalCoverage: { start: '2020-01-22', end: '2023-03-09' },
  spatialCoverage: 'Worldwide: countries, provinces or states, and a worldwide aggregate',
  keywords: ['COVID-19', 'DataHub', 'JHU CSSE', 'long format', 'datapackage', 'case counts', 'deaths'],
}) satisfies DatasetEntry;
