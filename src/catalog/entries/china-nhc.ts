import type { DatasetEntry } from '../../domain/dataset.js';
import { manifest } from '../../sources/china-nhc/manifest.js';
import { sourceDataset } from '../from-source.js';

export const entry = sourceDataset(manifest, {
  description:
    'Confirmed, cured, dead and suspected COVID-19 counts per Chinese province for 21 to 30 January 2020 (prov_data_0130.csv), compiled by the Glacier-Ice/Covid-19-data-science contributors from health-commission reports as DXY showed them; several rows a day.',
  counts: [],
  redistribution: 'share-alike',
  commercialUse: true,
  temporalCoverage: { start: '2020-01-21', end: '2020-01-30' },
  spatialCoverage: 'China: provinces',
  keywords: ['COVID-19', 'China', '中国', '新冠肺炎', '卫健委', 'NHC', 'provinces', 'early outbreak'],
}) satisfies DatasetEntry;
