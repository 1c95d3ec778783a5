import type { DateRange } from '../../domain/cases.js';
import { dayFromParts, dayNumber, isoFromDay, type IsoDate } from '../../domain/dates.js';
import type { ValidationCode } from '../../domain/validation.js';

/**
 * Dates of the line lists, read into a `DateRange` with its precision. Pure: the reading says
 * what it did (`notes`, tallied by the caller), never guesses.
 *
 * | text | reading | note |
 * |---|---|---|
 * | `22.01.2020` (dmy) / `1/22/2020` (mdy) | day | — |
 * | `9.01.2020` (one-digit day or month) | day | — |
 * | `01/03/20` (mdy, two-digit year → 20yy) | day | `partial_date` (short form) |
 * | `10.01.2020 - 22.01.2020`, `16.01.2020-22.01.2020` | range | — |
 * | `- 05.02.2020`, `25.01.2020 -` (one end only) | range with the other end null | `partial_date` (open-ended range) |
 * | `end of December 2019`, `mid-January 2020`, `December 2019` | month (first to last day) | `partial_date` (month only) |
 * | `mid-January` (a month, no year) | month, the year being the only one in the list's period (from `periodStart` to the copy date) that has that month; unknown when there are two | `partial_date` |
 * | `01.31.2020` (impossible day-first, valid month-first; or the reverse for mdy) | day, month and day swapped back | `repaired` |
 * | a date after the copy date whose swapped reading is a different valid day not after it | day, swapped back | `repaired` |
 * | a date after the copy date otherwise (`04.04.2020`, `02.02.2021`) | unknown, raw kept | `unparseable_cell` |
 * | `20,01,2020` (commas for dots) | day | `repaired` (separators) |
 * | `09.01. 2020` (a space inside a date) | read without the space | `stray_whitespace` |
 * | `12/30/1899` (mdy: Excel's day zero, a 0 or blank cell formatted as a date) | null (no date) | `missing_marker` |
 * | a range ending before it starts, several dates or periods, words without a month, `20.02.220` | unknown, raw kept | `unparseable_cell` |
 */
export type DateOrder = 'dmy' | 'mdy';

export interface CaseDateOptions {
  /** Day first (`dd.mm.yyyy`, the open list) or month first (`m/d/yyyy`, Kudos). */
  order: DateOrder;
  /** The copy's date: no event of the list can be later. */
  copyDate: IsoDate;
  /** The first day of the list's period (months named without a year are placed in it). */
  periodStart: IsoDate;
}

export interface DateNote {
  code: ValidationCode;
  /** What the breakdown counts. */
  detail: string;
}

export interface CaseDateReading {
  /** Null when the cell holds no date at all (Excel's day zero). */
  range: DateRange | null;
  notes: DateNote[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.slice(0, 3) === w) || (w === 'sept' && m === 'september'));
  return i + 1;
}

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

type DayResult = { iso: IsoDate; notes: DateNote[] } | { iso: null; reason: string; notes: DateNote[] };

const SWAP_NOTE = (raw: string, iso: IsoDate): DateNote => ({ code: 'repaired', detail: `${JSON.stringify(raw)} → ${iso} (month and day swapped)` });

/** One date token: null when it is not shaped like a date of this order at all. */
function readDay(token: string, opts: CaseDateOptions): DayResult | null {
  const notes: DateNote[] = [];
  let a: number, b: number, y: number;
  let m: RegExpExecArray | null;
  if (opts.order === 'dmy') {
    if (!(m = /^(\d{1,2})([.,])(\d{1,2})\2(\d{4})$/.exec(token))) return null;
    if (m[2] === ',') notes.push({ code: 'repaired', detail: 'commas for dots (dd,mm,yyyy)' });
    a = +m[1];
    b = +m[3];
    y = +m[4];
  } else {
    if (!(m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(token))) return null;
    a = +m[1];
    b = +m[2];
    y = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    if (m[3].length === 2) notes.push({ code: 'partial_date', detail: 'm/d/yy short form (20yy)' });
  }
  const [d, mo] = opts.order === 'dmy' ? [a, b] : [b, a];
  const asWritten = dayFromParts(y, mo, d);
  const swapped = dayFromParts(y, d, mo);
  const copy = dayNumber(opts.copyDate);
  if (!Number.isNaN(asWritten) && asWritten <= copy) return { iso: isoFromDay(asWritten), notes };
  if (Number.isNaN(asWritten)) {
    if (!Number.isNaN(swapped) && swapped <= copy) return { iso: isoFromDay(swapped), notes: [...notes, SWAP_NOTE(token, isoFromDay(swapped))] };
    return { iso: null, reason: 'not a date', notes };
  }
  // A valid date after the copy date.
  if (!Number.isNaN(swapped) && swapped !== asWritten && swapped <= copy) return { iso: isoFromDay(swapped), notes: [...notes, SWAP_NOTE(token, isoFromDay(swapped))] };
  return { iso: null, reason: `after the copy date ${opts.copyDate}`, notes };
}

