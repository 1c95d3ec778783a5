import type { SourceManifest } from '../../domain/source.js';

const RAW = 'https://raw.githubusercontent.com/datasets/covid-19/main/data';
const MIRROR = 'datahub-vintages';

export const manifest = {
  id: 'datahub',
  title: 'DataHub COVID-19 dataset (datasets/covid-19): JHU CSSE global series in long format',
  publisher: 'DataHub / Datopian (datasets/covid-19 on GitHub), from JHU CSSE data',
  homepage: 'https://github.com/datasets/covid-19',
  license: {
    name: 'Open Data Commons Public Domain Dedication and License 1.0',
    spdx: 'PDDL-1.0',
    url: 'https://opendatacommons.org/licenses/pddl/1-0/',
  },
  redistribution:
    'Dedicated to the public domain by DataHub (ODC-PDDL-1.0, datapackage.json): may be copied, changed and redistributed, commercially too, without conditions; the figures are JHU CSSE’s, so credit to JHU CSSE is customary.',
  cadence: 'daily',
  metrics: ['confirmed', 'deaths', 'recovered'],
  levels: ['country', 'subdivision', 'county'],
  parserVersion: 2,
  // Order matters within a vintage: country totals as DataHub reports them are applied before
  // the totals Glacier derives from time-series-combined's provinces (they are equal: tested).
  files: [
    {
      id: 'countries-aggregated',
      url: `${RAW}/countries-aggregated.csv`,
      mirror: [`${MIRROR}/{date}_countries-aggregated.csv`],
    },
    {
      id: 'time-series-combined',
      url: `${RAW}/time-series-19-covid-combined.csv`,
      mirror: [`${MIRROR}/{date}_time-series-19-covid-combined.csv`],
    },
    {
      id: 'worldwide-aggregate',
      url: `${RAW}/worldwide-aggregate.csv`,
      // Named worldwide-aggregated.csv until mid-2020.
      mirror: [`${MIRROR}/{date}_worldwide-aggregate.csv`, `${MIRROR}/{date}_worldwide-aggregated.csv`],
    },
  ],
  discontinued: [
    {
      metric: 'recovered',
      after: '2021-08-04',
      note: 'DataHub republishes JHU CSSE, which stopped publishing recovered on 2021-08-04 and wrote 0 afterwards.',
      reference: 'https://github.com/CSSEGISandData/COVID-19/issues/4465',
    },
  ],
  duplicatePlaces: 'sum',
  notes: [
    'Each dated copy in the mirror (datahub-vintages/<commit date>_<file>.csv[.gz]) is the vintage committed that day; every copy holds the whole history from 2020-01-22.',
    'countries-aggregated.csv supplies every country-level value: DataHub sums JHU’s rows by Country/Region, so its France includes the overseas departments and territories, its United Kingdom the overseas territories and the Channel Islands, its Netherlands Aruba, Curaçao, Sint Maarten and Bonaire, its Denmark the Faroe Islands and Greenland, and its China Hong Kong and Macau. Countries are mapped by name to the country key all the same.',
    'time-series-19-covid-combined.csv (one row per JHU row) supplies only the rows of countries it reports by province alone, i.e. without a row of the country itself: Australia, Canada and China (and, in the 2020-03-20 copy, the US states and counties). Glacier derives those countries’ totals from them; they equal countries-aggregated’s (tested), so each vintage gives one value per place, metric and date.',
    'time-series-19-covid-combined.csv rows of a country that has a row of its own (empty Province/State, or one naming the country itself, as in the 2020-03-20 copy’s "France / France") are not stored: the country’s total comes from countries-aggregated, which already includes its other rows (overseas territories, Channel Islands). Storing those parts as well would count them twice within this source, and the Channel Islands alone would make Glacier derive a United Kingdom total contradicting DataHub’s; jhu-global has them as JHU publishes them.',
    'The 2020-03-20 copy of time-series-19-covid-combined.csv (JHU’s legacy layout, before DataHub published countries-aggregated) therefore gives no value for countries without provinces; those dates come with the 2020-05-01 vintage. Its early US county rows ("Kitsap, WA") are looked up as that spelling within the state; "Washington, D.C." (to 2020-03-09) and "District of Columbia" (from 2020-03-10) are both US_DC and are summed (duplicatePlaces: sum).',
    'A place whose cells of one metric are all blank has no series for that metric (Canada’s provinces have no recovered in time-series-19-covid-combined.csv: JHU reported Canada’s recovered in one national row). Blank cells within a series are stored as missing, never as 0.',
    'The copies committed on 2020-09-01 write dates as YYYY-DD-MM (an upstream bug). The parser detects the order from the dates themselves, never from the file name (a "month" above 12, or a day sequence that only makes sense swapped; a day-first reading is accepted only if the rows of a place then follow day by day), stores the values on the repaired dates and reports a repaired warning; a file whose dates fit neither order, or both equally, is refused.',
    'worldwide-aggregate.csv (worldwide-aggregated.csv until mid-2020) holds world totals: read and checked, not stored (the world is not a place); one not_a_place issue per file.',
    'key-countries-pivoted.csv is not ingested: it is a view of countries-aggregated.csv (confirmed only, eight countries, one column each) and repeats its values.',
    'reference.csv is not ingested: it is DataHub’s copy of JHU’s UID/ISO/FIPS lookup table, which the gazetteer reads from JHU directly.',
    'us_confirmed.csv and us_deaths.csv (JHU’s US county series in long format) are not read: the mirror has no copy of them; jhu-us ingests JHU’s own US files.',
  ],
} as const satisfies SourceManifest;
