import type { SourceManifest } from '../../domain/source.js';
import { JHU_FROZEN_ON, JHU_HOMEPAGE, JHU_LICENSE, JHU_PUBLISHER, JHU_RAW, JHU_REDISTRIBUTION } from '../jhu-common/manifest-parts.js';

const TS = `${JHU_RAW}/csse_covid_19_time_series`;

export const manifest = {
  id: 'jhu-errata',
  title: 'JHU CSSE COVID-19 time series errata log',
  publisher: JHU_PUBLISHER,
  homepage: JHU_HOMEPAGE,
  license: JHU_LICENSE,
  redistribution: JHU_REDISTRIBUTION,
  cadence: 'irregular',
  frozenOn: JHU_FROZEN_ON,
  metrics: ['confirmed', 'deaths', 'recovered'],
  levels: ['country', 'subdivision', 'county'],
  parserVersion: 1,
  // Corrections, not series: no derived totals, no missing-value rules or anomalies.
  sparse: true,
  files: [
    {
      id: 'errata',
      url: `${TS}/Errata.csv`,
      mirror: ['jhu/time_series/Errata.csv', 'jhu/time_series/Errata_asof_{date}.csv'],
    },
  ],
  notes: [
    'Errata.csv (Update Date, File, Location, Field Updated, Old, New, Comments) logs JHU\'s corrections of its five time series from 2020-04-07. Each row with a New value becomes that value on the date(s) of Field Updated, stored at issue = Update Date (the vintage that published it), with the comment, the log line and the Old value as its note. Rows of one Update Date, place and metric form one series: NaN on the days between corrected dates that no row mentions.',
    'Formats read: dates M/D/YYYY and M/D/YY, padded or not; Field Updated a date, a ";"- or ","-separated list, or a range "a-b"; New one number or one per date separated by ";"; Old is not stored as a value (blank, "-1", lists and one malformed cell occur) but quoted in the note. File names the series in a dozen spellings ("time_series_covid19_deaths_US.csv", "…_us", "…_global" without ".csv", "times_series_…", "covi19", "cases" for confirmed).',
    'Not stored (each counted in the run report): rows without a New value (329 in the 2022-04-09 copy: "remove duplicates", "Update from …": the changed values are in later time-series vintages); rows whose one New value or value count does not match the dates of Field Updated (4: a single value over a range is not a per-day value); rows whose Location is known to be wrong (see the next note).',
    'Locations not taken at their word: "US" in a US file (no national row; the comment says Unassigned, Oklahoma); "Australia", "Canada" or "China" alone in a global file whose rows for them are provinces (from 2021 JHU dropped the province: "China", 2020-03-23, 356 is Hong Kong); "Denmark", "France", "Netherlands", "New Zealand" or "United Kingdom" alone while the comment names another place (mostly a territory: "France" with "Correct St Martin, France confirmed data"), or corrected twice on one day from unrelated Old values (two rows under one name). Other Locations are trusted even when the comment names another place ("US" with "Correct California, US deaths data" is the national total).',
    'Known residue: a Denmark, France, Netherlands, New Zealand or United Kingdom row with a generic comment may still be a territory\'s value (e.g. "New Zealand", 2022-02-17, 2 → 3); the log cannot tell.',
    'Corrections of one cell on one Update Date: the later row wins (most repeat a chain Old → New → New). An Update Date before the corrected date (Guatemala, 7/17/2020 for 7/18/2020) is stored at the corrected date and reported as repaired.',
    'Places: US files "County, ST", "County, State, US", a state ("DC, US", "Alaska"), "County-State" (Oregon, June 2020), a JHU UID before the names; global files "Country" or "Province, Country". Spellings added in src/gazetteer/reference/aliases/jhu-errata.csv: "Viginia Island" (US Virgin Islands: its 23 and 30 cases on 2020-03-29/30 are the Virgin Islands\' in JHU\'s US file) and "all Illinois counties" (New = the Illinois total). Left unmatched: "Kansas City" (a JHU area under Missouri, certain, but a bare county-level name has no lookup without its state) and "Florida" in the global file (no such row; its values are the scale of the US total).',
  ],
} as const satisfies SourceManifest;