/** A month named in words ("end of December 2019", "mid-January"): the month as a range, or a reason. */
function readMonthWords(t: string, opts: CaseDateOptions): { range: [IsoDate, IsoDate]; detail: string } | { reason: string } | null {
  const m = /^(?:(?:the end of|end of|beginning of|start of|middle of|early|mid|late|end)[\s-]+)?([A-Za-z]+\.?)(?:,?\s+(\d{4}))?$/i.exec(t);
  if (!m) return null;
  const month = monthNumber(m[1]);
  if (month === 0) return null;
  let year: number;
  let detail = 'month only';
  if (m[2] !== undefined) year = +m[2];
  else {
    const start = dayNumber(opts.periodStart);
    const end = dayNumber(opts.copyDate);
    const years: number[] = [];
    for (let yy = +opts.periodStart.slice(0, 4); yy <= +opts.copyDate.slice(0, 4); yy++) {
      const first = dayFromParts(yy, month, 1);
      const last = dayFromParts(yy, month, lastDayOfMonth(yy, month));
      if (last >= start && first <= end) years.push(yy);
    }
    if (years.length !== 1) return { reason: 'a month without a year' };
    year = years[0];
    detail = `month without a year (${year}: the only one in the list's period)`;
  }
  const first = `${year}-${pad(month)}-01`;
  if (dayNumber(first) > dayNumber(opts.copyDate)) return { reason: `after the copy date ${opts.copyDate}` };
  return { range: [first, `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`], detail };
}

const unknown = (raw: string, reason: string, notes: DateNote[] = []): CaseDateReading => ({
  range: { start: null, end: null, precision: 'unknown', raw },
  notes: [...notes, { code: 'unparseable_cell', detail: `${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)} (${reason})` }],
});

/** Reads a non-blank date cell (markers are the caller's). */
export function readCaseDate(raw: string, opts: CaseDateOptions): CaseDateReading {
  let t = raw.replace(/\s+/g, ' ').trim();
  const notes: DateNote[] = [];
  if (opts.order === 'mdy' && t === '12/30/1899') {
    return { range: null, notes: [{ code: 'missing_marker', detail: '"12/30/1899" (Excel\'s day zero: a 0 or blank cell formatted as a date)' }] };
  }
  if (opts.order === 'dmy' && /\d{1,2}\.\d{1,2}\. \d{4}/.test(t)) {
    t = t.replace(/(\d{1,2}\.\d{1,2}\.) (\d{4})/g, '$1$2');
    notes.push({ code: 'stray_whitespace', detail: 'a space inside a date' });
  }
  const single = readDay(t, opts);
  if (single) {
    if (single.iso === null) return unknown(raw, single.reason, [...notes, ...single.notes]);
    return { range: { start: single.iso, end: single.iso, precision: 'day', raw }, notes: [...notes, ...single.notes] };
  }
  const r = /^(\S+)? ?- ?(\S+)?$/.exec(t);
  if (r && (r[1] !== undefined || r[2] !== undefined)) {
    const from = r[1] !== undefined ? readDay(r[1], opts) : undefined;
    const to = r[2] !== undefined ? readDay(r[2], opts) : undefined;
    if (from !== null && to !== null) {
      const all = [...notes, ...(from?.notes ?? []), ...(to?.notes ?? [])];
      if (from && from.iso === null) return unknown(raw, `range start ${from.reason}`, all);
      if (to && to.iso === null) return unknown(raw, `range end ${to.reason}`, all);
      const start = from?.iso ?? null;
      const end = to?.iso ?? null;
      if (start !== null && end !== null && start > end) return unknown(raw, 'the range ends before it starts', all);
      if (start === null || end === null) all.push({ code: 'partial_date', detail: start === null ? 'open-ended range (no start)' : 'open-ended range (no end)' });
      return { range: { start, end, precision: 'range', raw }, notes: all };
    }
  }
  const words = readMonthWords(t, opts);
  if (words) {
    if ('reason' in words) return unknown(raw, words.reason, notes);
    return { range: { start: words.range[0], end: words.range[1], precision: 'month', raw }, notes: [...notes, { code: 'partial_date', detail: words.detail }] };
  }
  const several = t.split(/[;,] ?/).length > 1 && /\d/.test(t);
  return unknown(raw, several ? 'several dates or periods' : 'not a date', notes);
}
