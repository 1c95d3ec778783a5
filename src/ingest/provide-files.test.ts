import { describe, expect, it } from 'vitest';
import { jhuGlobal } from '../sources/jhu-global/index.js';
import { dataPath } from '../../test/shared-data.js';
import { chooseCandidates, defaultIssue, provideFiles } from './provide-files.js';

describe('issue (vintage) of fetched content', () => {
  it('is today for a live source, and the freeze date for an archived one fetched later', () => {
    const live = { ...jhuGlobal.manifest, frozenOn: undefined };
    expect(defaultIssue(live, new Date('2026-11-21T10:00:00Z'))).toBe('2026-11-21');
    expect(defaultIssue(jhuGlobal.manifest, new Date('2026-11-21T10:00:00Z'))).toBe('2023-03-10');
    expect(defaultIssue(jhuGlobal.manifest, new Date('2022-01-05T10:00:00Z'))).toBe('2022-01-05');
  });

  it('reads every vintage, the newest only, or the copies dated as asked', () => {
    const c = [
      { path: 'a', relative: 'a', issue: '2020-12-31' },
      { path: 'b', relative: 'b', issue: '2021-06-30' },
      { path: 'final', relative: 'final', issue: null },
    ];
    const paths = (l: typeof c) => l.map((x) => x.path);
    expect(paths(chooseCandidates(c, undefined, '2023-03-10', 'all'))).toEqual(['a', 'b', 'final']);
    expect(paths(chooseCandidates(c, undefined, '2023-03-10', 'newest'))).toEqual(['final']);
    expect(paths(chooseCandidates(c, '2020-12-31', '2023-03-10', 'all'))).toEqual(['a']);
    expect(paths(chooseCandidates(c, '2023-03-10', '2023-03-10', 'all'))).toEqual(['final']);
    expect(chooseCandidates(c, '2021-01-01', '2023-03-10', 'all')).toEqual([]);
  });

  it('reads the dated vintages of a mirror and reports the files without one', async () => {
    const got = await provideFiles(jhuGlobal.manifest, { kind: 'mirror', root: dataPath() }, { issue: '2021-12-31', now: new Date() });
    expect(got.files.map((f) => [f.fileId, f.issueDate])).toEqual([['confirmed', '2021-12-31'], ['deaths', '2021-12-31']]);
    expect(got.issues).toEqual([expect.objectContaining({ code: 'file_skipped', message: expect.stringContaining('recovered') })]);
  });
});
