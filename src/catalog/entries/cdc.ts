import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/cdc/manifest.js';
import { sourceDataset } from '../from-source.js';

export const entry = sourceDataset(manifest, {
  description:
    'Daily cumulative and new COVID-19 cases and deaths per US state and jurisdiction as reported to the US Centers for Disease Control and Prevention, split into confirmed and probable where the jurisdiction reports them (data.cdc.gov dataset 9mfq-cb36).',
  counts: [],
  redistribution: 'open',
  commercialUse: true,
  temporalCoverage: { start: '2020-01-22' },
  spatialCoverage: 'United States: states, territories, New York City and other reporting jurisdictions',
  keywords: ['COVID-19', 'CDC', 'Centers for Disease Control and Prevention', 'United States', 'states', 'probable cases', 'case counts', 'deaths'],
  access: ['download', 'api'],
}) satisfies DatasetEntry;
