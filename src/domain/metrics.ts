/**
 * The metric vocabulary shared by every source. A connector may only emit
 * metrics listed here; the API serves these definitions at /v1/metrics.
 */

export type MetricKind = 'cumulative';

export interface MetricDefinition {
  id: MetricId;
  title: string;
  unit: string;
  kind: MetricKind;
  description: string;
}

export const METRICS = {
  confirmed: {
    id: 'confirmed',
    title: 'Confirmed cases',
    unit: 'people',
    kind: 'cumulative',
    description:
      'Cumulative number of laboratory-confirmed cases as reported by the source (some sources include probable cases; see the source notes).',
  },
  deaths: {
    id: 'deaths',
    title: 'Deaths',
    unit: 'people',
    kind: 'cumulative',
    description: 'Cumulative number of deaths attributed to COVID-19 as reported by the source.',
  },
  recovered: {
    id: 'recovered',
    title: 'Recovered',
    unit: 'people',
    kind: 'cumulative',
    description:
      'Cumulative number of people reported as recovered. Few authorities published it consistently; JHU stopped on 2021-08-04.',
  },
} as const satisfies Record<string, Omit<MetricDefinition, 'id'> & { id: string }>;

export type MetricId = keyof typeof METRICS;

export function isMetricId(s: string): s is MetricId {
  return Object.hasOwn(METRICS, s);
}
