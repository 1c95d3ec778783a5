/**
 * Calendar dates are handled as ISO strings (YYYY-MM-DD) at the edges and as
 * integer day numbers (days since 1970-01-01, UTC) inside computations, so that
 * date arithmetic never meets time zones or daylight saving.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDate = string;

/** Day number of an ISO date, or NaN when the string is not a real calendar date. */
export function dayNumber(iso: string): number {
  let day = dayOfIso.get(iso);
  if (day !== undefined) return day;
  const m = ISO_DATE.exec(iso);
  day = m ? dayFromParts(Number(m[1]), Number(m[2]), Number(m[3])) : Number.NaN;
  if (!Number.isNaN(day)) {
    if (dayOfIso.size >= MEMO_MAX) dayOfIso.clear();
    dayOfIso.set(iso, day);
  }
  return day;
}

/**
 * Conversions memoised: an ingest converts the same few thousand dates millions of times (the
 * missing-value and anomaly rules run on every series at every vintage), and building a Date
 * for each took about 10 % of a many-vintage run (profiled on jhu-daily). Bounded, so text from
 * bad input cannot grow them without end.
 */
const MEMO_MAX = 100_000;
const dayOfIso = new Map<string, number>();
/** ISO dates of day numbers MEMO_FIRST_DAY … MEMO_FIRST_DAY + ISO_MEMO.length − 1 (1900 to 2173). */
const MEMO_FIRST_DAY = -25_567;
const ISO_MEMO: (IsoDate | undefined)[] = new Array(MEMO_MAX);

export function dayFromParts(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return Number.NaN;
  return ms / MS_PER_DAY;
}

export function isoFromDay(day: number): IsoDate {
  const k = day - MEMO_FIRST_DAY;
  if (k >= 0 && k < MEMO_MAX && Number.isInteger(k)) return (ISO_MEMO[k] ??= new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(s: string): boolean {
  return !Number.isNaN(dayNumber(s));
}

/** 0 = Monday … 6 = Sunday (ISO weekday minus one). */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday (ISO weekday 4 → index 3).
  return (((day + 3) % 7) + 7) % 7;
}

export function todayIso(now: Date): IsoDate {
  return now.toISOString().slice(0, 10);
}

/**
 * JHU writes dates as M/D/YY in time-series headers ("1/22/20").
 * Returns NaN when the text is not such a date.
 */
export function dayFromUsShortDate(text: string): number {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (!m) return Number.NaN;
  const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return dayFromParts(y, Number(m[1]), Number(m[2]));
}
