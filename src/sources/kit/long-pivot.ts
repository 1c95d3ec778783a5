import { isoFromDay } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { PlaceRef, SourceFlag, SourceSeries } from '../../domain/series.js';
import type { ValidationIssue } from '../../domain/validation.js';
import { withRoom } from '../../lib/typed-array.js';
import { conflictError, duplicateRowDetail, repeatIssue, sameValues } from './duplicate-rows.js';

/**
 * The pivot every long-format connector uses: rows of a file (one per place and date, several
 * values each) → one dense `SourceSeries` per place and metric (NaN on the days the file has no
 * row), with the duplicate-row policy of duplicate-rows.ts applied as the rows come in.
 *
 *   const pivot = new LongPivot({ fileId, file: name, metrics: ['confirmed', 'deaths'] });
 *   for (const row of rows) pivot.add({ key, place, label, day, line, values: [cases, deaths] });
 *   out.series.push(...pivot.series()); out.issues.push(...pivot.issues()); out.flags.push(...pivot.flags());
 */

/** One row of a long file, as the connector read it. */
export interface LongRow {
  /** Identity of the place within the file: two rows with the same key and day are the same cell. */
  key: string;
  place: PlaceRef;
  /** How messages name the place ("ITA", "\"France\"", "Kings, New York"). */
  label: string;
  day: number;
  line: number;
  /** One value per metric of the pivot, in its order; NaN for a blank cell. */
  values: ArrayLike<number>;
  /**
   * What must be equal for a repeat to be identical, when more than the stored values counts
   * (OWID and CDC compare every cell of the row). Default: the values.
   */
  signature?: string;
  /** `location` of the duplicate_row issue: the place's code as the file writes it. */
  location?: string;
  /** Snapshot files only: the row with the higher rank (newer snapshot) wins its place and day. */
  rank?: number;
}

export interface LongPivotOptions {
  fileId: string;
  /** File name for messages. */
  file: string;
  /** The metric of each value of a row, in order. */
  metrics: readonly MetricId[];
  /**
   * `repeats` (default): an identical repeat of a place and day is ignored with a duplicate_row
   * warning and flags; different values refuse the file. `snapshots`: the row of higher `rank`
   * wins and every row not read is counted (`superseded`); equal ranks must agree. A place then
   * takes its spelling and line from its best-ranked row.
   */
  policy?: 'repeats' | 'snapshots';
  /** Header names of the values: a conflict message then shows both rows' values (`cases 5 vs 3`). */
  conflictColumns?: readonly string[];
}

/**
 * A place's rows, columnar: a county file has a million rows, and a row here costs its day, line and
 * values in typed arrays (about 32 bytes), where a Map entry and five growing arrays per row made
 * nyt's pivot the largest promoted allocation of its run. Rows of a place almost always come in
 * day order: a new day is then found past the last one, and a repeat by binary search; only a
 * place whose days go back builds a Map of them.
 */
interface Entry {
  place: PlaceRef;
  line: number;
  rank: number;
  /** Rows held; the arrays below have room for more. */
  n: number;
  days: Int32Array;
  lines: Int32Array;
  /** Row-major: values[i * width + k]. */
  values: Float64Array;
  /** Per row, policy `snapshots` only. */
  ranks: Float64Array | null;
  /** Per row, once any row of the place came with one. */
  signatures: (string | undefined)[] | null;
  /** Day → row, once the place's days stopped ascending. */
  byDay: Map<number, number> | null;
}

const FIRST_ROOM = 8;

interface Repeat {
  line: number;
  firstLine: number;
  place: PlaceRef;
  label: string;
  day: number;
  location?: string;
}

export class LongPivot {
  private readonly entries = new Map<string, Entry>();
  private readonly repeats: Repeat[] = [];
  private readonly width: number;
  /** Rows not read because a better-ranked snapshot of the same place and day was (policy `snapshots`). */
  superseded = 0;

  constructor(private readonly options: LongPivotOptions) {
    this.width = options.metrics.length;
  }

  /**
   * Adds a row; false when it is not read (an identical repeat, or a superseded snapshot).
   * Throws SourceFormatError for a repeat with different values.
   */
  add(row: LongRow): boolean {
    if (row.values.length !== this.width) throw new Error(`LongPivot: ${row.values.length} values for ${this.width} metrics`);
    const rank = row.rank ?? 0;
    let e = this.entries.get(row.key);
    if (!e) {
      e = this.entry(row.place, row.line, rank);
      this.entries.set(row.key, e);
    } else if (this.options.policy === 'snapshots' && rank > e.rank) {
      Object.assign(e, { place: row.place, line: row.line, rank });
    }
    const i = rowOfDay(e, row.day);
    if (i < 0) {
      this.append(e, row, rank);
      return true;
    }
    const earlier = Array.from(e.values.subarray(i * this.width, (i + 1) * this.width));
    if (this.options.policy === 'snapshots') {
      const held = e.ranks![i];
      if (rank !== held) {
        this.superseded++;
        if (rank < held) return false;
        this.replace(e, i, row, rank);
        return true;
      }
      if (!this.identical(e, i, earlier, row)) throw this.conflict(e.lines[i], earlier, row);
      return false;
    }
    if (!this.identical(e, i, earlier, row)) throw this.conflict(e.lines[i], earlier, row);
    this.repeats.push({ line: row.line, firstLine: e.lines[i], place: e.place, label: row.label, day: row.day, location: row.location });
    return false;
  }

