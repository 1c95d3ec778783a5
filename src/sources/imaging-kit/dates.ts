import { dayFromParts, isoFromDay, type IsoDate } from '../../domain/dates.js';
import type { DatePrecision } from '../../domain/imaging.js';

/**
 * Loose dates of the imaging metadata files. Each reading says its precision and its form, so
 * the caller can count partial and short dates (`partial_date`) and unreadable ones.
 *
 * | form | example | precision |
 * |---|---|---|
 * | `long` | `January 22, 2020`, `Jan 24, 2020`, `12 March 2020`, `2020-03-01`, `20200313` | day |
 * | `us-slash` | `2/29/2020`, `03/16/20` — month first (see below) | day |
 * | `dotted-short` | `20.04.20` (POCUS: dd.mm.yy, 20yy) | day |
 * | `month` | `March 2003`, `Mar 2020` | month |
 * | `year` | `2020` | year |
 * | `no-year` | `January 12` | unknown (no date stored) |
 * | `unreadable` | `0`, free text | unknown |
 *
 * Slash dates are read month first: every one in covid-chestxray that can only be read one way
 * (`2/29/2020`, `03/16/20`, `11/27/19`) is month first, and the file is written in US English.
 */
export type DateForm = 'long' | 'us-slash' | 'dotted-short' | 'month' | 'year' | 'no-year' | 'unreadable';

export interface LooseDate {
  /** The start of the period (`2020-03-01` for March 2020); null when precision is unknown. */
  iso: IsoDate | null;
  precision: DatePrecision;
  form: DateForm;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** January, Jan, Jan., Sept → 1..12; 0 when not a month name or abbreviation. */
function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return 0;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i];
  // The full name, its three-letter abbreviation, or "Sept"; not any other prefix ("Marc").
  return w === full || w === full.slice(0, 3) || (w === 'sept' && i === 8) ? i + 1 : 0;
}

const UNKNOWN = (form: DateForm): LooseDate => ({ iso: null, precision: 'unknown', form });

function day(y: number, m: number, d: number, form: DateForm): LooseDate {
  const n = dayFromParts(y, m, d);
  return Number.isNaN(n) ? UNKNOWN('unreadable') : { iso: isoFromDay(n), precision: 'day', form };
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2099;
const plausibleYear = (y: number) => y >= YEAR_MIN && y <= YEAR_MAX;

/** Reads a trimmed, non-blank date cell. */
export function parseLooseDate(text: string): LooseDate {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) return day(+m[1], +m[2], +m[3], 'long');
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) return plausibleYear(+m[1]) ? day(+m[1], +m[2], +m[3], 'long') : UNKNOWN('unreadable');
  if ((m = /^(\d{4})$/.exec(t))) return plausibleYear(+m[1]) ? { iso: `${m[1]}-01-01`, precision: 'year', form: 'year' } : UNKNOWN('unreadable');
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t))) return day(m[3].length === 2 ? 2000 + +m[3] : +m[3], +m[1], +m[2], 'us-slash');
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/.exec(t))) return day(2000 + +m[3], +m[2], +m[1], 'dotted-short');
  // "January 22, 2020", "Jan 24 2020"
  if ((m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(t)) && monthNumber(m[1])) return day(+m[3], monthNumber(m[1]), +m[2], 'long');
  // "12 March 2020"
  if ((m = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(t)) && monthNumber(m[2])) return day(+m[3], monthNumber(m[2]), +m[1], 'long');
  // "March 2003"
  if ((m = /^([A-Za-z]+\.?),?\s+(\d{4})$/.exec(t)) && monthNumber(m[1]) && plausibleYear(+m[2])) {
    return { iso: `${m[2]}-${String(monthNumber(m[1])).padStart(2, '0')}-01`, precision: 'month', form: 'month' };
  }
  // "January 12": a day without its year
  if ((m = /^([A-Za-z]+\.?)\s+(\d{1,2})$/.exec(t)) && monthNumber(m[1])) return UNKNOWN('no-year');
  return UNKNOWN('unreadable');
}

/** How a `partial_date` breakdown names a form. */
export const DATE_FORM_LABEL: Record<DateForm, string> = {
  long: 'full date',
  'us-slash': 'm/d/y short form, read month first',
  'dotted-short': 'dd.mm.yy short form',
  month: 'month only',
  year: 'year only',
  'no-year': 'day without a year (precision unknown)',
  unreadable: 'unreadable',
};
