import type { SourceManifest } from '../../domain/source.js';
import { JHU_HOMEPAGE, JHU_LICENSE, JHU_PUBLISHER, JHU_RAW, JHU_REDISTRIBUTION } from '../jhu-common/manifest-parts.js';

const TS = `${JHU_RAW}/csse_covid_19_time_series`;
/** `archived_data/` sits at the repository root, beside `csse_covid_19_data/`. */
const ARCHIVED = `${JHU_RAW.replace(/\/csse_covid_19_data$/, '')}/archived_data`;

export const manifest = {
  id: 'jhu-legacy',
  title: 'JHU CSSE COVID-19 time series, legacy and archived formats (January to March 2020)',
  publisher: JHU_PUBLISHER,
  homepage: JHU_HOMEPAGE,
  license: JHU_LICENSE,
  redistribution: JHU_REDISTRIBUTION,
  cadence: 'daily',
  // JHU deprecated time_series_19-covid-*.csv on 2020-03-23 and never updated them again.
  frozenOn: '2020-03-23',
  metrics: ['confirmed', 'deaths', 'recovered'],
  levels: ['country', 'subdivision', 'county'],
  parserVersion: 1,
  files: [
    // The archived files first: their values are an older vintage (2020-02-14) than the legacy
    // files' (2020-03-23), and the runner reads files of one file-level issue in manifest order.
    {
      id: 'archived_confirmed',
      url: `${ARCHIVED}/archived_time_series/time_series_2019-ncov-Confirmed.csv`,
      mirror: ['jhu/archived/time_series_2019-ncov-Confirmed.csv'],
    },
    {
      id: 'archived_deaths',
      url: `${ARCHIVED}/archived_time_series/time_series_2019-ncov-Deaths.csv`,
      mirror: ['jhu/archived/time_series_2019-ncov-Deaths.csv'],
    },
    {
      id: 'archived_recovered',
      url: `${ARCHIVED}/archived_time_series/time_series_2019-ncov-Recovered.csv`,
      mirror: ['jhu/archived/time_series_2019-ncov-Recovered.csv'],
    },
    {
      // Intra-day snapshots; each is a vintage at its date, the last of a day winning. Upstream: the last one.
      id: 'daily_case_updates',
      url: `${ARCHIVED}/archived_daily_case_updates/02-14-2020_1123.csv`,
      mirror: ['jhu/archived/archived_daily_case_updates/{date:MM-DD-YYYY}_{time}.csv'],
    },
    { id: 'confirmed', url: `${TS}/time_series_19-covid-Confirmed.csv`, mirror: ['jhu/time_series_legacy/time_series_19-covid-Confirmed.csv'] },
    { id: 'deaths', url: `${TS}/time_series_19-covid-Deaths.csv`, mirror: ['jhu/time_series_legacy/time_series_19-covid-Deaths.csv'] },
    { id: 'recovered', url: `${TS}/time_series_19-covid-Recovered.csv`, mirror: ['jhu/time_series_legacy/time_series_19-covid-Recovered.csv'] },
  ],
  duplicatePlaces: 'sum',
  notes: [
    'time_series_19-covid-{Confirmed,Deaths,Recovered}.csv (files confirmed, deaths, recovered): JHU\'s global wide format until its deprecation on 2020-03-23, stored at issue 2020-03-23 (frozenOn). US rows are states AND, until 2020-03-09, counties written into Province/State ("King County, WA", "Los Angeles, CA"); both are kept, counties on their county keys through the aliases of src/gazetteer/reference/aliases.csv (the parser passes "X, ST" rows as admin2 "X, ST" within the state ST).',
    'In the legacy files the county rows hold 0 from 2020-03-10 (when JHU switched to state rows) and a blank on 2020-03-23, and the state rows hold 0 before 2020-03-10. Values are stored as written; the trailing-zeros rule reads the county zeros from 2020-03-10 as discontinued. Before 2020-03-10 a state row\'s 0 is JHU\'s placeholder, not a count: the cases are in its county rows.',
    'Fourteen places have two rows in the legacy files, one under an old spelling kept (mostly zeros) after JHU renamed or moved the row ("Washington, D.C." beside "District of Columbia", "Cape Verde" beside "Cabo Verde", the country row "French Guiana" beside "French Guiana, France", …). The parser merges each pair into one series (a known upstream defect, reported as `repaired`): per day the value of the row that has one; a 0 or blank of the other row is its placeholder; on the few days both rows hold different non-zero values the current spelling\'s value is kept (listed in the warning). Summing them would count those days twice.',
    'time_series_2019-ncov-{Confirmed,Deaths,Recovered}.csv (files archived_*): the first JHU time series, one column per snapshot ("1/21/20 22:00", up to three a day, 2020-01-21 to 2020-02-14). The last snapshot of a day is that day\'s value (a blank last snapshot stays blank even if an earlier one had a value, e.g. India confirmed 2020-01-29). JHU stopped updating these files at their last snapshot, so their values are stored at issue 2020-02-14 (taken from the last column), not at the frozenOn date.',
    'The archived files name US cities and counties ("Seattle, WA", "Chicago, IL") but no states, so the runner derives US_WA, US_IL, US_CA, US_AZ, US_MA and US_WI (and US, CN, CA, AU) at 2020-02-14; the legacy files report those six states at 2020-03-23. A series has one derived flag (set by its first, oldest issue), so these six state series read as derived although their 2020-03-23 values are reported.',
    'duplicatePlaces is "sum" because the archived files name Ontario by two cities, "Toronto, ON" and "London, ON": parts of one place (CA_ON), summed by the runner (a day on which one of them is blank is blank). No other rows of these files share a place once the legacy twins are merged.',
    'archived_data/archived_daily_case_updates/MM-DD-YYYY_HHMM.csv: intra-day snapshots (Province/State, Country/Region, Last Update, Confirmed, Deaths, Recovered; Suspected/ConfnSusp in the first two, not stored), each a vintage at its date; several of one day are read in time order, so the last snapshot of a day wins.',
    'Not ingested: Suspected and ConfnSusp (confirmed + suspected) of the first two daily case updates: Glacier\'s metric vocabulary has no suspected-case metric.',
    'Unmatched on purpose (src/gazetteer/reference/unmapped.md): the all-zero placeholder rows "Adams, IN", "Camden, NC", "Floyd, GA" and "San Joaquin, CA" (their coordinates lie in another county) and "San Antonio, TX" (a Wuhan evacuee quarantined at JBSA-Lackland). "From Diamond Princess" under Australia is AU_DIAMOND-PRINCESS (src/gazetteer/reference/extra/jhu-legacy.csv), like US_DIAMOND-PRINCESS and CA_DIAMOND-PRINCESS.',
  ],
} as const satisfies SourceManifest;
