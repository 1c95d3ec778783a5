import type { MetricId } from '../domain/metrics.js';
import type { AnomalyFlag } from '../domain/series.js';

/** A series of one file and issue after keying: on a location key, values as published. */
export interface KeyedSeries {
  key: string;
  metric: MetricId;
  derived: boolean;
  /** The manifest file id (the parser's notion of which file). */
  fileId: string;
  /** Source line, for reported series. */
  line?: number;
  issue: string;
  start: number;
  /** NaN = blank cell, or a derived total that could not be computed. */
  values: Float64Array;
  flags?: AnomalyFlag[];
  notes?: { date: string; note: string }[];
}
