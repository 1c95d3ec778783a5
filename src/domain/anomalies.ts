/**
 * Anomaly codes (docs/data-model.md, "Anomalies"). A flag marks a date of a series; the
 * value stays exactly as published. The codes are part of the public API.
 */
export const ANOMALY_CODES = {
  negative_change: 'A cumulative count went down (a correction or reclassification): the daily change is negative.',
  backlog_dump: 'A daily change far above the recent ones (modified z-score > 8 and at least 30): often a backlog reported at once.',
  cadence_change: 'The source changed how often it reports (e.g. from daily to weekly); the days it stopped reporting on are missing from here.',
  stale_values: 'The cumulative count stayed the same for 14 days or more after changing every week before: possibly not updated.',
  discontinued: 'The source stopped publishing the metric here from this date.',
  duplicate_row: 'The source file repeats this place and date; the first row was kept.',
} as const;

export type AnomalyCode = keyof typeof ANOMALY_CODES;

export const ANOMALY_CODE_LIST = Object.keys(ANOMALY_CODES) as AnomalyCode[];

/** Codes whose days a 7-day average can be asked to leave out (as NYT does). */
export const EXCLUDABLE_FROM_AVERAGE: readonly AnomalyCode[] = ['backlog_dump', 'negative_change'];
