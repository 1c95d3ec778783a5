import type { IsoDate } from './dates.js';
import type { SourceInputFile } from './series.js';
import type { SourceManifest } from './source.js';
import type { ValidationIssue } from './validation.js';

/**
 * Patient-level case records from public line lists, in one data dictionary (in the spirit of
 * Global.health's): every value normalised where it can be read, the raw text kept beside it,
 * and what cannot be read left null with a reason in the run's validation report — never guessed.
 */

/** The events a case record can date. */
export const CASE_EVENTS = ['onset', 'admission', 'confirmation', 'outcome', 'exposure_start', 'exposure_end', 'travel', 'report'] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/**
 * How much a date says: one day, a range of days given as such ("10.01.2020 - 22.01.2020"), a
 * month ("end of December 2019" is read as that month only when the text says no more), or
 * unknown (text kept, no dates).
 */
export const CASE_DATE_PRECISIONS = ['day', 'range', 'month', 'unknown'] as const;
export type CaseDatePrecision = (typeof CASE_DATE_PRECISIONS)[number];

/** A date as a range of days: start = end for one day; both null when unknown. */
export interface DateRange {
  start: IsoDate | null;
  end: IsoDate | null;
  precision: CaseDatePrecision;
  raw: string;
}

export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const OUTCOMES = ['recovered', 'died', 'hospitalized', 'stable', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface CasePlace {
  /** As written in the list. */
  country: string | null;
  /** Province or state, as written. */
  province: string | null;
  /** City and admin names as written (kept as text; not keyed). */
  city: string | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  latitude: number | null;
  longitude: number | null;
  /** The list's own geo resolution (point, admin3, admin2, admin1, country), as written. */
  geoResolution: string | null;
}

export interface CaseRecord {
  /** Stable within the source: the list's own id (the same case keeps it across copies of the list). */
  caseId: string;
  /** File name and physical line (header = 1) of the row. */
  file: string;
  line: number;
  place: CasePlace;
  /** Age as a range in years: 45 → 45–45, "50-59" → 50–59, "80+" → 80–null (open-ended). Null start: unknown. */
  ageStart: number | null;
  ageEnd: number | null;
  ageRaw: string | null;
  sex: Sex;
  sexRaw: string | null;
  /** The dated events the list gives (absent: the list has no such column or the cell is blank). */
  events: Partial<Record<CaseEvent, DateRange>>;
  outcome: Outcome;
  outcomeRaw: string | null;
  symptoms: string[];
  symptomsRaw: string | null;
  chronicDisease: string | null;
  /** The list's chronic-disease flag, where it has one. */
  chronicDiseaseBinary: boolean | null;
  /** Places travelled from or through, as written, split on the list's separators. */
  travelPlaces: string[];
  travelRaw: string | null;
  /** Link to Wuhan: lives there, visited, came from (null: the list does not say). */
  wuhan: { livesIn: boolean | null; visited: boolean | null; cameFrom: boolean | null };
  sourceUrls: string[];
  /** Free text the source published (summary, additional information, notes). */
  notes: string | null;
  /** Cells of columns outside the dictionary (unnamed trailing columns that hold text), by column. */
  extra: Record<string, string>;
}

export interface ParsedCases {
  cases: CaseRecord[];
  issues: ValidationIssue[];
}

/** A line-list source's manifest: a source manifest with no series. */
export interface CaseManifest extends SourceManifest {
  metrics: [];
  levels: [];
}

export interface CaseConnector {
  kind: 'cases';
  manifest: CaseManifest;
  /** Called once per copy (vintage) of the list, oldest first. */
  parse(files: SourceInputFile[]): ParsedCases;
}
