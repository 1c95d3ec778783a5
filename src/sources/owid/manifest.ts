import type { SourceManifest } from '../../domain/source.js';

export const manifest = {
  id: 'owid',
  title: 'Our World in Data COVID-19 dataset',
  publisher: 'Our World in Data (Global Change Data Lab)',
  homepage: 'https://github.com/owid/covid-19-data',
  license: {
    name: 'Creative Commons Attribution 4.0 International',
    spdx: 'CC-BY-4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  redistribution:
    'May be shared and adapted, commercially too, with attribution to Our World in Data (CC BY 4.0); figures OWID takes from third parties (JHU CSSE, ECDC, national agencies) remain subject to those providers’ terms.',
  cadence: 'daily',
  metrics: ['confirmed', 'new_confirmed', 'deaths', 'new_deaths', 'tests', 'vaccine_doses', 'people_vaccinated', 'people_fully_vaccinated', 'hospitalized_current', 'icu_current'],
  levels: ['country', 'subdivision'],
  parserVersion: 2,
  files: [
    {
      id: 'data',
      url: 'https://covid.ourworldindata.org/data/owid-covid-data.csv',
      mirror: ['owid/owid-covid-data.csv', 'owid/owid-covid-data_asof_{date}.csv'],
    },
    {
      id: 'latest',
      url: 'https://covid.ourworldindata.org/data/latest/owid-covid-latest.csv',
      mirror: ['owid/owid-covid-latest.csv', 'owid/owid-covid-latest_asof_{date}.csv'],
    },
  ],
  notes: [
    '`data` (owid-covid-data.csv) is long: one row per place (iso_code, location) and date; Glacier pivots it to one daily series per place and metric. The mirror holds the 2020-05-24 copy (2019-12-31 .. 2020-05-24), whose case and death counts OWID then took from ECDC. Columns are read by name; vaccination and hospital columns, added to the file later, are read when present.',
    '`latest` (owid-covid-latest.csv) has one row per place; each row’s values are stored on its last_updated_date (2022-03-20 .. 2022-04-01 in the 2022-04-01 copy) at the issue of the copy. OWID builds this file from the last two weeks of the long file, filling each column forward per place, so a value dated last_updated_date can have been published up to 13 days earlier: for hosp_patients and icu_patients (stocks) it may describe an earlier day.',
    'Metrics: total_cases → confirmed, total_deaths → deaths, new_cases → new_confirmed and new_deaths → new_deaths as OWID published them (not recomputed; negative where a count was corrected), total_tests → tests, total_vaccinations → vaccine_doses, people_vaccinated, people_fully_vaccinated, hosp_patients → hospitalized_current, icu_patients → icu_current.',
    'tests: what total_tests counts depends on the country (tests_units: "tests performed", "people tested", "samples tested", "units unclear", and in 2020 for the US "inconsistent units (COVID Tracking Project)"). The unit is attached as a note ("OWID tests_units: …") to each place’s tests series on the first date it applies, and again whenever it changes; compare tests across countries with care.',
    'Not ingested: per-million/per-thousand/per-hundred columns and population-based rates (derivable from the counts and the population), smoothed columns, reproduction_rate, positive_rate, tests_per_case and the CFR (OWID’s own derivations), new_tests, new_vaccinations, total_boosters, weekly_icu_admissions and weekly_hosp_admissions, excess_mortality* (not in the metric vocabulary), stringency_index (a policy index, not a count) and the demographic and economic columns (median_age, gdp_per_capita, hospital_beds_per_thousand, …: not COVID-19 series). continent is a label only.',
    'Places by iso_code (ISO 3166-1 alpha-3). OWID_KOS (Kosovo) resolves to XK through the gazetteer alias. OWID aggregates are not places and are skipped with one not_a_place notice per file: OWID_WRL World, OWID_AFR/ASI/EUR/NAM/OCE/SAM continents, OWID_EUN European Union, OWID_HIC/UMC/LMC/LIC income groups, OWID_INT International (cases on ships; a row with a blank iso_code named "International" in 2020 copies).',
    'Territories with their own alpha-3 that the key scheme files as subdivisions are stored on those keys: PRI, GUM, VIR, MNP → US_PR, US_GU, US_VI, US_MP and HKG → CN_HK in the 2020 copy; PRI, HKG, MAC → US_PR, CN_HK, CN_MO in the 2022 snapshot. Every file also has USA and CHN rows, and Glacier emits a series for every place and metric column (blank cells included), so no US or CN total is derived from them.',
    'The population column (OWID’s UN-based figure, one per place) is given to the gazetteer as the source’s population.',
  ],
} as const satisfies SourceManifest;
