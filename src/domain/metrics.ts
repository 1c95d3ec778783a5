/**
 * The metric vocabulary shared by every source (docs/metrics.md). A connector may only
 * emit metrics listed here; /v1/metrics serves these definitions.
 *
 * Kinds: `cumulative` counts since the start (read-time transforms give daily values and
 * averages; missing-value rules apply); `daily` counts of one day as the source published
 * them; `average` a source's own rolling average; `stock` a count on a day (patients in
 * hospital today).
 */
export type MetricKind = 'cumulative' | 'daily' | 'average' | 'stock';

export interface MetricDefinition {
  id: string;
  title: string;
  unit: string;
  kind: MetricKind;
  description: string;
  /** For daily and average metrics: the cumulative metric they count increments of. */
  of?: string;
}

const m = <K extends MetricKind>(kind: K, title: string, unit: string, description: string, of?: string) => ({ kind, title, unit, description, ...(of ? { of } : {}) });

export const METRICS = {
  confirmed: m('cumulative', 'Cases', 'people', 'Cumulative cases as the source counts them in its headline figure: laboratory-confirmed, and for some sources and periods also probable cases (see each source’s notes).'),
  confirmed_lab: m('cumulative', 'Laboratory-confirmed cases', 'people', 'Cumulative cases confirmed by a laboratory test only (US CDC conf_cases).'),
  probable: m('cumulative', 'Probable cases', 'people', 'Cumulative probable cases (clinical or epidemiological criteria without a confirming test), where a source separates them.'),
  deaths: m('cumulative', 'Deaths', 'people', 'Cumulative deaths attributed to COVID-19 as the source counts them in its headline figure.'),
  deaths_lab: m('cumulative', 'Laboratory-confirmed deaths', 'people', 'Cumulative deaths of laboratory-confirmed cases only (US CDC conf_death).'),
  probable_deaths: m('cumulative', 'Probable deaths', 'people', 'Cumulative deaths of probable cases, where a source separates them.'),
  recovered: m('cumulative', 'Recovered', 'people', 'Cumulative number of people reported as recovered. Few authorities published it consistently; JHU stopped on 2021-08-04.'),
  tests: m('cumulative', 'Tests', 'tests', 'Cumulative tests as the source counts them (specimens, people or encounters, depending on the source; see its notes).'),
  hospitalized: m('cumulative', 'Ever hospitalized', 'people', 'Cumulative number of cases ever hospitalized (JHU US People_Hospitalized).'),
  vaccine_doses: m('cumulative', 'Vaccine doses', 'doses', 'Cumulative COVID-19 vaccine doses administered (OWID total_vaccinations).'),
  people_vaccinated: m('cumulative', 'People vaccinated', 'people', 'People who received at least one vaccine dose (OWID people_vaccinated).'),
  people_fully_vaccinated: m('cumulative', 'People fully vaccinated', 'people', 'People who received all doses of the initial protocol (OWID people_fully_vaccinated).'),
  new_confirmed: m('daily', 'New cases', 'people per day', 'Cases the source reported for that day, as published (not recomputed from cumulative counts).', 'confirmed'),
  new_deaths: m('daily', 'New deaths', 'people per day', 'Deaths the source reported for that day, as published.', 'deaths'),
  new_confirmed_avg7: m('average', 'New cases, source’s 7-day average', 'people per day', 'The source’s own 7-day average of new cases (NYT rolling averages).', 'confirmed'),
  new_deaths_avg7: m('average', 'New deaths, source’s 7-day average', 'people per day', 'The source’s own 7-day average of new deaths (NYT rolling averages).', 'deaths'),
  hospitalized_current: m('stock', 'In hospital', 'people', 'COVID-19 patients in hospital on the day (OWID hosp_patients).'),
  icu_current: m('stock', 'In intensive care', 'people', 'COVID-19 patients in intensive care on the day (OWID icu_patients).'),
} as const satisfies Record<string, Omit<MetricDefinition, 'id'>>;

export type MetricId = keyof typeof METRICS;

export function isMetricId(s: string): s is MetricId {
  return Object.hasOwn(METRICS, s);
}

export function metricKind(id: MetricId): MetricKind {
  return METRICS[id].kind;
}

export function metricDefinitions(): MetricDefinition[] {
  return Object.entries(METRICS).map(([id, d]) => ({ id, ...d }));
}
