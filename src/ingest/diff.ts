import type { SeriesVersions } from '../store/versions.js';

/**
 * Version bookkeeping for one series (pure). A value is stored when no earlier issue published
 * one for its date (new) or when it differs from the value in force at its issue (changed);
 * re-reading identical values stores nothing.
 */
export interface IssueValues {
  issue: number;
  start: number;
  values: Float64Array;
  /**
   * What a NaN means. `ignored` (default): a source's blank cell or absent row says nothing about
   * the date; it is not stored and never erases an earlier vintage's value. `data`: a derived
   * total's NaN records that a part was missing, and is stored like a value. `erase`: the copy is
   * the source's whole series (complete vintages), so a NaN withdraws a value in force and is
   * stored only then.
   */
  blanks?: 'ignored' | 'data' | 'erase';
}

export interface SeriesDiff {
  /** Indices into the new values that must be stored. */
  inserts: Int32Array;
  /** Days whose version at this same issue is replaced. */
  replacedDays: number[];
  valuesNew: number;
  valuesChanged: number;
}

export function diffSeries(prior: SeriesVersions | undefined, next: IssueValues): SeriesDiff {
  const inserts: number[] = [];
  const replacedDays: number[] = [];
  let valuesNew = 0;
  let valuesChanged = 0;
  const pDates = prior?.dates ?? new Int32Array(0);
  const pIssues = prior?.issues ?? new Int32Array(0);
  const pValues = prior?.values ?? new Float64Array(0);
  let k = 0;
  for (let i = 0; i < next.values.length; i++) {
    const day = next.start + i;
    const v = next.values[i];
    const blank = Number.isNaN(v);
    if (blank && (next.blanks ?? 'ignored') === 'ignored') continue;
    while (k < pDates.length && pDates[k] < day) k++;
    // Among the versions of this day, the one in force at the new issue.
    let inForce = -1;
    let m = k;
    for (; m < pDates.length && pDates[m] === day; m++) if (pIssues[m] <= next.issue) inForce = m;
    k = m;
    if (inForce < 0) {
      if (blank && next.blanks === 'erase') continue;
      valuesNew++;
      inserts.push(i);
    } else if (!sameValue(pValues[inForce], v)) {
      valuesChanged++;
      if (pIssues[inForce] === next.issue) replacedDays.push(day);
      inserts.push(i);
    }
  }
  return { inserts: Int32Array.from(inserts), replacedDays, valuesNew, valuesChanged };
}

/**
 * The versions with the new issue's stored values merged in (same-issue versions replaced).
 * The result may share memory with `prior`: take it in place of `prior`, whose own elements stay
 * as they were.
 */
export function mergeVersions(prior: SeriesVersions | undefined, next: IssueValues, inserts: Int32Array): SeriesVersions {
  if (inserts.length === 0 && prior) return prior;
  if (prior && appendsOnly(prior, next, inserts)) {
    const appended = appendInPlace(prior, next, inserts);
    if (appended) return appended;
  }
  const pDates = prior?.dates ?? new Int32Array(0);
  const pIssues = prior?.issues ?? new Int32Array(0);
  const pValues = prior?.values ?? new Float64Array(0);
  const n = pDates.length + inserts.length;
  // Room to grow: a run of many vintages appends a day or a few to each series at every vintage,
  // and copying the whole series each time was most of a 114-vintage run's allocations.
  const capacity = n + (n >> 1) + 8;
  const dates = new Int32Array(capacity);
  const issues = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  let a = 0;
  let b = 0;
  let o = 0;
  while (a < pDates.length || b < inserts.length) {
    const bDay = b < inserts.length ? next.start + inserts[b] : Number.POSITIVE_INFINITY;
    const takePrior = a < pDates.length && (pDates[a] < bDay || (pDates[a] === bDay && pIssues[a] < next.issue));
    if (takePrior) {
      dates[o] = pDates[a];
      issues[o] = pIssues[a];
      values[o++] = pValues[a++];
      continue;
    }
    // The new version; a prior version of the same day and issue is dropped.
    if (a < pDates.length && pDates[a] === bDay && pIssues[a] === next.issue) a++;
    dates[o] = bDay;
    issues[o] = next.issue;
    values[o++] = next.values[inserts[b++]];
  }
  used.set(dates.buffer, o);
  return { dates: dates.subarray(0, o), issues: issues.subarray(0, o), values: values.subarray(0, o) };
}

