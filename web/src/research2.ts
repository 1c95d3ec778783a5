import { formatDate } from './format.js';
import { currentLocale } from './i18n/index.js';
import type { LiteratureFilter } from './state.js';

/** Pure helpers of the Literature, Sequences and Chatter pages (unit-tested in research2.test.ts). */

/** A highlight's pieces: the API marks matches between `**` and `**` (plain text, never HTML). */
export function highlightParts(text: string): { text: string; mark: boolean }[] {
  const pieces = text.split('**');
  // An odd number of markers: the last one has no partner and is read as text.
  if (pieces.length % 2 === 0) {
    const last = pieces.pop()!;
    pieces[pieces.length - 1] += `**${last}`;
  }
  return pieces.map((t, i) => ({ text: t, mark: i % 2 === 1 })).filter((p) => p.text !== '');
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** A date as precise as its source gave it: "2020", "Mar 2020" / "2020年3月", "21 Mar 2020" / "2020年3月21日"; "—" when unknown. */
export function preciseDate(d: string | null, precision: string | null): string {
  if (!d) return '—';
  const y = d.slice(0, 4);
  const month = Number(d.slice(5, 7));
  if (precision === 'year' || !(month >= 1 && month <= 12)) return y;
  if (precision === 'month' || d.length < 10) {
    const locale = currentLocale();
    let f = monthFormats.get(locale);
    if (!f) monthFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })));
    return f.format(new Date(Date.UTC(Number(y), month - 1, 1)));
  }
  return formatDate(d.slice(0, 10));
}

/** The query of /v1/literature/search for a filter (empty values left out). */
export function literatureQuery(f: LiteratureFilter): Record<string, string | undefined> {
  return { q: f.q || undefined, from: f.from ?? undefined, to: f.to ?? undefined, has_doi: f.hasDoi === null ? undefined : String(f.hasDoi) };
}

/** A DOI's link (DOIs are stored normalised: lower case, no resolver prefix). */
export const doiUrl = (doi: string) => `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;

export interface Stack {
  periods: string[];
  /** The bands, bottom to top: clades in name order, unassigned (null) last. */
  clades: (string | null)[];
  /** freq[c][p]: clade c's frequency in period p (0 where the API lists none). */
  freq: number[][];
  /** Cumulative tops: top[c][p] = freq[0][p] + … + freq[c][p]. */
  top: number[][];
}

/** /v1/sequences/clades rows as stacked bands. */
export function stackClades(rows: readonly { period: string; clade: string | null; frequency: number }[]): Stack {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const named = [...new Set(rows.map((r) => r.clade).filter((c): c is string => c !== null))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const clades: (string | null)[] = rows.some((r) => r.clade === null) ? [...named, null] : named;
  const at = new Map(periods.map((p, i) => [p, i]));
  const freq = clades.map(() => periods.map(() => 0));
  for (const r of rows) freq[clades.indexOf(r.clade)][at.get(r.period)!] += r.frequency;
  const top: number[][] = [];
  freq.forEach((f, c) => top.push(f.map((v, p) => v + (c ? top[c - 1][p] : 0))));
  return { periods, clades, freq, top };
}

/** Runs of consecutive weeks (7 days apart) in sorted week starts, as [first, last] index pairs. */
export function weekRuns(periods: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  periods.forEach((p, k) => {
    if (k > 0 && dayNumber(p) - dayNumber(periods[k - 1]) === 7) out[out.length - 1][1] = k;
    else out.push([k, k]);
  });
  return out;
}

/** An SVG path through points, a gap (a new "M") wherever y is null: unlisted days are never drawn as 0. */
export function gappedPath(points: readonly { x: number; y: number | null }[]): string {
  let out = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null || !Number.isFinite(p.y)) {
      pen = false;
      continue;
    }
    out += `${out ? ' ' : ''}${pen ? 'L' : 'M'}${round(p.x)},${round(p.y)}`;
    pen = true;
  }
  return out;
}

export const round = (v: number) => Math.round(v * 100) / 100;

/** Every day from the first to the last of a set of ISO days (the x axis of the term lines). */
export function daySpan(days: readonly string[]): string[] {
  if (days.length === 0) return [];
  const sorted = [...days].sort();
  const out: string[] = [];
  for (let t = Date.parse(`${sorted[0]}T00:00:00Z`), end = Date.parse(`${sorted[sorted.length - 1]}T00:00:00Z`); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Days since 1970 of an ISO day (a shared time axis for weeks and days). */
export const dayNumber = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/** A linear scale from [d0, d1] to [r0, r1] (a zero-width domain maps to the middle). */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** About `n` round tick values from 0 to at least max (1, 2 or 5 × a power of ten apart); the last is the axis' top. */
export function ticks(max: number, n = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let i = 0; ; i++) {
    const v = Math.round((i * step) / p) * p;
    out.push(v);
    if (v >= max - step * 1e-9) return out;
  }
}

/** A term series' value of a day: its share (a fraction) or its count; null when the term is not listed that day. */
export function termValue(r: { count: number | null; share: number | null }, share: boolean): number | null {
  return share ? r.share : r.count;
}
