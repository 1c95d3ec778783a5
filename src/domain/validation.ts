/**
 * Data problems found while ingesting are collected, not thrown, unless they
 * make the whole file unusable (then the parser throws a SourceFormatError).
 */
export type Severity = 'error' | 'warning' | 'info';

export const VALIDATION_CODES = {
  unmatched_location: 'A source row names a place that matches no location key; the row was not stored.',
  duplicate_row: 'A source row repeats an earlier row for the same place with identical values; the copy was ignored.',
  conflicting_rows: 'Two rows of one file give different values for the same place and date; which one is kept is documented per source.',
  population_mismatch: 'The population a source file gives differs from the gazetteer.',
  missing_rule: 'Values were stored as missing by a documented rule (summary per rule).',
  file_skipped: 'A manifest file had nothing to read for this run (e.g. no vintage for the requested issue).',
  unchanged_file: 'The file is byte-identical to one already ingested with this connector version; nothing to store.',
  rows_summed: 'Several rows of one file are parts of one place (e.g. cities of a province in early JHU reports) and were summed.',
  not_a_place: 'Rows for aggregates or categories that are not places (world, continents, income groups, international conveyances); not stored.',
  repaired: 'A known upstream defect was detected and repaired (e.g. swapped month and day); the values are stored as repaired.',
  unparseable_cell: 'A cell could not be read as a number; the value is stored as missing.',
  row_skipped: 'A row the source file holds was not stored, for the reason given (e.g. an erratum naming no place that exists).',
  anomalies: 'Anomalies flagged in this run (summary per code; list them at /v1/anomalies).',
  encoding_damage: 'Text holds U+FFFD replacement characters (the upstream file lost its encoding); kept as published.',
  missing_marker: 'A cell holds a marker for "not available" (n/A, N.A., None, nd, …); stored as missing.',
  partial_date: 'A date is given to the month or year only, or in a short form (dd.mm.yy); stored with its precision.',
  stray_whitespace: 'A value had leading, trailing or doubled spaces ("Patient 180 "); stored trimmed.',
  case_variant: 'A value differs from the vocabulary only in letter case ("No finding"); stored in the vocabulary\'s spelling.',
  stray_row: 'A row is not a record (e.g. a caption fragment split off a quoted cell); not stored.',
  name_without_extension: 'A file name is listed without its extension; kept as published.',
  duplicate_image: 'One image file is listed twice (or under two patients); each listing is kept and reported.',
} as const;

export type ValidationCode = keyof typeof VALIDATION_CODES;

export interface ValidationIssue {
  code: ValidationCode;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: string;
  location?: string;
  metric?: string;
  count?: number;
}

/** Location in a source file, as a user would look it up: "file.csv, line 12, column 3/4/20". */
export function where(file: string, line?: number, column?: string): string {
  let s = file;
  if (line !== undefined) s += `, line ${line}`;
  if (column !== undefined) s += `, column ${JSON.stringify(column)}`;
  return s;
}

/** The file cannot be used at all: wrong header, truncated, non-numeric cell, conflicting duplicate. */
export class SourceFormatError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(`${where(file, line, column)}: ${message}`);
    this.name = 'SourceFormatError';
  }
}
