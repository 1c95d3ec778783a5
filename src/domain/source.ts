import type { IsoDate } from './dates.js';
import type { LocationLevel } from './location.js';
import type { MetricId } from './metrics.js';

/** One upstream file of a source. */
export interface SourceFileSpec {
  /** Stable id within the source ("confirmed"); also the name of the raw copy kept in the data folder. */
  id: string;
  /** Upstream URL fetched by default. */
  url: string;
  /**
   * Where copies of the file live in a local mirror laid out like ../shared/data, relative to
   * the mirror root. A path without placeholders is the current file. Dated copies (vintages):
   * "{date}" (YYYY-MM-DD) or "{date:MM-DD-YYYY}" in any segment, "{time}" in the file name to
   * order copies of one day (e.g. "jhu/vintages/confirmed_global_asof_{date}.csv",
   * "nyt/asof_{date}/us-states.csv"), or an object { path, issue } when the name does not spell
   * the date. A ".gz" twin of any path is accepted.
   */
  mirror: (string | { path: string; issue: IsoDate })[];
}

export interface LicenseInfo {
  name: string;
  url: string;
  spdx?: string;
}

export interface SourceManifest {
  id: string;
  title: string;
  publisher: string;
  homepage: string;
  license: LicenseInfo;
  /** What others may do with the data, in one sentence. */
  redistribution: string;
  cadence: 'daily' | 'weekly' | 'irregular';
  /** For archived sources: the last day upstream changed. Content fetched later is dated to it. */
  frozenOn?: IsoDate;
  metrics: MetricId[];
  levels: LocationLevel[];
  files: SourceFileSpec[];
  /** Bumped whenever parsing or normalization changes, so byte-identical files are read again. */
  parserVersion: number;
  /** Metrics the source stopped publishing; cells after `after` are stored as missing ("discontinued"). */
  discontinued?: { metric: MetricId; after: IsoDate; note: string; reference?: string }[];
  notes?: string[];
  /**
   * Rows of one file that resolve to the same place: an error (default), or summed when rows
   * can be parts of one place (documented in the notes).
   */
  duplicatePlaces?: 'error' | 'sum';
  /**
   * The values are individual corrections (an errata log), not series: no totals are derived
   * and no missing-value rules or anomaly detection run on them.
   */
  sparse?: boolean;
  /**
   * Each copy republishes the whole of every series it has: a date a newer copy leaves out
   * inside a series' range is no longer published (missing as of that copy), not kept from the
   * older copy. Default (false): copies may be partial (snapshots, files that drop a row), so a
   * blank never erases an earlier value. WHO re-issued its daily history as weekly rows.
   */
  completeVintages?: boolean;
}
