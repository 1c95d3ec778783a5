import type { SourceManifest } from '../../domain/source.js';

const NAME = 'COVID-19-geographic-disbtribution-worldwide'; // sic: ECDC's own spelling

export const manifest = {
  id: 'ecdc',
  title: 'ECDC geographic distribution of COVID-19 cases worldwide (daily, to 2020-12-14)',
  publisher: 'European Centre for Disease Prevention and Control (ECDC)',
  homepage: 'https://www.ecdc.europa.eu/en/publications-data/download-todays-data-geographic-distribution-covid-19-cases-worldwide',
  license: {
    name: 'ECDC copyright: reproduction and adaptation authorised provided ECDC is acknowledged as the source',
    url: 'https://www.ecdc.europa.eu/en/copyright',
  },
  redistribution:
    'May be reproduced, adapted and distributed, in whole or in part and in any format, provided ECDC is acknowledged as the original source in every copy (ECDC copyright notice); content ECDC took from third parties is not covered.',
  cadence: 'daily',
  // The last daily file (data to 2020-12-14); ECDC publishes weekly data only from then on.
  frozenOn: '2020-12-14',
  metrics: ['new_confirmed', 'new_deaths'],
  levels: ['country'],
  parserVersion: 3,
  files: [
    {
      id: 'csv',
      url: 'https://opendata.ecdc.europa.eu/covid19/casedistribution/csv',
      mirror: [`ecdc/${NAME}.csv`, `ecdc/${NAME}_asof_{date}.csv`],
    },
    {
      id: 'xlsx',
      url: `https://www.ecdc.europa.eu/sites/default/files/documents/${NAME}-2020-12-14.xlsx`,
      mirror: [`ecdc/${NAME}.xlsx`, `ecdc/${NAME}-{date}.xlsx`],
    },
  ],
  notes: [
    'One row per country (or territory) and day: `cases` and `deaths` are the new cases and deaths ECDC reported for that day (stored as new_confirmed and new_deaths). Negative values are ECDC’s corrections and are kept as published (e.g. Ecuador −8,261 cases on 2020-09-07, Spain −1,918 deaths on 2020-05-25). ECDC published no cumulative counts and none are computed here.',
    'Dates come from `dateRep` (dd/mm/yyyy in the CSV files, an Excel date in the XLSX); the `day`, `month` and `year` columns must agree with it (they do in every file of the mirror); a row where they disagree makes the file unusable.',
    'Three CSV schemas are read: 2020-03-25 (`DateRep`, `Countries and territories`, `GeoId`, `Pop_Data.2018`), 2020-03-30 (camelCase, `countryterritoryCode`, `popData2018`) and from April 2020 (+ `continent`/`continentExp`; the final file has `popData2019` and ECDC’s `Cumulative_number_for_14_days_of_COVID-19_cases_per_100000`). Continent and the 14-day notification rate (ECDC’s own derivation from cases and population) are not stored.',
    'The XLSX in the mirror (2020-12-14, the final daily file) is a third-party re-save (docProps modified 2024-06-13): its column L is `worldPopulation` (a constant 7,548,000,381) instead of ECDC’s 14-day rate. That column is ignored; the other columns have ECDC’s layout.',
    'Places are identified by `geoId` (present in every schema), an ISO 3166-1 alpha-2 code except for ECDC’s EU-style codes `UK` (GB) and `EL` (GR), and Kosovo `XK`. `countryterritoryCode` (alpha-3) is checked against it; ECDC’s `XKX` (Kosovo) and `CNG1925` (Taiwan) are known. The final file gives Montserrat `MSF` (ISO: MSR); such a disagreement is reported as `repaired` and the geoId is used.',
    'The 2020-03-25 file gives French Polynesia the geoId `PYF` (alpha-3); it is read as alpha-3 and reported as `repaired`. That file also has `Netherlands_Antilles` (geoId `AN`), a country dissolved in 2010 whose cases cannot be split between CW, SX and BQ: it is reported unmatched and not stored.',
    'geoId `JPG11668`, “Cases_on_an_international_conveyance_Japan”, is ECDC’s row for the Diamond Princess cruise ship (696 cases, 7 deaths, including a −9 correction on 2020-03-10); it is mapped explicitly to SHIP-DIAMOND-PRINCESS, the key JHU uses for the same ship. Its “population” (3000 in some files) is not a population and is not read.',
    'Territories ECDC lists as countries (GU, PR, VI, MP; AW, CW, SX, BQ; GL, FO; AI, BM, VG, KY, FK, GI, GG, JE, IM, MS, TC; PF, NC, WF) resolve to their own keys (US_GU, US_PR, US_VI and US_MP for the US territories), as reported; nothing is summed into or out of the United States row.',
    'Populations: the file’s population column (`Pop_Data.2018`/`popData2018`: 2018 figures; `popData2019`: 2019 figures; any `popDataYYYY` is accepted) is given for each country; the gazetteer’s own population is kept where it has one (differences are reported).',
    'The current upstream CSV (opendata.ecdc.europa.eu/covid19/casedistribution/csv) has served ECDC’s weekly data (`year_week`, `cases_weekly`, …) since 2020-12-14; that file is recognised and skipped with a `file_skipped` warning, since the daily dataset ended with the 2020-12-14 XLSX.',
  ],
} as const satisfies SourceManifest;