/**
 * Elements in use of each buffer mergeVersions allocated: versions are appended in place only
 * at the end of the newest versions made from that buffer, so an older `prior` passed again
 * gets a copy and never sees (or overwrites) what was appended after it.
 */
const used = new WeakMap<ArrayBufferLike, number>();

/** Every new value is on a day after the prior versions' last. */
function appendsOnly(prior: SeriesVersions, next: IssueValues, inserts: Int32Array): boolean {
  return prior.dates.length > 0 && next.start + inserts[0] > prior.dates[prior.dates.length - 1];
}

function appendInPlace(prior: SeriesVersions, next: IssueValues, inserts: Int32Array): SeriesVersions | null {
  const { dates, issues, values } = prior;
  const n = dates.length;
  if (dates.byteOffset !== 0 || issues.byteOffset !== 0 || values.byteOffset !== 0) return null;
  // The three buffers were allocated together; the dates buffer keeps the count for all.
  if (used.get(dates.buffer) !== n) return null;
  const room = Math.min(dates.buffer.byteLength / 4, issues.buffer.byteLength / 4, values.buffer.byteLength / 8);
  if (n + inserts.length > room) return null;
  const o = n + inserts.length;
  const d = new Int32Array(dates.buffer, 0, o);
  const is = new Int32Array(issues.buffer, 0, o);
  const v = new Float64Array(values.buffer, 0, o);
  for (let b = 0; b < inserts.length; b++) {
    d[n + b] = next.start + inserts[b];
    is[n + b] = next.issue;
    v[n + b] = next.values[inserts[b]];
  }
  used.set(dates.buffer, o);
  return { dates: d, issues: is, values: v };
}

/**
 * Buffers viewAt() may fill instead of allocating (the series is read at every vintage of a
 * run): its result is then only valid until the next call with the same scratch.
 */
export interface ViewScratch {
  values: Float64Array;
  issues: Int32Array;
}

export function viewScratch(): ViewScratch {
  return { values: new Float64Array(0), issues: new Int32Array(0) };
}

/** The series as known at `issue` (newest version ≤ issue per date); -1 issue where none. */
export function viewAt(v: SeriesVersions, issue: number, scratch?: ViewScratch): { start: number; values: Float64Array; issues: Int32Array } {
  if (v.dates.length === 0) return { start: 0, values: new Float64Array(0), issues: new Int32Array(0) };
  const start = v.dates[0];
  const n = v.dates[v.dates.length - 1] - start + 1;
  if (scratch && scratch.values.length < n) {
    scratch.values = new Float64Array(n + (n >> 1));
    scratch.issues = new Int32Array(n + (n >> 1));
  }
  const values = scratch ? scratch.values.subarray(0, n).fill(Number.NaN) : new Float64Array(n).fill(Number.NaN);
  const issues = scratch ? scratch.issues.subarray(0, n).fill(-1) : new Int32Array(n).fill(-1);
  for (let k = 0; k < v.dates.length; k++) {
    if (v.issues[k] > issue) continue;
    const j = v.dates[k] - start;
    // Versions of a day come by ascending issue: the last one ≤ issue wins.
    values[j] = v.values[k];
    issues[j] = v.issues[k];
  }
  // Trim days with no version at this issue at either end.
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi && issues[lo] < 0) lo++;
  while (hi >= lo && issues[hi] < 0) hi--;
  return { start: start + lo, values: values.subarray(lo, hi + 1), issues: issues.subarray(lo, hi + 1) };
}

export function sameValue(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
