import type { SourceManifest } from '../../domain/source.js';

/** The mirror copy: commit c54c3122c15a of sitrucp/covid_rate_us, committed 2021-12-29, data to 2021-12-26. */
export const CDC_MIRROR_COPY = 'cdc/United_States_COVID-19_Cases_and_Deaths_by_State_over_Time_asof_2021-12.csv';
export const CDC_MIRROR_ISSUE = '2021-12-29';

export const manifest = {
  id: 'cdc',
  title: 'CDC United States COVID-19 Cases and Deaths by State over Time',
  publisher: 'Centers for Disease Control and Prevention (CDC), US Department of Health and Human Services',
  homepage: 'https://data.cdc.gov/Case-Surveillance/United-States-COVID-19-Cases-and-Deaths-by-State-o/9mfq-cb36',
  license: {
    name: 'Public domain (work of the US federal government)',
    url: 'https://www.usa.gov/government-works',
  },
  redistribution:
    'Public domain in the United States as a work of the US federal government (17 U.S.C. § 105): it may be copied, adapted and redistributed, commercially too, without permission; naming CDC as the source is good practice.',
  cadence: 'daily',
  metrics: ['confirmed', 'confirmed_lab', 'probable', 'deaths', 'deaths_lab', 'probable_deaths', 'new_confirmed', 'new_deaths'],
  levels: ['country', 'subdivision', 'county'],
  parserVersion: 2,
  files: [
    {
      id: 'cases-deaths',
      url: 'https://data.cdc.gov/api/views/9mfq-cb36/rows.csv?accessType=DOWNLOAD',
      mirror: [
        'cdc/United_States_COVID-19_Cases_and_Deaths_by_State_over_Time.csv',
        'cdc/United_States_COVID-19_Cases_and_Deaths_by_State_over_Time_asof_{date}.csv',
        // The copy's name gives only year and month ("asof_2021-12"): its issue is the commit date.
        { path: CDC_MIRROR_COPY, issue: CDC_MIRROR_ISSUE },
      ],
    },
  ],
  notes: [
    'Socrata export of data.cdc.gov dataset 9mfq-cb36: one row per jurisdiction and submission_date (MM/DD/YYYY), in no particular order; Glacier pivots it to one daily series per jurisdiction and metric. Columns are read by name; columns Glacier does not know are ignored.',
    'Metrics: tot_cases → confirmed (the headline count: confirmed plus, where the jurisdiction reports them, probable cases), conf_cases → confirmed_lab, prob_cases → probable, tot_death → deaths, conf_death → deaths_lab, prob_death → probable_deaths, new_case → new_confirmed and new_death → new_deaths as CDC published them (not recomputed; negative where a jurisdiction corrected its count).',
    'Not ingested: pnew_case and pnew_death (new probable cases and deaths per day: the vocabulary has no daily probable metric, and CDC fills them even for jurisdictions that did not agree to publish the confirmed/probable split), created_at (when CDC created the row) and consent_cases/consent_deaths themselves (used only by the consent rule below).',
    'Consent rule: consent_cases and consent_deaths say whether the jurisdiction agreed to publish its confirmed/probable split ("Agree", "Not agree", "N/A" or blank). Unless the value is "Agree", conf_cases/prob_cases (resp. conf_death/prob_death) of that row are stored as missing whatever the cell holds: CDC leaves them blank or fills them with values that are not a split. tot_cases, tot_death, new_case and new_death are not affected. In the 2021-12 copy consent_cases is not "Agree" on 17,249 rows (10,194 "Not agree", 4,230 "N/A", 2,825 blank) and consent_deaths on 17,543 rows (11,198, 2,820, 3,525); every split cell of those rows is already blank, and the parser reports (missing_rule) any it has to discard. Derived totals (US, US_NY) of the split metrics are therefore "incomplete" on most days.',
    'Places: states, DC and the territories AS, GU, MP, PR, VI by USPS code (US_AS … US_VI, subdivisions of US as in the JHU key scheme). CDC jurisdictions that are not states are mapped explicitly: NYC → US_NY_NYC (New York City, the five boroughs); NY → US_NY_EXCL-NYC (New York State WITHOUT New York City: CDC reports the city apart); FSM → FM, RMI → MH and PW → PW (the Federated States of Micronesia, the Marshall Islands and Palau: freely associated states, countries in ISO 3166-1 and in Glacier).',
    'Derived totals: CDC publishes no New York State and no national total. Glacier derives US_NY = NYC + NY-without-NYC (exactly New York State), and US = the 50 states (New York as derived) + DC + AS, GU, MP, PR, VI. The CDC-derived US therefore includes New York City once and the five territories, and excludes the three freely associated states (FM, MH, PW are countries of their own, as in WHO/JHU); CDC’s own "United States" figure may count those three. Had CDC’s NY been keyed US_NY, both US_NY and US would miss New York City (1,394,509 cases and 35,200 deaths by 2021-12-26).',
    'Vintages: the mirror copy (sitrucp/covid_rate_us commit c54c3122c15a, committed 2021-12-29, data 2020-01-22 .. 2021-12-26) is named with a year and month only ("asof_2021-12"), so its mirror entry gives its issue, 2021-12-29, explicitly. frozenOn is not set: CDC kept updating this dataset after 2021-12 (it was archived later), so a copy fetched from upstream is dated the day it is fetched. Copies named "…_asof_YYYY-MM-DD.csv" are read as further vintages.',
  ],
} as const satisfies SourceManifest;
