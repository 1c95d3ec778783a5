import { dayFromParts } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { PlaceRef, SourceSeries } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { LongPivot } from '../kit/long-pivot.js';

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

/**
 * Snapshots → one value per place and Beijing day: the newest snapshot of the day wins (the
 * kit's `snapshots` policy, ranked by time). Places are keyed by the caller (a grouping of
 * spellings); the newest row's spelling names the place. Two different rows for one place at
 * the very same time are an error.
 */
export class DailySnapshots {
  private readonly pivot: LongPivot;

  constructor(file: string, fileId: string) {
    this.pivot = new LongPivot({ fileId, file, metrics: DXY_METRICS, policy: 'snapshots' });
  }

  put(key: string, place: PlaceRef, day: number, ms: number, values: number[], line: number): void {
    this.pivot.add({ key, place, label: labelOf(place), day, line, values, rank: ms });
  }

  series(): SourceSeries[] {
    return this.pivot.series();
  }
}

function labelOf(place: PlaceRef): string {
  return place.kind === 'names' ? [place.admin2, place.province, place.country].filter(Boolean).join(', ') : place.label;
}
