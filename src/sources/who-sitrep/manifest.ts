import type { SourceManifest } from '../../domain/source.js';
import { JHU_LICENSE } from '../jhu-common/manifest-parts.js';

const URL_SITREP =
  'https://raw.githubusercontent.com/CSSEGISandData/COVID-19/master/who_covid_19_situation_reports/who_covid_19_sit_rep_time_series/who_covid_19_sit_rep_time_series.csv';

export const manifest = {
  id: 'who-sitrep',
  title: 'WHO situation reports, compiled by JHU CSSE (2020-01-21 to 2020-06-19)',
  publisher: 'Center for Systems Science and Engineering (CSSE), Johns Hopkins University, from World Health Organization situation reports',
  homepage: 'https://github.com/CSSEGISandData/COVID-19/tree/master/who_covid_19_situation_reports',
  license: JHU_LICENSE,
  redistribution:
    'May be shared and adapted with attribution to JHU CSSE (CC BY 4.0, the licence of the repository) and to the WHO situation reports the figures are transcribed from.',
  cadence: 'daily',
  // The header runs to 8/16/20 (values end 6/19/20); on 2020-08-18 JHU's README pointed users to
  // WHO's own CSV instead. The file was last written on or after 2020-08-16: the day after its last column.
  frozenOn: '2020-08-17',
  metrics: ['confirmed', 'deaths'],
  levels: ['country', 'subdivision'],
  parserVersion: 1,
  files: [
    {
      id: 'sit-rep-time-series',
      url: URL_SITREP,
      mirror: ['who/who_covid_19_sit_rep_time_series.csv'],
    },
  ],
  notes: [
    'JHU CSSE transcribed the cumulative confirmed cases of WHO\'s daily situation reports by country (and, to 2020-03-15, by Chinese province, Hong Kong, Macau and Taiwan) into one wide file, dated in Geneva time. The values end on 2020-06-19; the header continues to 2020-08-16 with blank columns (stored as missing, not zero).',
    'Frozen: JHU stopped the series and on 2020-08-18 pointed users to WHO\'s own time series (the `who` source). frozenOn is 2020-08-17, the day after the last date column, the earliest day the final file can have been written; the mirrored copy was taken from a fork at a commit of 2021-05-31.',
    'Deaths are given per country only for China ("Deaths, China" in the summary block); every other deaths row is a global, regional or conveyance total.',
    'Not places (not_a_place): the rows for Globally, Outside of China, Other (international conveyances) and the six WHO regions (empty Country/Region).',
    '"Confirmed, China" in the summary block repeats China\'s country row and is not stored. The two copies disagree on 2020-06-02 (summary 84597, country row 94597) and 2020-06-13 (84659 and 84671); WHO\'s own file has 84597 and 84671, so each copy has one transcription error. The country row is stored as published, and those dates carry a note with the other copy\'s value.',
    'Taiwan, listed as a province of China ("Taiwan, China"), is TW (alias in src/gazetteer/reference/aliases/who-sitrep.csv); Hong Kong and Macau are CN_HK and CN_MO; "Unspecified*" is CN_UNKNOWN.',
  ],
} as const satisfies SourceManifest;