  /**
   * One dense series per place (in the order places first appear) and metric (in `metrics`
   * order, default the pivot's): from the place's first to its last day, NaN where no row.
   * `skipAllBlank`: a metric whose cells are all blank for a place gives no series.
   */
  series(metrics: readonly MetricId[] = this.options.metrics, opts: { skipAllBlank?: boolean } = {}): SourceSeries[] {
    const columns = metrics.map((m) => this.column(m));
    const out: SourceSeries[] = [];
    for (const e of this.entries.values()) {
      let start = Number.POSITIVE_INFINITY;
      let end = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < e.n; i++) {
        const d = e.days[i];
        if (d < start) start = d;
        if (d > end) end = d;
      }
      columns.forEach((k, j) => {
        const values = new Float64Array(end - start + 1).fill(Number.NaN);
        let blank = true;
        for (let i = 0; i < e.n; i++) {
          const v = e.values[i * this.width + k];
          values[e.days[i] - start] = v;
          if (!Number.isNaN(v)) blank = false;
        }
        if (!(opts.skipAllBlank && blank)) out.push({ fileId: this.options.fileId, line: e.line, place: e.place, metric: metrics[j], start, values });
      });
    }
    return out;
  }

  /** The duplicate_row warnings of the identical repeats, in the order they were added. */
  issues(): ValidationIssue[] {
    return this.repeats.map((r) => repeatIssue({ file: this.options.file, line: r.line, firstLine: r.firstLine, label: r.label, date: isoFromDay(r.day), location: r.location }));
  }

  /** A duplicate_row flag per identical repeat and metric (`metrics`: the series emitted, default all). */
  flags(metrics: readonly MetricId[] = this.options.metrics): SourceFlag[] {
    return this.repeats.flatMap((r) =>
      metrics.map((metric) => ({ fileId: this.options.fileId, line: r.line, place: r.place, metric, date: isoFromDay(r.day), code: 'duplicate_row' as const, detail: duplicateRowDetail(r.line, r.firstLine) })),
    );
  }

  /** Number of places. */
  get size(): number {
    return this.entries.size;
  }

  private column(metric: MetricId): number {
    const k = this.options.metrics.indexOf(metric);
    if (k < 0) throw new Error(`LongPivot: no metric ${metric} (has ${this.options.metrics.join(', ')})`);
    return k;
  }

  private identical(e: Entry, i: number, earlier: number[], row: LongRow): boolean {
    const sig = e.signatures?.[i];
    return sig !== undefined || row.signature !== undefined ? sig === row.signature : sameValues(earlier, row.values);
  }

  private entry(place: PlaceRef, line: number, rank: number): Entry {
    return {
      place, line, rank, n: 0,
      days: new Int32Array(FIRST_ROOM),
      lines: new Int32Array(FIRST_ROOM),
      values: new Float64Array(FIRST_ROOM * this.width),
      ranks: this.options.policy === 'snapshots' ? new Float64Array(FIRST_ROOM) : null,
      signatures: null,
      byDay: null,
    };
  }

  private append(e: Entry, row: LongRow, rank: number): void {
    const i = e.n;
    if (i === e.days.length) grow(e, this.width);
    if (!e.byDay && i > 0 && row.day < e.days[i - 1]) e.byDay = new Map(Array.from(e.days.subarray(0, i), (d, j) => [d, j]));
    e.byDay?.set(row.day, i);
    e.days[i] = row.day;
    e.n = i + 1;
    this.replace(e, i, row, rank);
  }

  private replace(e: Entry, i: number, row: LongRow, rank: number): void {
    e.lines[i] = row.line;
    if (e.ranks) e.ranks[i] = rank;
    if (row.signature !== undefined && !e.signatures) e.signatures = [];
    if (e.signatures) e.signatures[i] = row.signature;
    for (let k = 0; k < this.width; k++) e.values[i * this.width + k] = row.values[k];
  }

  private conflict(firstLine: number, earlier: number[], row: LongRow): Error {
    const names = this.options.conflictColumns;
    const detail = names ? names.map((n, k) => `${n} ${row.values[k]} vs ${earlier[k]}`).join(', ') : undefined;
    return conflictError({ file: this.options.file, line: row.line, firstLine, label: row.label, date: isoFromDay(row.day), detail });
  }
}

/** The row of `day` in a place, or -1. */
function rowOfDay(e: Entry, day: number): number {
  if (e.byDay) return e.byDay.get(day) ?? -1;
  // Days ascend: a new day is past the last; an earlier one is found by binary search.
  let lo = 0;
  let hi = e.n - 1;
  if (hi < 0 || day > e.days[hi]) return -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = e.days[mid];
    if (d === day) return mid;
    if (d < day) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Twice the room for a place's rows. */
function grow(e: Entry, width: number): void {
  const room = e.days.length * 2;
  e.days = withRoom(e.days, room);
  e.lines = withRoom(e.lines, room);
  e.values = withRoom(e.values, room * width);
  if (e.ranks) e.ranks = withRoom(e.ranks, room);
}

/** Points of one place and metric (day, value) → a dense series from the first to the last day, NaN between. */
export function denseSeries(points: Iterable<readonly [day: number, value: number]>): { start: number; values: Float64Array } {
  const list = [...points];
  if (list.length === 0) throw new Error('denseSeries: no points');
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const [d] of list) {
    if (d < start) start = d;
    if (d > end) end = d;
  }
  const values = new Float64Array(end - start + 1).fill(Number.NaN);
  for (const [d, v] of list) values[d - start] = v;
  return { start, values };
}
