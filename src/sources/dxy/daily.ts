import { dayFromParts } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { PlaceRef, SourceSeries } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';

const MS_PER_DAY = 86_400_000;
/** DXY's times are Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day (day number) of an instant given in epoch milliseconds. */
export function beijingDay(epochMs: number): number {
  return Math.floor((epochMs + BEIJING_OFFSET_MS) / MS_PER_DAY);
}

/**
 * "2020-02-17 19:22:29.404", a Beijing wall-clock time as BlankerL's CSV files write it
 * (pandas' datetime.fromtimestamp on a UTC+8 host), → its Beijing day and epoch ms; null when
 * the text is not such a time.
 */
export function parseBeijingTime(text: string): { day: number; ms: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/.exec(text.trim());
  if (!m) return null;
  const day = dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (Number.isNaN(day) || h > 23 || min > 59 || s > 59) return null;
  const frac = m[7] ? Number(m[7]) : 0;
  return { day, ms: day * MS_PER_DAY + ((h * 60 + min) * 60 + s + frac) * 1000 - BEIJING_OFFSET_MS };
}

/** A count cell: an integer (pandas may write "12.0"); empty is missing (NaN), never 0. */
export function readCount(text: string, file: string, line: number, column: string): number {
  const t = text.trim();
  if (t === '') return Number.NaN;
  if (!/^-?\d+(\.0*)?$/.test(t)) throw new SourceFormatError(`not a number: ${JSON.stringify(text)}`, file, line, column);
  return Number(t);
}

/** The metrics DXY publishes that are in the vocabulary, in the order of `values` arrays. */
export const DXY_METRICS: readonly MetricId[] = ['confirmed', 'deaths', 'recovered'];

interface Point {
  ms: number;
  line: number;
  values: number[];
}

interface Entry {
  place: PlaceRef;
  /** Line and time of the newest row seen for the place (its label as last written). */
  line: number;
  ms: number;
  points: Map<number, Point>;
}

/**
 * Snapshots → one value per place and Beijing day: the newest snapshot of the day wins.
 * Places are keyed by the caller (a grouping of spellings); the newest row's spelling names
 * the place. Two different rows for one place at the very same time are an error.
 */
export class DailySnapshots {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly file: string) {}

  put(key: string, place: PlaceRef, day: number, ms: number, values: number[], line: number): void {
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { place, line, ms, points: new Map() }));
    else if (ms > e.ms) Object.assign(e, { place, line, ms });
    const p = e.points.get(day);
    if (!p || ms > p.ms) e.points.set(day, { ms, line, values });
    else if (ms === p.ms && !sameValues(p.values, values)) {
      throw new SourceFormatError(`two rows for one place at the same time disagree (the other is at line ${p.line})`, this.file, line);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  series(fileId: string): SourceSeries[] {
    const out: SourceSeries[] = [];
    for (const e of this.entries.values()) {
      const days = [...e.points.keys()];
      const start = Math.min(...days);
      const length = Math.max(...days) - start + 1;
      DXY_METRICS.forEach((metric, k) => {
        const values = new Float64Array(length).fill(Number.NaN);
        for (const [day, p] of e.points) values[day - start] = p.values[k];
        out.push({ fileId, line: e.line, place: e.place, metric, start, values });
      });
    }
    return out;
  }
}

export function sameValues(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
