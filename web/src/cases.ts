import { addDays, dayOf, formatDate } from './format.js';
import { preciseDate } from './research2.js';
import type { CaseFilter } from './state.js';

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

/*
 * The CDFs are written here rather than taken from @stdlib: stdlib builds its polynomial
 * evaluators with eval (evalpoly's factory), which the dashboard's Content-Security-Policy
 * (script-src without 'unsafe-eval') refuses. Accuracy: about 1e-14 (tests in cases.test.ts).
 */

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * The regularized incomplete gamma functions [P(a, x), Q(a, x)] for a > 0, x ≥ 0: the series
 * below a + 1, the continued fraction (modified Lentz) above, each computing its accurate side.
 */
export function regularizedGamma(a: number, x: number): [number, number] {
  if (!(x > 0)) return [0, 1];
  const front = Math.exp(-x + a * Math.log(x) - lnGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    const p = Math.min(1, sum * front);
    return [p, 1 - p];
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let f = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const q = Math.min(1, front * f);
  return [1 - q, q];
}

/** erfc(z) = Q(½, z²) for z ≥ 0, 1 + P(½, z²) below 0. */
export function erfc(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const [p, q] = regularizedGamma(0.5, z * z);
  return z >= 0 ? q : 1 + p;
}

function gammaCdf(x: number, shape: number, rate: number): number {
  return regularizedGamma(shape, x * rate)[0];
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

/** A fit as the API gives it: parameters, and the summaries they imply. */
export interface FitSummary extends FitParameters {
  mean: number;
  sd: number;
  median: number;
  p95: number;
}

const NAMES: Record<string, [string, string]> = { gamma: ['shape', 'rate'], lognormal: ['meanlog', 'sdlog'], weibull: ['shape', 'scale'] };
/** Φ⁻¹(0.95). */
const Z95 = 1.6448536269514722;

/**
 * A fit's parameters: as the API gives them, or, where the answer lacks them (the API served
 * `parameters: {}` when this page was written), solved exactly from the summaries the fit
 * implies — gamma from its mean and sd (shape = mean²/sd², rate = mean/sd²), lognormal from its
 * median and 95th percentile (meanlog = ln median, sdlog = ln(p95/median)/Φ⁻¹(0.95)), Weibull
 * from the same two (q(p) = scale·(−ln(1−p))^(1/shape)).
 */
export function parametersOf(fit: FitSummary): Record<string, number> | null {
  const names = NAMES[fit.family];
  if (!names) return null;
  if (names.every((n) => Number.isFinite(fit.parameters[n]))) return fit.parameters;
  const { mean, sd, median, p95 } = fit;
  if (fit.family === 'gamma' && mean > 0 && sd > 0) return { shape: (mean * mean) / (sd * sd), rate: mean / (sd * sd) };
  if (median > 0 && p95 > median) {
    if (fit.family === 'lognormal') return { meanlog: Math.log(median), sdlog: Math.log(p95 / median) / Z95 };
    const shape = (Math.log(-Math.log(0.05)) - Math.log(Math.LN2)) / Math.log(p95 / median);
    return { shape, scale: median / Math.pow(Math.LN2, 1 / shape) };
  }
  return null;
}

/** The CDF of a fitted family, or null for a family the page does not know (never drawn wrong). */
export function cdfOf(fit: FitParameters | FitSummary): ((x: number) => number) | null {
  const p = 'median' in fit ? parametersOf(fit) : fit.parameters;
  if (!p) return null;
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

/**
 * A dated event of a case row in the reader's language: one day, a range of days, a month, or the
 * list's raw text (quoted, `raw`: data, not translated) when the list gave no dates.
 */
export function eventText(row: Record<string, unknown>, event: string): { text: string; raw: boolean } {
  const start = row[`${event}_start`];
  const end = row[`${event}_end`];
  const precision = row[`${event}_precision`];
  const raw = row[`${event}_date_raw`];
  if (typeof start === 'string') {
    if (precision === 'month') return { text: preciseDate(start, 'month'), raw: false };
    return { text: typeof end === 'string' && end !== start ? `${formatDate(start)} – ${formatDate(end)}` : formatDate(start), raw: false };
  }
  return typeof raw === 'string' && raw.trim() ? { text: `“${raw.trim()}”`, raw: true } : { text: '—', raw: false };
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
