import { describe, expect, it } from 'vitest';
import { diffSeries, mergeVersions, viewAt, type IssueValues } from './diff.js';
import type { SeriesVersions } from '../store/versions.js';

const EMPTY: SeriesVersions = { dates: new Int32Array(0), issues: new Int32Array(0), values: new Float64Array(0) };

/** Applies issues in order, as the run store does, and returns the versions. */
function apply(issues: IssueValues[]): SeriesVersions {
  return issues.reduce((prior, next) => mergeVersions(prior, next, diffSeries(prior, next).inserts), EMPTY);
}
const at = (v: SeriesVersions, issue: number) => Array.from(viewAt(v, issue).values);

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
    const d = diffSeries(EMPTY, { issue: 100, start: 10, values: Float64Array.of(Number.NaN, 2), blanks: 'data' });
    expect(d).toMatchObject({ valuesNew: 2, valuesChanged: 0 });
  });
});

describe('mergeVersions', () => {
  const day = (v: SeriesVersions) => Array.from(v.dates);
  const merge = (prior: SeriesVersions, next: IssueValues) => mergeVersions(prior, next, diffSeries(prior, next).inserts);

  it('appends day after day as a many-vintage run does, each result equal to a merge from scratch', () => {
    let v = EMPTY;
    const vintages: IssueValues[] = [];
    for (let k = 0; k < 40; k++) {
      vintages.push({ issue: 200 + k, start: 10 + k, values: Float64Array.of(k, k + 1) });
      v = merge(v, vintages[k]);
      // Rebuilt from the vintages alone, without any buffer carried over.
      const fresh = vintages.reduce((p, n) => mergeVersions({ dates: p.dates.slice(), issues: p.issues.slice(), values: p.values.slice() }, n, diffSeries(p, n).inserts), EMPTY);
      expect([day(v), Array.from(v.issues), Array.from(v.values)]).toEqual([day(fresh), Array.from(fresh.issues), Array.from(fresh.values)]);
    }
    expect(at(v, 239)).toHaveLength(41);
  });

  it('leaves an older result as it was when a newer one grew from it, and merging that older one again does not disturb the newer', () => {
    const base = merge(EMPTY, { issue: 100, start: 10, values: Float64Array.of(1, 2) });
    const a = merge(base, { issue: 101, start: 12, values: Float64Array.of(3) });
    const b = merge(base, { issue: 101, start: 12, values: Float64Array.of(9, 10) });
    expect([day(base), Array.from(base.values)]).toEqual([[10, 11], [1, 2]]);
    expect([day(a), Array.from(a.values)]).toEqual([[10, 11, 12], [1, 2, 3]]);
    expect([day(b), Array.from(b.values)]).toEqual([[10, 11, 12, 13], [1, 2, 9, 10]]);
  });
});
