import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/owid/manifest.js';
import { sourceDataset } from '../from-source.js';

export const entry = sourceDataset(manifest, {
  description:
    'Our World in Data\'s COVID-19 dataset: confirmed cases and deaths (from JHU CSSE, later WHO), testing, vaccinations, hospital and ICU occupancy and policy indicators per country, with per-capita figures, in one long CSV (one row per country and day).',
  counts: [],
  redistribution: 'attribution',
  commercialUse: true,
  citation: {
    key: 'mathieu2020coronavirus',
    kind: 'misc',
    title: 'Coronavirus Pandemic (COVID-19)',
    authors: [
      'Mathieu, Edouard',
      'Ritchie, Hannah',
      'Rodés-Guirao, Lucas',
      'Appel, Cameron',
      'Giattino, Charlie',
      'Hasell, Joe',
      'Macdonald, Bobbie',
      'Dattani, Saloni',
      'Beltekian, Diana',
      'Ortiz-Ospina, Esteban',
      'Roser, Max',
    ],
    year: 2020,
    container: 'Our World in Data',
    url: 'https://ourworldindata.org/coronavirus',
  },
  temporalCoverage: { start: '2020-01-01' },
  spatialCoverage: 'Worldwide: countries, continents and income groups',
  keywords: ['COVID-19', 'SARS-CoV-2', 'Our World in Data', 'OWID', 'vaccinations', 'testing', 'hospitalisations', 'case counts', 'deaths'],
}) satisfies DatasetEntry;
