import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/nyt/manifest.js';
import { sourceDataset } from '../from-source.js';

export const entry = sourceDataset(manifest, {
  description:
    'The New York Times\' cumulative counts of COVID-19 cases and deaths in the United States, nationally, per state and per county, compiled by its journalists from state and local health agencies, with confirmed and probable figures where reported, from 21 January 2020 to 23 March 2023.',
  counts: [],
  redistribution: 'non-commercial',
  commercialUse: false,
  citation: {
    key: 'nyt2021coviddata',
    kind: 'dataset',
    title: 'Coronavirus (Covid-19) Data in the United States',
    authors: ['The New York Times'],
    year: 2021,
    container: 'GitHub',
    url: 'https://github.com/nytimes/covid-19-data',
  },
  temporalCoverage: { start: '2020-01-21', end: '2023-03-23' },
  spatialCoverage: 'United States: nation, states and territories, counties',
  keywords: ['COVID-19', 'New York Times', 'NYT', 'United States', 'counties', 'states', 'case counts', 'deaths'],
}) satisfies DatasetEntry;
