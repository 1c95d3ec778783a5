/**
 * Number and date formatting: one place, so the map, chart, table and tooltips agree, in the
 * reader's language (Intl with the locale of i18n's current language).
 */
import { currentLang, currentLocale, t } from './i18n/index.js';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
  const key = `${currentLocale()}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 0, maximumFractionDigits: digits })));
  return f;
}

/** "2021-03-01" → "1 Mar 2021" / "2021年3月1日" (a calendar day, formatted in UTC: no time zone can shift it). */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const locale = currentLocale();
  let f = dateFormats.get(locale);
  if (!f) dateFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })));
  return f.format(new Date(`${iso}T00:00:00Z`));
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
  if (v === null || v === undefined || Number.isNaN(v)) return t('core.noData');
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  if (!opts.fractional && Number.isInteger(v)) return sign + numberFormat(0).format(a);
  if (a === 0) return '0';
  if (a >= 1000) return sign + numberFormat(0).format(a);
  const digits = Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(a))));
  return sign + numberFormat(digits).format(Number(a.toFixed(digits)));
}

/** Short form for axes and legends: 950, 1.2k, 35k, 1.2M, 3.4B; in Chinese by 万 and 亿 (1.2万, 3.4亿). */
export function formatCompact(v: number): string {
  if (Number.isNaN(v)) return '';
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  const units: [number, string][] = currentLang() === 'zh' ? [[1e8, '亿'], [1e4, '万']] : [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, unit] of units) if (a >= size) return sign + trim((a / size).toFixed(a / size < 10 ? 1 : 0)) + unit;
  if (a === 0) return '0';
  if (a < 1) return sign + trim(a.toPrecision(2));
  return sign + trim(a.toFixed(a < 10 ? 1 : 0));
}

const trim = (s: string) => (s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s);

/** "Cases, new per day, 7-day average, per 100,000 people" (the metric's title comes from the API, or the catalogue). */
export function describeMeasure(metricTitle: string, measure: string, perCapita: boolean): string {
  const m = t(measure === 'daily' ? 'core.measure.daily' : measure === 'daily_7day_avg' ? 'core.measure.daily7' : 'core.measure.cumulative');
  return t(perCapita ? 'core.measure.describePer100k' : 'core.measure.describe', { metric: metricTitle, measure: m });
}
