/** Number and date formatting: one place, so the map, chart, table and tooltips agree. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021-03-01" → "1 Mar 2021" (read as a calendar day: no time zone can shift it). */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Days since 1970-01-01 of an ISO date, and back. */
export function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}
export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
export function addDays(iso: string, n: number): string {
  return isoOf(dayOf(iso) + n);
}

/** The last Saturday on or before a day (forecasts are made at the end of an epiweek). */
export function saturdayOnOrBefore(iso: string): string {
  const day = dayOf(iso);
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4); Saturday is 6
  return isoOf(day - ((weekday + 1) % 7));
}

/**
 * A value as a person reads it: whole counts with thousands separators, rates and averages with
 * about three significant digits (never "0" for a small positive rate), missing as "No data".
 */
export function formatValue(v: number | null | undefined, opts: { fractional?: boolean } = {}): string {
  if (v === null || v === undefined || Number.isNaN(v)) return 'No data';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  if (!opts.fractional && Number.isInteger(v)) return sign + group(a.toFixed(0));
  if (a === 0) return '0';
  if (a >= 1000) return sign + group(a.toFixed(0));
  const digits = Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(a))));
  return sign + Number(a.toFixed(digits)).toString();
}

/** Short form for axes and legends: 950, 1.2k, 35k, 1.2M, 3.4B. */
export function formatCompact(v: number): string {
  if (Number.isNaN(v)) return '';
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  const units: [number, string][] = [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, unit] of units) if (a >= size) return sign + trim((a / size).toFixed(a / size < 10 ? 1 : 0)) + unit;
  if (a === 0) return '0';
  if (a < 1) return sign + trim(a.toPrecision(2));
  return sign + trim(a.toFixed(a < 10 ? 1 : 0));
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const trim = (s: string) => (s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s);

/** "Cases, 7-day average of new, per 100,000 people". */
export function describeMeasure(metricTitle: string, measure: string, perCapita: boolean): string {
  const m = measure === 'daily' ? 'new per day' : measure === 'daily_7day_avg' ? 'new per day, 7-day average' : 'cumulative';
  return `${metricTitle}, ${m}${perCapita ? ', per 100,000 people' : ''}`;
}
