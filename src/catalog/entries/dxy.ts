import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/dxy/manifest.js';
import { sourceDataset } from '../from-source.js';

export const entry = sourceDataset(manifest, {
  description:
    'Every snapshot of the DXY (丁香园) COVID-19 dashboard, scraped by Jiabao Lin from January 2020: confirmed, suspected, cured and dead counts per Chinese province and city, national totals, and (in the JSON) foreign countries, with Beijing update times.',
  counts: [
    {
      unit: 'records',
      value: 43002,
      statedOn: '2020-02-17',
      source: 'https://github.com/BlankerL/DXY-COVID-19-Data/blob/master/csv/DXYArea.csv',
      note: 'Rows (city snapshots) of DXYArea.csv as of 2020-02-17, counted by Glacier; the file kept growing afterwards.',
    },
  ],
  redistribution: 'attribution',
  commercialUse: true,
  temporalCoverage: { start: '2020-01-22' },
  spatialCoverage: 'China: provinces and cities (with Hong Kong, Macau and Taiwan); other countries in the JSON files',
  keywords: ['COVID-19', 'DXY', '丁香园', '丁香医生', 'China', '中国', '新冠肺炎', '疫情', 'provinces', 'cities'],
}) satisfies DatasetEntry;
