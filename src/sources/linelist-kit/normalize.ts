import type { Outcome, Sex } from '../../domain/cases.js';
import { matchVocabulary, plainNumber } from '../kit/text.js';

/**
 * The line-list data dictionary's normalisation tables. Every function is pure, takes a
 * trimmed, non-blank cell that is not a missing marker, and says what it did so the caller can
 * report it; none guesses a value the cell does not give.
 */

/**
 * Markers the line lists use for "not available" (compared ignoring case after trimming): blank,
 * `N/A`, `NA`, `#N/A` (a spreadsheet's failed lookup: latitude, longitude, geo_resolution),
 * `none`, `-`.
 */
export const LINELIST_MARKERS = ['', 'n/a', 'na', '#n/a', 'none', '-'] as const;

/**
 * The widest span of an age range read as one person's age ("50-59", "0-18", "13-19"). Wider
 * spans ("23-72", "16-80", "8-68", "40-89") are the range of a group of cases the list gave
 * each of them (a cluster reported together), not a person's age: age null, raw kept.
 */
export const GROUP_AGE_SPAN = 20;

export const MAX_AGE = 130;

export type AgeReading = { ok: true; kind: 'years' | 'range' | 'open' | 'months'; start: number; end: number | null } | { ok: false; kind: 'group' | 'unreadable'; reason: string };

/**
 * Ages in years as a range: `45` → 45–45, `0.5` → 0.5–0.5 (fractions of a year as published),
 * `6 months` → 0.5–0.5, `50-59` → 50–59, `80+` / `80-` → 80–open; a span wider than
 * GROUP_AGE_SPAN is a group.
 */
export function readAge(t: string): AgeReading {
  let m: RegExpExecArray | null;
  const n = plainNumber(t);
  if (n !== null) return n >= 0 && n <= MAX_AGE ? { ok: true, kind: 'years', start: n, end: n } : { ok: false, kind: 'unreadable', reason: `not an age from 0 to ${MAX_AGE}` };
  if ((m = /^(\d+(?:\.\d+)?) ?(months?|mos?)$/i.exec(t))) {
    const years = Math.round((+m[1] / 12) * 10000) / 10000;
    return years <= MAX_AGE ? { ok: true, kind: 'months', start: years, end: years } : { ok: false, kind: 'unreadable', reason: 'not an age' };
  }
  if ((m = /^(\d{1,3}) ?- ?(\d{1,3})$/.exec(t))) {
    const a = +m[1];
    const b = +m[2];
    if (a > b || b > MAX_AGE) return { ok: false, kind: 'unreadable', reason: 'not an age range' };
    if (b - a > GROUP_AGE_SPAN) return { ok: false, kind: 'group', reason: `span of ${b - a} years: a group's range, not a person's age` };
    return { ok: true, kind: 'range', start: a, end: b };
  }
  if ((m = /^(\d{1,3}) ?[+-]$/.exec(t)) && +m[1] <= MAX_AGE) return { ok: true, kind: 'open', start: +m[1], end: null };
  return { ok: false, kind: 'unreadable', reason: 'not an age' };
}

export type SexReading = { sex: Exclude<Sex, 'unknown'>; caseVariant: boolean } | null;

/** male / female in any letter case; anything else is not read (null). */
export function readSex(t: string): SexReading {
  const m = matchVocabulary(t, ['male', 'female'] as const);
  return m ? { sex: m.value, caseVariant: m.caseVariant } : null;
}

/**
 * Outcome spellings (compared ignoring case) → the dictionary's outcomes. "discharge(d)" is
 * read as recovered: the list uses it for patients released from hospital after recovery.
 */
export const OUTCOME_SPELLINGS: Record<string, Outcome> = {
  recovered: 'recovered',
  recovery: 'recovered',
  discharge: 'recovered',
  discharged: 'recovered',
  death: 'died',
  died: 'died',
  dead: 'died',
  deceased: 'died',
  stable: 'stable',
  hospitalized: 'hospitalized',
  hospitalised: 'hospitalized',
};

/**
 * Free text in the outcome column read by pattern (the whole text kept as the raw): a patient
 * described as hospitalised, in intensive care, intubated or in critical condition is
 * `hospitalized`. Text matching none (e.g. "severe" — a severity, not an outcome — or a date) is
 * `unknown`.
 */
export const OUTCOME_PATTERNS: [RegExp, Outcome][] = [[/\bhospitali[sz]ed\b|\bintensive care\b|\bICU\b|\bintubated\b|\bcritical condition\b/i, 'hospitalized']];

export type OutcomeReading = { outcome: Outcome; how: 'spelling' | 'case_variant' | 'pattern' } | null;

export function readOutcome(t: string): OutcomeReading {
  const exact = OUTCOME_SPELLINGS[t];
  if (exact) return { outcome: exact, how: 'spelling' };
  const folded = OUTCOME_SPELLINGS[t.toLowerCase()];
  if (folded) return { outcome: folded, how: 'case_variant' };
  for (const [re, outcome] of OUTCOME_PATTERNS) if (re.test(t)) return { outcome, how: 'pattern' };
  return null;
}

/** A list cell split on `,` and `;` (symptoms): items trimmed, empty items dropped, letter case as written. */
export function splitList(t: string): string[] {
  return t
    .split(/[,;]/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');
}

/**
 * Travel places split on `;` only: a comma usually joins a place to its province or country
 * ("Wuhan, Hubei", "Bavaria, Germany"), so comma-joined text stays one item, as written.
 */
export function splitPlaces(t: string): string[] {
  return t
    .split(';')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');
}

/**
 * The http(s) URLs a cell holds, in order, without repeats: cells may list several, separated by
 * spaces, commas, semicolons (also without a space: "….html;https://…"), "and" or numbering
 * ("(1) … ; (2) …"); trailing punctuation
 * (ASCII or full-width) is not part of a URL. A bare `https://` is not a URL.
 */
export function extractUrls(t: string): string[] {
  const out: string[] = [];
  // A separator glued to the next URL ("….html;https://…") is a separator too.
  const spaced = t.replace(/([;,，；、])(https?:\/\/)/g, '$1 $2');
  for (const m of spaced.matchAll(/https?:\/\/[^\s，；、]+/g)) {
    const url = m[0].replace(/[.,;:)\]，；、]+$/, '');
    if (/^https?:\/\/[^/]+/.test(url) && !out.includes(url)) out.push(url);
  }
  return out;
}

/** yes/no (any case) and 1/0; null when the cell is neither. */
export function readYesNo(t: string): { value: boolean; caseVariant: boolean } | null {
  if (t === '1') return { value: true, caseVariant: false };
  if (t === '0') return { value: false, caseVariant: false };
  const m = matchVocabulary(t, ['yes', 'no'] as const);
  return m ? { value: m.value === 'yes', caseVariant: m.caseVariant } : null;
}
