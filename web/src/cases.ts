import erfc from '@stdlib/math-base-special-erfc';
import gammaCdf from '@stdlib/stats-base-dists-gamma-cdf';
import { addDays, dayOf } from './format';
import type { CaseFilter } from './state';

/** Pure helpers of the Cases page (unit-tested in cases.test.ts): queries, chart data, fitted curves. */

/** Bootstrap resamples the dashboard asks the delay models for (the API's default, 1000, takes several seconds). */
export const MODEL_SAMPLES = 200;
/** Rows per page of the case table. */
export const CASE_PAGE = 25;
/** Rows per CSV link: the API's largest `limit`. */
export const CSV_ROWS = 10_000;

/** The filters as API parameters (empty values left out): the same for every request of the page. */
export function casesQuery(f: CaseFilter): Record<string, string | undefined> {
  return { source: f.sources.join(',') || undefined, location: f.location ?? undefined, sex: f.sex ?? undefined, outcome: f.outcome ?? undefined, as_of: f.asOf ?? undefined };
}

/** A fitted delay distribution as the API gives it (name and parameters). */
export interface FitParameters {
  family: string;
  parameters: Record<string, number>;
}

/** Lognormal CDF: ½ erfc(−(ln x − μ) / (σ√2)); 0 for x ≤ 0. */
export function lognormalCdf(x: number, meanlog: number, sdlog: number): number {
  if (!(x > 0)) return 0;
  return 0.5 * erfc(-(Math.log(x) - meanlog) / (sdlog * Math.SQRT2));
}

/** Weibull CDF: 1 − exp(−(x/scale)^shape); 0 for x ≤ 0. */
export function weibullCdf(x: number, shape: number, scale: number): number {
  if (!(x > 0)) return 0;
  return -Math.expm1(-Math.pow(x / scale, shape));
}

/** Gamma CDF with a rate (per day); 0 for x ≤ 0. */
export function gammaRateCdf(x: number, shape: number, rate: number): number {
  if (!(x > 0)) return 0;
  return gammaCdf(x, shape, rate);
}

/** The CDF of a fitted family, or null for a family the page does not know (never drawn wrong). */
export function cdfOf(fit: FitParameters): ((x: number) => number) | null {
  const p = fit.parameters;
  const ok = (...names: string[]) => names.every((n) => Number.isFinite(p[n]) && p[n] > 0);
  if (fit.family === 'gamma' && ok('shape', 'rate')) return (x) => gammaRateCdf(x, p.shape, p.rate);
  if (fit.family === 'lognormal' && ok('sdlog') && Number.isFinite(p.meanlog)) return (x) => lognormalCdf(x, p.meanlog, p.sdlog);
  if (fit.family === 'weibull' && ok('shape', 'scale')) return (x) => weibullCdf(x, p.shape, p.scale);
  return null;
}

/**
 * A fitted curve on a whole-day histogram: for each day d, the expected count
 * total × P(d ≤ X < d+1) = total × (F(d+1) − F(d)).
 */
export function expectedCounts(cdf: (x: number) => number, days: readonly number[], total: number): { day: number; count: number }[] {
  return days.map((day) => ({ day, count: total * Math.max(0, cdf(day + 1) - cdf(day)) }));
}

/** Every day from the histogram's first to its last (and at least to `through`), so curves are drawn over gaps too. */
export function dayRange(histogram: readonly { day: number }[], through = 0): number[] {
  if (histogram.length === 0) return [];
  const lo = Math.min(...histogram.map((b) => b.day));
  const hi = Math.max(through, ...histogram.map((b) => b.day));
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/** The pyramid's data: known bands (youngest first) by sex, and what it cannot place. */
export interface Pyramid {
  bands: { band: string; male: number; female: number }[];
  /** Cases whose sex is unknown (any band). */
  unknownSex: number;
  /** Cases of known sex whose age is unknown or spans two bands. */
  unknownAge: number;
  total: number;
}

const bandStart = (band: string) => Number(band.split('-')[0]);

export function pyramidOf(rows: readonly { band: string; sex: string; cases: number }[]): Pyramid {
  const bands = new Map<string, { band: string; male: number; female: number }>();
  let unknownSex = 0;
  let unknownAge = 0;
  let total = 0;
  for (const r of rows) {
    total += r.cases;
    if (r.sex !== 'male' && r.sex !== 'female') unknownSex += r.cases;
    else if (!/^\d+-\d+$/.test(r.band)) unknownAge += r.cases;
    else {
      const b = bands.get(r.band) ?? { band: r.band, male: 0, female: 0 };
      b[r.sex] += r.cases;
      bands.set(r.band, b);
    }
  }
  // Every 10-year band from the youngest to the oldest with a case, empty ones included (a pyramid has no gaps).
  const starts = [...bands.keys()].map(bandStart);
  const all: Pyramid['bands'] = [];
  if (starts.length) {
    for (let a = Math.min(...starts); a <= Math.max(...starts); a += 10) {
      const band = `${a}-${a + 9}`;
      all.push(bands.get(band) ?? { band, male: 0, female: 0 });
    }
  }
  return { bands: all, unknownSex, unknownAge, total };
}

/** Cases per day of onset and of confirmation, on every day from the first to the last of either. */
export interface DaySeries {
  days: string[];
  onset: number[];
  confirmation: number[];
}

export function daySeries(byDay: readonly { event: string; date: string; cases: number }[]): DaySeries {
  const rows = byDay.filter((r) => r.event === 'onset' || r.event === 'confirmation');
  if (rows.length === 0) return { days: [], onset: [], confirmation: [] };
  const dates = rows.map((r) => r.date).sort();
  const first = dates[0];
  const n = dayOf(dates[dates.length - 1]) - dayOf(first) + 1;
  const days = Array.from({ length: n }, (_, i) => addDays(first, i));
  const onset = new Array<number>(n).fill(0);
  const confirmation = new Array<number>(n).fill(0);
  for (const r of rows) (r.event === 'onset' ? onset : confirmation)[dayOf(r.date) - dayOf(first)] += r.cases;
  return { days, onset, confirmation };
}

/** An age range as the list gave it: "45", "50–59", "80+", "—". */
export function ageText(start: unknown, end: unknown): string {
  if (typeof start !== 'number') return '—';
  if (end === null || end === undefined) return `${start}+`;
  return start === end ? String(start) : `${start}–${end}`;
}

/** A dated event of a case row: one day, a range of days, or the raw text when the list gave no dates. */
export function eventText(row: Record<string, unknown>, event: string): string {
  const start = row[`${event}_start`];
  const end = row[`${event}_end`];
  const precision = row[`${event}_precision`];
  const raw = row[`${event}_date_raw`];
  if (typeof start === 'string') {
    if (precision === 'month') return start.slice(0, 7);
    return typeof end === 'string' && end !== start ? `${start} – ${end}` : start;
  }
  return typeof raw === 'string' && raw.trim() ? `“${raw.trim()}”` : '—';
}

/** The first http(s) address of a case's sources ("; "-separated), or null: never a javascript: link. */
export function sourceLink(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  for (const part of value.split(/;\s*|\s+/)) {
    try {
      const u = new URL(part.trim());
      if (u.protocol === 'https:' || u.protocol === 'http:') return u.href;
    } catch {
      // not an address
    }
  }
  return null;
}

/** Nice axis ticks from 0 to at least max: 0, step, 2·step, … (about `count` of them). */
export function ticks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw)!;
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}
