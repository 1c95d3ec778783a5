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

/**
 * Every version of one series, sorted by (date, issue), in buffers with room to grow: elements
 * [0, n) are in use; the three buffers always have the same length. A run keeps one per series and grows it in place at every vintage (one
 * typed-array view per append, kept until the next vintage, was most of a 114-vintage run's
 * promoted garbage).
 */
export interface VersionLog {
  n: number;
  dates: Int32Array;
  issues: Int32Array;
  values: Float64Array;
}

/** A log over stored versions (their arrays are taken, not copied). */
export function versionLog(stored?: SeriesVersions): VersionLog {
  if (!stored) return { n: 0, dates: new Int32Array(0), issues: new Int32Array(0), values: new Float64Array(0) };
  return { n: stored.dates.length, dates: stored.dates, issues: stored.issues, values: stored.values };
}

export function diffSeries(prior: VersionLog, next: IssueValues): SeriesDiff {
  const inserts: number[] = [];
  const replacedDays: number[] = [];
  let valuesNew = 0;
  let valuesChanged = 0;
  const { n, dates: pDates, issues: pIssues, values: pValues } = prior;
  let k = 0;
  for (let i = 0; i < next.values.length; i++) {
    const day = next.start + i;
    const v = next.values[i];
    const blank = Number.isNaN(v);
    if (blank && (next.blanks ?? 'ignored') === 'ignored') continue;
    while (k < n && pDates[k] < day) k++;
    // Among the versions of this day, the one in force at the new issue.
    let inForce = -1;
    let m = k;
    for (; m < n && pDates[m] === day; m++) if (pIssues[m] <= next.issue) inForce = m;
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

/** Merges the new issue's stored values into the log, in place (same-issue versions replaced). */
export function mergeVersions(log: VersionLog, next: IssueValues, inserts: Int32Array): void {
  if (inserts.length === 0) return;
  const n = log.n;
  // A many-vintage run appends a day or a few after the last: written at the end, no copy.
  if ((n === 0 || next.start + inserts[0] > log.dates[n - 1]) && n + inserts.length <= log.dates.length) {
    for (let b = 0; b < inserts.length; b++) {
      log.dates[n + b] = next.start + inserts[b];
      log.issues[n + b] = next.issue;
      log.values[n + b] = next.values[inserts[b]];
    }
    log.n = n + inserts.length;
    return;
  }
  const { dates: pDates, issues: pIssues, values: pValues } = log;
  const total = n + inserts.length;
  // Room to grow, so that the next appends need no copy; none for a series' first copy (a
  // one-vintage load keeps its versions to the end of the run, and a many-vintage one grows anyway).
  const capacity = n === 0 ? total : total + (total >> 1) + 8;
  const dates = new Int32Array(capacity);
  const issues = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  let a = 0;
  let b = 0;
  let o = 0;
  while (a < n || b < inserts.length) {
    const bDay = b < inserts.length ? next.start + inserts[b] : Number.POSITIVE_INFINITY;
    const takePrior = a < n && (pDates[a] < bDay || (pDates[a] === bDay && pIssues[a] < next.issue));
    if (takePrior) {
      dates[o] = pDates[a];
      issues[o] = pIssues[a];
      values[o++] = pValues[a++];
      continue;
    }
    // The new version; a prior version of the same day and issue is dropped.
    if (a < n && pDates[a] === bDay && pIssues[a] === next.issue) a++;
    dates[o] = bDay;
    issues[o] = next.issue;
    values[o++] = next.values[inserts[b++]];
  }
  log.n = o;
  log.dates = dates;
  log.issues = issues;
  log.values = values;
}

/** The newest issue in the log (-1 when empty). */
export function newestIssue(log: VersionLog): number {
  let newest = -1;
  for (let k = 0; k < log.n; k++) if (log.issues[k] > newest) newest = log.issues[k];
  return newest;
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
export function viewAt(v: VersionLog, issue: number, scratch?: ViewScratch): { start: number; values: Float64Array; issues: Int32Array } {
  if (v.n === 0) return { start: 0, values: new Float64Array(0), issues: new Int32Array(0) };
  const start = v.dates[0];
  const n = v.dates[v.n - 1] - start + 1;
  if (scratch && scratch.values.length < n) {
    scratch.values = new Float64Array(n + (n >> 1));
    scratch.issues = new Int32Array(n + (n >> 1));
  }
  const values = scratch ? scratch.values.subarray(0, n).fill(Number.NaN) : new Float64Array(n).fill(Number.NaN);
  const issues = scratch ? scratch.issues.subarray(0, n).fill(-1) : new Int32Array(n).fill(-1);
  for (let k = 0; k < v.n; k++) {
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
