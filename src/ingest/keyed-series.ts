import type { MetricId } from '../domain/metrics.js';
import type { MissingSpan } from '../domain/series.js';

/** A series after normalization: on a location key, with Glacier's reading of its cells. */
export interface KeyedSeries {
  key: string;
  metric: MetricId;
  derived: boolean;
  /** The manifest file the values came from (derived totals: the file of their parts). */
  fileId: string;
  /** Source line, for reported series. */
  line?: number;
  start: number;
  /** NaN = blank cell, or a derived total that could not be computed. */
  values: Float64Array;
  spans: MissingSpan[];
}
