import type { SeriesVersions } from '../store/versions.js';

/**
 * Version bookkeeping for one series (pure): which of a new issue's values must be stored,
 * and what the newest view of the series looks like afterwards. A value is stored when no
 * earlier issue published one for that date (new) or when the value in force at this issue
 * differs (changed); re-reading identical values stores nothing.
 */
export interface IssueValues {
  issue: number;
  start: number;
  values: Float64Array;
}

export interface SeriesDiff {
  /** Indices into the new values that must be stored. */
  inserts: Int32Array;
  /** Days whose row at this same issue is replaced (deleted before the inserts). */
  replacedDays: number[];
  valuesNew: number;
  valuesChanged: number;
  /** Newest known view after this issue is stored: value and issue per day from `start`. */
  latest: { start: number; values: Float64Array; issues: Int32Array };
}

export function diffSeries(prior: SeriesVersions | undefined, next: IssueValues): SeriesDiff {
  const n = next.values.length;
  const inserts: number[] = [];
  const replacedDays: number[] = [];
  let valuesNew = 0;
  let valuesChanged = 0;

  const pDates = prior?.dates ?? new Int32Array(0);
  const pIssues = prior?.issues ?? new Int32Array(0);
  const pValues = prior?.values ?? new Float64Array(0);
  const first = Math.min(next.start, pDates.length ? pDates[0] : next.start);
  const last = Math.max(next.start + n - 1, pDates.length ? pDates[pDates.length - 1] : next.start + n - 1);
  const latestValues = new Float64Array(last - first + 1).fill(Number.NaN);
  const latestIssues = new Int32Array(last - first + 1).fill(-1);

  // Newest prior version of each date (any issue), then the new issue on top where it wins.
  for (let k = 0; k < pDates.length; k++) {
    const j = pDates[k] - first;
    if (pIssues[k] >= latestIssues[j]) {
      latestIssues[j] = pIssues[k];
      latestValues[j] = pValues[k];
    }
  }

  let k = 0;
  for (let i = 0; i < n; i++) {
    const day = next.start + i;
    const v = next.values[i];
    while (k < pDates.length && pDates[k] < day) k++;
    // Among the versions of this day, the one in force at the new issue.
    let inForce = -1;
    let m = k;
    for (; m < pDates.length && pDates[m] === day; m++) if (pIssues[m] <= next.issue) inForce = m;
    k = m;
    if (inForce < 0) {
      valuesNew++;
      inserts.push(i);
    } else if (!sameValue(pValues[inForce], v)) {
      valuesChanged++;
      if (pIssues[inForce] === next.issue) replacedDays.push(day);
      inserts.push(i);
    }
    const j = day - first;
    if (next.issue >= latestIssues[j]) {
      latestIssues[j] = next.issue;
      latestValues[j] = v;
    }
  }
  return { inserts: Int32Array.from(inserts), replacedDays, valuesNew, valuesChanged, latest: { start: first, values: latestValues, issues: latestIssues } };
}

export function sameValue(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
