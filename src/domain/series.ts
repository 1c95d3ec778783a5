import type { IsoDate } from './dates.js';
import type { MetricId } from './metrics.js';
import type { MissingReason } from './missing.js';
import type { SourceManifest } from './source.js';
import type { ValidationIssue } from './validation.js';

/** How a source names a place; the ingest step resolves it to a location key. */
export type PlaceRef =
  | { kind: 'names'; country: string; province?: string; admin2?: string }
  | { kind: 'jhu-uid'; uid: number; label: string; country: string; province: string; admin2: string };

/** One file handed to a parser: decoded text plus the name used in error messages. */
export interface SourceInputFile {
  fileId: string;
  name: string;
  text: string;
}

/**
 * A daily series as a source file gives it: values[i] is the value on day start + i
 * (day numbers, see dates.ts); NaN marks a blank cell.
 */
export interface SourceSeries {
  fileId: string;
  line: number;
  place: PlaceRef;
  metric: MetricId;
  start: number;
  values: Float64Array;
}

export interface SourcePopulation {
  fileId: string;
  line: number;
  place: PlaceRef;
  population: number;
}

export interface ParsedSource {
  series: SourceSeries[];
  populations: SourcePopulation[];
  issues: ValidationIssue[];
}

/** A connector: data about the source plus a pure parser. Fetching is not its business. */
export interface Connector {
  manifest: SourceManifest;
  parse(files: SourceInputFile[]): ParsedSource;
}

/**
 * Dates Glacier reads as missing, with the reason. `step` 7 means only every 7th day from
 * `from` (one weekday), as for weekly or weekday-only reporting.
 */
export interface MissingSpan {
  from: IsoDate;
  to: IsoDate;
  reason: MissingReason;
  rule: string;
  step?: 7;
}
