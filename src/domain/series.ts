import type { IsoDate } from './dates.js';
import type { MetricId } from './metrics.js';
import type { AnomalyCode } from './anomalies.js';
import type { MissingReason } from './missing.js';
import type { SourceManifest } from './source.js';
import type { ValidationIssue } from './validation.js';

/**
 * How a source names a place; the ingest step resolves it to a location key.
 * - names: country / province / county names (JHU style; aliases resolve renamed places)
 * - jhu-uid: JHU's UID, with the names as a fallback
 * - code: a code in a known system: ISO 3166-1 alpha-2 or alpha-3, US FIPS (2-digit state,
 *   5-digit county), USPS state code, or a Glacier key the connector chose explicitly
 *   (documented geographic exceptions such as New York City).
 */
export type PlaceRef =
  | { kind: 'names'; country: string; province?: string; admin2?: string }
  | { kind: 'jhu-uid'; uid: number; label: string; country: string; province: string; admin2: string }
  | { kind: 'code'; system: 'iso2' | 'iso3' | 'fips' | 'usps' | 'key'; code: string; label: string };

/** One file handed to a parser: its decoded bytes (and, for text formats, the UTF-8 text) plus the name used in error messages. */
export interface SourceInputFile {
  fileId: string;
  name: string;
  text: string;
  /** The file's bytes (after gunzip), for binary formats (XLSX, MATLAB). The runner always sets it. */
  bytes?: Buffer;
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
  /** Vintage of these values when it is not the file's (errata logs, several snapshots a file). */
  issue?: IsoDate;
}

/** An anomaly a parser sees in the file itself (a duplicate row), on one date of a series. */
export interface SourceFlag {
  fileId: string;
  line: number;
  place: PlaceRef;
  metric: MetricId;
  date: IsoDate;
  code: AnomalyCode;
  detail?: Record<string, string | number>;
}

/** Provenance text for values of one date (an erratum's comment). */
export interface SourceNote {
  fileId: string;
  line: number;
  place: PlaceRef;
  metric: MetricId;
  date: IsoDate;
  issue?: IsoDate;
  note: string;
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
  flags?: SourceFlag[];
  notes?: SourceNote[];
}

/** A connector: data about the source plus a pure parser. Fetching is not its business. */
export interface Connector {
  manifest: SourceManifest;
  /** Synchronous for text formats; asynchronous where the reader is (XLSX). */
  parse(files: SourceInputFile[]): ParsedSource | Promise<ParsedSource>;
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

/** An anomaly on one date of a series: a flag, never an edit of the value. */
export interface AnomalyFlag {
  date: IsoDate;
  code: AnomalyCode;
  detail?: Record<string, string | number>;
}
