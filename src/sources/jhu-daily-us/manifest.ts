import type { SourceManifest } from '../../domain/source.js';
import { JHU_FROZEN_ON, JHU_HOMEPAGE, JHU_LICENSE, JHU_PUBLISHER, JHU_RAW, JHU_REDISTRIBUTION } from '../jhu-common/manifest-parts.js';
import { NEWEST_REPORT } from '../jhu-daily/manifest.js';

export const manifest = {
  id: 'jhu-daily-us',
  title: 'JHU CSSE COVID-19 daily reports, US states',
  publisher: JHU_PUBLISHER,
  homepage: JHU_HOMEPAGE,
  license: JHU_LICENSE,
  redistribution: JHU_REDISTRIBUTION,
  cadence: 'daily',
  frozenOn: JHU_FROZEN_ON,
  metrics: ['confirmed', 'deaths', 'recovered', 'tests', 'hospitalized'],
  levels: ['country', 'subdivision'],
  parserVersion: 1,
  files: [
    {
      id: 'daily-us',
      url: `${JHU_RAW}/csse_covid_19_daily_reports_us/${NEWEST_REPORT}.csv`,
      mirror: ['jhu/daily_reports_us/{date:MM-DD-YYYY}.csv'],
    },
  ],
  notes: [
    'One report per day (JHU started them on 04-12-2020), named MM-DD-YYYY.csv: one row per state, DC, territory, the two cruise ships and a national "Recovered" row, with cumulative counts as of that day. Each report is a vintage: its issue and the date of its values are the date in its name. The mirror holds 4 reports (04-12-2020, 09-01-2020, 01-01-2021, 05-30-2021, as they stood in JHU\'s repository on 2021-05-31); all are read, oldest first. Upstream ingestion reads one report per run, the newest (' + NEWEST_REPORT + '.csv; the repository is archived).',
    'Two header layouts, recognised by column names (an unknown header is refused, naming the closest layout and the differing columns): People_Tested and Mortality_Rate (04-12-2020, 09-01-2020) were renamed Total_Test_Results and Case_Fatality_Ratio (01-01-2021, 05-30-2021).',
    'Stored: Confirmed, Deaths, Recovered, tests (People_Tested, then Total_Test_Results: tests as each state counts them, people or specimens depending on the state and period) and hospitalized (People_Hospitalized, the cumulative number ever hospitalized), all cumulative. Not stored: Active, Incident_Rate, Mortality_Rate / Case_Fatality_Ratio, Testing_Rate and Hospitalization_Rate, which JHU derived from the stored counts and a population; Lat/Long_, FIPS and ISO3. A blank cell is missing, never 0 (People_Hospitalized is blank for most states in later reports; Recovered for some).',
    'Last_Update is checked (2020-04-12 23:18:15, or any other format JHU used; blank is accepted, as on the "Recovered" row of 04-12-2020; anything else is an error naming the cell) but does not date the values.',
    'Places by JHU\'s UID (written 84000001.0 in later files), with the state name as the fallback: states and DC are subdivisions of US; Puerto Rico, Guam, the Virgin Islands, the Northern Mariana Islands and American Samoa are US_PR, US_GU, US_VI, US_MP, US_AS; the rows "Diamond Princess", "Grand Princess" and "Recovered" go to US_DIAMOND-PRINCESS, US_GRAND-PRINCESS and US_RECOVERED (the national recovered count JHU kept apart from the states). The US total is derived by Glacier.',
    'A row repeating a state with the same values is dropped with a warning; a repeat with different values makes the file unusable (no such case in the published files).',
  ],
} as const satisfies SourceManifest;
