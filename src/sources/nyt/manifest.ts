import type { SourceManifest } from '../../domain/source.js';

const RAW = 'https://raw.githubusercontent.com/nytimes/covid-19-data/master';

/**
 * Mirror layout (../shared/data/nyt): a dated copy of the repository is a folder
 * `asof_YYYY-MM-DD/` holding the files under their upstream paths (`{date}` in a folder name);
 * the final state file is `final_2023-03-23/us-states.csv` (a current file, dated `frozenOn`),
 * followed by a spreadsheet re-save of it in `excel-mangled_final/`, read second on purpose.
 */
export const manifest = {
  id: 'nyt',
  title: 'The New York Times, Coronavirus (Covid-19) Data in the United States',
  publisher: 'The New York Times',
  homepage: 'https://github.com/nytimes/covid-19-data',
  license: {
    name: 'The New York Times COVID-19 data license (free, non-commercial use with attribution)',
    url: 'https://github.com/nytimes/covid-19-data/blob/master/LICENSE',
  },
  redistribution:
    'Anyone may copy, distribute, display and adapt the data for non-commercial purposes only, crediting "The New York Times" in any public display, publication or other public use; any other use needs permission from The New York Times (covid-data@nytimes.com).',
  cadence: 'daily',
  // The last day of data. Vintage dates in the mirror name the last day a copy holds (asof_2021-04-19
  // ends on 2021-04-19), so the final copy, which has no date of its own, is dated the same way.
  frozenOn: '2023-03-23',
  metrics: ['confirmed', 'deaths', 'confirmed_lab', 'deaths_lab', 'probable', 'probable_deaths', 'new_confirmed', 'new_deaths', 'new_confirmed_avg7', 'new_deaths_avg7'],
  levels: ['country', 'subdivision', 'county'],
  parserVersion: 2,
  // Order matters within one vintage: files of finer places come first, so that a total NYT
  // reports (us-states, us) is applied after, and replaces, the total Glacier derives from the
  // finer file of the same vintage (see notes).
  files: [
    { id: 'us-counties', url: `${RAW}/us-counties.csv`, mirror: ['nyt/asof_{date}/us-counties.csv'] },
    { id: 'us-counties-recent', url: `${RAW}/us-counties-recent.csv`, mirror: ['nyt/asof_{date}/us-counties-recent.csv'] },
    { id: 'live-us-counties', url: `${RAW}/live/us-counties.csv`, mirror: ['nyt/asof_{date}/live/us-counties.csv'] },
    {
      id: 'us-states',
      url: `${RAW}/us-states.csv`,
      mirror: ['nyt/asof_{date}/us-states.csv', 'nyt/final_2023-03-23/us-states.csv', 'nyt/excel-mangled_final/us-states_final_2023-03-23_excel-mangled.csv'],
    },
    { id: 'live-us-states', url: `${RAW}/live/us-states.csv`, mirror: ['nyt/asof_{date}/live/us-states.csv'] },
    { id: 'us', url: `${RAW}/us.csv`, mirror: ['nyt/asof_{date}/us.csv'] },
    { id: 'rolling-us-states', url: `${RAW}/rolling-averages/us-states.csv`, mirror: ['nyt/asof_{date}/rolling-averages/us-states.csv'] },
    { id: 'rolling-us', url: `${RAW}/rolling-averages/us.csv`, mirror: ['nyt/asof_{date}/rolling-averages/us.csv'] },
  ],
  notes: [
    // What each file becomes.
    'us.csv, us-states.csv, us-counties.csv and us-counties-recent.csv (the last 30 days of the county file): one row per place and day with cumulative `cases` and `deaths`, stored as confirmed and deaths. NYT\'s cases and deaths include probable ones wherever a state reports them (NYT README, "Probable and Confirmed Cases and Deaths"), so `confirmed` is NYT\'s headline count, not laboratory-confirmed cases only.',
    'Vintages: each asof_YYYY-MM-DD folder of the mirror is the repository as committed that day (data through that day); final_2023-03-23/us-states.csv is the final state file (NYT stopped updating after 2023-03-23) and is stored under that date. excel-mangled_final/ holds a third-party spreadsheet re-save of the same final file (M/D/YYYY dates, leading zeros of FIPS codes dropped, CRLF line ends): the parser recognises it from its content, restores ISO dates and two-digit state FIPS codes with a `repaired` warning, and, as it repeats the final file exactly, it stores nothing new.',
    'live/ files: NYT\'s README: "the live files have figures that may be a partial count released during the day but cannot necessarily be considered the final, end-of-day tally"; they hold only the current day, are updated several times a day and "should be considered less reliable than the historical data". Their rows are stored as the values of the row\'s date (2021-04-20 in the copy committed with the 2021-04-19 data) in the vintage of the folder; a later vintage of the historical files revises them. The live files also split the totals: confirmed_cases → confirmed_lab, confirmed_deaths → deaths_lab, probable_cases → probable, probable_deaths → probable_deaths (blank where a place does not separate them).',
    'rolling-averages/: `cases` and `deaths` are NYT\'s new cases and deaths of the day (new_confirmed, new_deaths; in the 2021-04-19 copy every state row equals the day-over-day difference of us-states.csv, negative days included); `cases_avg` and `deaths_avg` are NYT\'s seven-day trailing averages (new_confirmed_avg7, new_deaths_avg7), which leave out the days NYT lists in rolling-averages/anomalies.csv as `omit_from_rolling_average`. The `cases_avg_per_100k` and `deaths_avg_per_100k` columns are not stored: they are the stored averages divided by a population (NYT used the Census Bureau\'s 2019 estimates), which Glacier\'s per-100k transforms compute at read time from the gazetteer\'s populations.',
    'Licence: NYT\'s own terms (LICENSE), which NYT\'s README calls co-extensive with CC BY-NC 4.0; no SPDX id is given because it is not that licence text.',
    'geoid in the rolling-average files: `USA` for the nation, `USA-SS` for a state (SS = state FIPS); NYT\'s non-standard geoids end in 99x.',
    // Places.
    'Places: states by two-digit FIPS, counties by five-digit FIPS, the nation as US. NYT\'s geographic exceptions are mapped explicitly by state and county name (parse.ts, NYT_EXCEPTIONS): "New York City" (the five boroughs New York, Kings, Queens, Bronx and Richmond together, no FIPS; NYT reports none of the five counties) → US_NY_NYC; "Kansas City", Missouri (reported apart from Cass, Clay, Jackson and Platte counties, whose counts exclude it) → US_MO_KANSAS-CITY; "Joplin", Missouri (apart from Jasper and Newton counties from 2020-06-25) → US_MO_JOPLIN; "Bristol Bay plus Lake and Peninsula" (NYT\'s own code 02997 in the fips column of us-counties-recent.csv, blank in the live file) → US_AK_02164 and "Yakutat plus Hoonah-Angoon" (02998) → US_AK_02282, the keys of JHU\'s rows for the same combined areas; the Virgin Islands\' St. Croix, St. John, St. Thomas (78010, 78020, 78030) and the Northern Mariana Islands\' Saipan and Tinian (69110, 69120), county-equivalents JHU\'s table lacks → US_VI_78010 … US_MP_69120. New keys are in src/gazetteer/reference/extra/nyt.csv.',
    '"Unknown" counties (cases whose county of residence is unknown or pending, NYT README) are the state\'s `Unassigned` place (US_SS_UNASSIGNED, JHU\'s name for the same category); Guam, the Northern Mariana Islands and the Virgin Islands get such keys in extra/nyt.csv. Puerto Rico\'s municipios are counties keyed by FIPS (72xxx); NYT assigned all Puerto Rico cases to Unknown before 2020-05-05.',
    'Counts NYT files under another place (NYT README, geographic exceptions) are kept where NYT puts them: Alameda County includes Berkeley and the Grand Princess passengers, Douglas County (Nebraska) Diamond Princess passengers, Cook County all of Chicago, Guam the USS Theodore Roosevelt.',
    'A county missing on a day is blank (NYT: "if a county is not listed for a date, then there were zero reported confirmed cases and deaths"; Glacier does not turn that into 0). us-counties-recent.csv leaves deaths blank for some places (Puerto Rico municipios); those cells are stored as missing.',
    'Derived totals: a county file has no state rows, so Glacier derives state and national totals from it; us-states.csv and us.csv of the same vintage report them, and because they are listed after the county files, NYT\'s reported values replace the derived ones in that vintage (NYT\'s state counts are not always the sum of its counties: 446 state-days differ in the 2020-04-20 copy).',
    // Not ingested.
    'Not ingested: colleges/colleges.csv (cumulative cases per college as of one date, 2021-02-26: institutions, not places of the key scheme, and no daily series); excess-deaths/deaths.csv (weekly or monthly all-cause deaths, expected deaths and excess deaths for 24 countries and cities: not COVID-19 counts of the metric vocabulary); mask-use/mask-use-by-county.csv (a one-time survey of mask-wearing shares per county, July 2020: not a count); prisons/facilities.csv (cumulative cases and deaths among inmates and officers per prison facility: facilities, not places of the key scheme, and a snapshot without dates).',
    'Not in the mirror, so not listed: live/us.csv, rolling-averages/us-counties*.csv and rolling-averages/anomalies.csv (the parser already reads the live layout; the county rolling averages would need the county place rules of us-counties.csv).',
  ],
} as const satisfies SourceManifest;
