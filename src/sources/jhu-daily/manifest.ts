import type { SourceManifest } from '../../domain/source.js';
import { JHU_FROZEN_ON, JHU_HOMEPAGE, JHU_LICENSE, JHU_PUBLISHER, JHU_RAW, JHU_REDISTRIBUTION } from '../jhu-common/manifest-parts.js';

/** JHU's last daily report (the repository was archived on 2023-03-10). */
export const NEWEST_REPORT = '03-09-2023';

export const manifest = {
  id: 'jhu-daily',
  title: 'JHU CSSE COVID-19 daily reports, global',
  publisher: JHU_PUBLISHER,
  homepage: JHU_HOMEPAGE,
  license: JHU_LICENSE,
  redistribution: JHU_REDISTRIBUTION,
  cadence: 'daily',
  frozenOn: JHU_FROZEN_ON,
  metrics: ['confirmed', 'deaths', 'recovered'],
  levels: ['country', 'subdivision', 'county'],
  parserVersion: 1,
  files: [
    {
      id: 'daily',
      url: `${JHU_RAW}/csse_covid_19_daily_reports/${NEWEST_REPORT}.csv`,
      mirror: ['jhu/daily_reports/{date:MM-DD-YYYY}.csv'],
    },
  ],
  discontinued: [
    {
      metric: 'recovered',
      after: '2021-08-04',
      note: 'JHU stopped publishing recovered on 2021-08-04 but kept writing 0 (and a few stray values) in later reports.',
      reference: 'https://github.com/CSSEGISandData/COVID-19/issues/4465',
    },
  ],
  duplicatePlaces: 'sum',
  notes: [
    'One report per day, named MM-DD-YYYY.csv: the cumulative counts of every place as of that day. Each report is a vintage: its issue and the date of its values are the date in its name (a report dated 03-22-2020 gives the counts as of 2020-03-22). The mirror holds 114 reports (every day 01-22-2020..04-30-2020, the 1st of each month 05-2020..05-2021, and 05-30-2021), as they stood in JHU\'s repository on 2021-05-31 (JHU re-committed some old reports); all are read, oldest first. Upstream ingestion reads one report per run, the newest (' + NEWEST_REPORT + '.csv; the repository is archived): the manifest gives one upstream URL per file.',
    'Five header layouts, recognised by column names (an unknown header is refused, naming the closest layout and the differing columns): 6 columns Province/State,Country/Region,Last Update,Confirmed,Deaths,Recovered (01-22..02-29-2020); + Latitude,Longitude (03-01..03-21-2020); 12 columns FIPS,Admin2,Province_State,Country_Region,Last_Update,Lat,Long_,Confirmed,Deaths,Recovered,Active,Combined_Key with US county rows (from 03-22-2020); + Incidence_Rate,Case-Fatality_Ratio (06-2020); renamed Incident_Rate,Case_Fatality_Ratio (from 12-2020).',
    'Stored: Confirmed, Deaths, Recovered (cumulative). Not stored: Active, Incident_Rate (Incidence_Rate) and Case_Fatality_Ratio (Case-Fatality_Ratio), which JHU derived from the stored counts (Active = Confirmed - Deaths - Recovered; the incidence rate per 100,000 people; the case-fatality ratio = Deaths / Confirmed); Lat/Long and Combined_Key (the gazetteer has its own). A blank count cell is missing, never 0.',
    'Last Update is checked in all four formats JHU used (1/22/2020 17:00, 3/22/20 23:45, 2020-03-01T10:13:19, 2020-04-01 21:58:49; blank is accepted; anything else is an error naming the cell) but does not date the values: it is when JHU last changed the row, often days before the report for rows JHU did not update.',
    'Places: country, province and county names as written (early reports: Mainland China, Hong Kong as a country, "King County, WA", "Toronto, ON", Cruise Ship / Diamond Princess…; aliases in src/gazetteer/reference). From 03-22-2020, US county rows are placed by their FIPS code. The Admin2 row "New York City" (FIPS 36061, 03-22-2020..08-2020) holds the five boroughs together while 36061 is New York County alone in the lookup table: it is mapped explicitly to US_NY_NYC. Rows whose province is "Recovered" (Canada, US) carry the national recovered count and go to CA_RECOVERED / US_RECOVERED. Country and state totals of split countries are derived by Glacier.',
    'duplicatePlaces "sum": several rows of one report can be parts of one place and are added up: cities of a province (Toronto, ON + London, ON = Ontario; Calgary + Edmonton = Alberta), the US Diamond Princess rows of 02-2020..03-2020, cities next to their county on 03-22-2020 (Brockton + Plymouth County, MA; Nashua + Hillsborough, NH; Soldotna + Sterling + Kenai Peninsula, AK), and Washington + Washington County, Utah (04-03..04-06-2020), which JHU\'s own time series adds up too.',
    'Stale duplicates are not added up: when JHU renamed a place it sometimes kept the old row beside the new one for some days, frozen or zeroed (Mainland China next to China on 03-11/12-2020; Guam, Puerto Rico, French Guiana, Guadeloupe, Reunion, Mayotte, Greenland and Aruba as countries next to their US/France/Denmark/Netherlands rows; Republic of Ireland next to Ireland on 03-08-2020; Cape Verde, The Gambia, The Bahamas, Republic of the Congo next to their new names; United States Virgin Islands next to Virgin Islands), and on 03-22-2020 repeated some county rows (District of Columbia twice, Desoto/DeSoto, Dona Ana/Doña Ana). Such rows (the spellings listed in src/sources/jhu-daily/same-place.ts, or names equal but for case and accents) are one place: the row with the largest counts (Confirmed, then Deaths, then Recovered) is kept, because cumulative counts only grow and the stale copy holds an older count or a zero; every dropped row is reported as a "repaired" warning with both rows\' values (an identical repeat as "duplicate_row"). On 03-08-2020 this keeps Republic of Ireland 21 over Ireland 19, where JHU\'s final time series has 19.',
    'Rows the gazetteer has no key for are reported as unmatched and not stored (src/gazetteer/reference/unmapped.md): on the mirrored reports, San Antonio, TX (Wuhan evacuees, 02-13..03-09-2020), Portland, OR (spans three counties, 02-29..03-02-2020), North Ireland and Channel Islands written as countries (02-28 and 03-10-2020), US "Wuhan Evacuee", Australia "External territories" and "Jervis Bay Territory" (03-22-2020), and Israel (and, without an extra location for it, Australia) "From Diamond Princess" (02-21..03-21-2020).',
  ],
} as const satisfies SourceManifest;
