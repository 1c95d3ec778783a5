import { describe, expect, it } from 'vitest';
import { diffSeries, mergeVersions, newestIssue, versionLog, viewAt, type IssueValues, type VersionLog } from './diff.js';

/** Applies issues in order to a fresh log, as the run store does, and returns it. */
function apply(issues: IssueValues[]): VersionLog {
  const log = versionLog();
  for (const next of issues) mergeVersions(log, next, diffSeries(log, next).inserts);
  return log;
}
const at = (v: VersionLog, issue: number) => Array.from(viewAt(v, issue).values);
/** The versions in use, as plain arrays. */
const inUse = (v: VersionLog) => [Array.from(v.dates.subarray(0, v.n)), Array.from(v.issues.subarray(0, v.n)), Array.from(v.values.subarray(0, v.n))];

describe('diffSeries', () => {
  const first: IssueValues = { issue: 100, start: 10, values: Float64Array.of(1, 2, 3) };

  it('stores new dates and changed values only; identical values store nothing', () => {
    const v = apply([first]);
    expect(diffSeries(v, { ...first, issue: 101 })).toMatchObject({ valuesNew: 0, valuesChanged: 0 });
    const d = diffSeries(v, { issue: 101, start: 11, values: Float64Array.of(2, 4, 5) });
    expect(d).toMatchObject({ valuesNew: 1, valuesChanged: 1 });
    expect(Array.from(d.inserts)).toEqual([1, 2]);
  });

  it('ignores blanks by default: a newer copy without a value keeps the older one in force', () => {
    const v = apply([first, { issue: 101, start: 10, values: Float64Array.of(1, Number.NaN, 3) }]);
    expect(at(v, 101)).toEqual([1, 2, 3]);
  });

  it('erases with blanks of a complete copy, but stores no blank where nothing was published', () => {
    const next: IssueValues = { issue: 101, start: 9, values: Float64Array.of(Number.NaN, 1, Number.NaN, 3), blanks: 'erase' };
    const d = diffSeries(apply([first]), next);
    expect(d).toMatchObject({ valuesNew: 0, valuesChanged: 1 });
    expect(Array.from(d.inserts)).toEqual([2]);
    const v = apply([first, next]);
    expect(at(v, 101)).toEqual([1, Number.NaN, 3]);
    expect(at(v, 100)).toEqual([1, 2, 3]);
  });

  it('stores the blanks of a derived total as data (a part was missing)', () => {
    const d = diffSeries(versionLog(), { issue: 100, start: 10, values: Float64Array.of(Number.NaN, 2), blanks: 'data' });
    expect(d).toMatchObject({ valuesNew: 2, valuesChanged: 0 });
  });
});

describe('mergeVersions', () => {
  const merge = (log: VersionLog, next: IssueValues) => mergeVersions(log, next, diffSeries(log, next).inserts);

  it('appends day after day in place as a many-vintage run does, each state equal to a merge from scratch', () => {
    const v = versionLog();
    const vintages: IssueValues[] = [];
    let copies = 0;
    for (let k = 0; k < 40; k++) {
      vintages.push({ issue: 200 + k, start: 10 + k, values: Float64Array.of(k, k + 1) });
      const buffer = v.dates;
      merge(v, vintages[k]);
      if (v.dates !== buffer) copies++;
      // Rebuilt from the vintages alone, each merge starting from exactly sized copies (no room to append).
      const fresh = vintages.reduce((p, n) => {
        const [d, i, x] = inUse(p);
        const q: VersionLog = { n: p.n, dates: Int32Array.from(d), issues: Int32Array.from(i), values: Float64Array.from(x) };
        merge(q, n);
        return q;
      }, versionLog());
      expect(inUse(v)).toEqual(inUse(fresh));
    }
    expect(at(v, 239)).toHaveLength(41);
    expect(newestIssue(v)).toBe(239);
    // Room to grow: 40 vintages need a handful of new buffers, not one each.
    expect(copies).toBeLessThan(12);
  });

  it('replaces a version of the same day and issue, and inserts an older day in order', () => {
    const v = apply([
      { issue: 100, start: 10, values: Float64Array.of(1, 2) },
      { issue: 101, start: 12, values: Float64Array.of(3) },
    ]);
    merge(v, { issue: 101, start: 12, values: Float64Array.of(4) });
    merge(v, { issue: 102, start: 9, values: Float64Array.of(0) });
    expect(inUse(v)).toEqual([[9, 10, 11, 12], [102, 100, 100, 101], [0, 1, 2, 4]]);
    expect(newestIssue(versionLog())).toBe(-1);
  });
});
