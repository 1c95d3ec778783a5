import type { SourceManifest } from '../../domain/source.js';

/**
 * WHO's global COVID-19 file. WHO served it at https://covid19.who.int/WHO-COVID-19-global-data.csv
 * from 2020 (the address JHU CSSE pointed to on 2020-08-18, and the origin of both mirrored
 * copies); since the dashboard moved to data.who.int it is served from WHO's storage account below.
 */
export const WHO_DATA_URL = 'https://srhdpeuwpubsa.blob.core.windows.net/whdh/COVID/WHO-COVID-19-global-data.csv';
export const WHO_LEGACY_DATA_URL = 'https://covid19.who.int/WHO-COVID-19-global-data.csv';

export const manifest = {
  id: 'who',
  title: 'WHO COVID-19 global data: cases and deaths by country',
  publisher: 'World Health Organization (WHO)',
  homepage: 'https://data.who.int/dashboards/covid19/data',
  license: {
    name: 'WHO terms and conditions of use for data compilations, aggregations, evaluations and analyses',
    url: 'https://www.who.int/about/who-we-are/publishing-policies/data-policy/terms-and-conditions',
  },
  redistribution:
    'May be used, copied and redistributed royalty-free for public health purposes, with attribution to WHO and the reporting countries (WHO, dataset title, year, date of access); WHO keeps the copyright and only minimal alteration is allowed.',
  cadence: 'weekly',
  completeVintages: true,
  metrics: ['confirmed', 'deaths', 'new_confirmed', 'new_deaths'],
  levels: ['country', 'subdivision'],
  parserVersion: 2,
  files: [
    {
      id: 'global-data',
      url: WHO_DATA_URL,
      mirror: [
        'who/WHO-COVID-19-global-data.csv',
        'who/WHO-COVID-19-global-data_asof_{date}.csv',
        // Copied from WHO on or before 2024-08-23 (commit 52c714e857da of DHT2024/covid19-overview-dashboard);
        // the name gives only the month, so the issue is the commit date.
        { path: 'who/WHO-COVID-19-global-data_asof_2024-08.csv', issue: '2024-08-23' },
      ],
    },
  ],
  notes: [
    `Upstream: ${WHO_DATA_URL}. WHO published the same file at ${WHO_LEGACY_DATA_URL} from 2020 until its dashboard moved to data.who.int (2023); the mirrored copies (as of 2020-06-25 and 2024-08) were downloaded from that address.`,
    'One row per country, territory or area and date, identified by Country_code (ISO 3166-1 alpha-2; Kosovo XK). Namibia\'s code "NA" is read as text, never as a missing value. Names are labels only (the 2024 file has U+FFFD in place of é, ç, ô, ü).',
    'Two layouts share one header. Until 2023 the rows were daily (Date_reported as 2020-02-24T00:00:00Z, UTF-8 BOM): Cumulative_cases/Cumulative_deaths are stored as confirmed/deaths, New_cases/New_deaths as new_confirmed/new_deaths (counts reported that day, as published, negative corrections included).',
    'Since 2023 the rows are weekly, dated on Sundays (2020-01-05 … 2024-08-04): the cumulative counts are stored on those dates only (the days between are missing, not zero; the read-time daily and 7-day transforms spread each week over its days). Their New_cases/New_deaths are the sums of the week ending that Sunday; the metric vocabulary has no weekly count, so they are not stored (the cumulative counts carry the same information). A file is read as daily when two of its report dates are one day apart, as weekly when all are a week apart.',
    'Each copy is a vintage: the 2024 weekly copy replaces the daily cumulative values of 2020 with its Sunday values (non-Sunday dates become missing at issue 2024-08-23); the daily new_confirmed/new_deaths of the 2020 copy stay in force, since no later copy publishes daily counts.',
    'International conveyances are not places (not_a_place): Other* (2020: all conveyances together, 741 cases by June 2020 including 29 on a commercial vessel) and XXF, XXG, XXH, XXI, XXL (2024). XXJ "International conveyance (Diamond Princess)" is mapped explicitly to SHIP-DIAMOND-PRINCESS: it holds exactly the cases and deaths JHU reports for the ship (712 and 13).',
    'Territories WHO reports apart are places of their own (French Guiana GF, Greenland GL, …); the US territories (PR, GU, VI, MP, AS) are US_PR, US_GU, US_VI, US_MP, US_AS. WHO\'s US row excludes them, unlike JHU\'s US total. Turkmenistan (TM) and Tokelau (TK), absent from JHU\'s lookup table, are extra locations (src/gazetteer/reference/extra/who.csv).',
    'Not ingested: who/WHO-COVID-19-global-table-data_asof_2024-08.csv (WHO-COVID-19-global-table-data.csv, the dashboard\'s per-country table). It has no date and no country codes (names only, plus a "Global" row), and its cumulative totals repeat the global data file: for all 240 places they equal the 2024-08 copy\'s values on 2024-08-04 (checked in parse.test.ts); its per-100,000 and "last 7 days / 24 hours" columns are derived from them.',
  ],
} as const satisfies SourceManifest;
