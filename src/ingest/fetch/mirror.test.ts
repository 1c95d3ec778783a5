import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceFileSpec } from '../../domain/source.js';
import { FetchError } from './errors.js';
import { listMirrorCandidates, readMirrorFile } from './mirror.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const SHARED = process.env.GLACIER_SHARED_DATA ?? path.resolve(repoRoot, '../shared/data');

const spec = (mirror: SourceFileSpec['mirror'], id = 'f'): SourceFileSpec => ({ id, url: `https://example.org/${id}.csv`, mirror });

async function rejection(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    return e as FetchError;
  }
  throw new Error('expected a rejection');
}

describe.skipIf(!existsSync(SHARED))('listMirrorCandidates on the shared data folder', () => {
  it('lists the 9 confirmed vintages then the final file', async () => {
    const c = await listMirrorCandidates(
      SHARED,
      spec(
        ['jhu/time_series/time_series_covid19_confirmed_global.csv', 'jhu/vintages/confirmed_global_asof_{date}.csv'],
        'confirmed',
      ),
    );
    expect(c.map((x) => x.issue)).toEqual([
      '2020-03-23',
      '2020-04-01',
      '2020-06-30',
      '2020-12-31',
      '2021-05-31',
      '2021-06-30',
      '2021-12-31',
      '2022-06-30',
      '2022-12-31',
      null,
    ]);
    expect(c.every((x) => x.path.endsWith('.gz') && path.isAbsolute(x.path))).toBe(true);
    expect(c[0].relative).toBe('jhu/vintages/confirmed_global_asof_2020-03-23.csv.gz');
    expect(c[9].relative).toBe('jhu/time_series/time_series_covid19_confirmed_global.csv.gz');
    expect(c[9].path).toBe(path.join(SHARED, 'jhu/time_series/time_series_covid19_confirmed_global.csv.gz'));
  });

  it('lists only the deaths_US vintages (no final file, no confirmed_US)', async () => {
    const c = await listMirrorCandidates(
      SHARED,
      spec([
        'jhu/time_series_us/time_series_covid19_deaths_US.csv',
        'jhu/time_series_us/time_series_covid19_deaths_US_asof_{date}.csv',
      ]),
    );
    expect(c.map((x) => [x.issue, path.basename(x.path)])).toEqual([
      ['2020-12-31', 'time_series_covid19_deaths_US_asof_2020-12-31.csv.gz'],
      ['2021-04-22', 'time_series_covid19_deaths_US_asof_2021-04-22.csv.gz'],
    ]);
  });

  it('reads dates written MM-DD-YYYY, in a folder name, and orders copies of one day by {time}', async () => {
    const daily = await listMirrorCandidates(SHARED, spec(['jhu/daily_reports/{date:MM-DD-YYYY}.csv']));
    expect(daily).toHaveLength(114);
    expect(daily[0]).toMatchObject({ relative: 'jhu/daily_reports/01-22-2020.csv', issue: '2020-01-22' });
    expect(daily.at(-1)).toMatchObject({ relative: 'jhu/daily_reports/05-30-2021.csv', issue: '2021-05-30' });
    const nyt = await listMirrorCandidates(SHARED, spec(['nyt/asof_{date}/us-states.csv']));
    expect(nyt.map((c) => [c.relative, c.issue])).toEqual([['nyt/asof_2020-04-20/us-states.csv', '2020-04-20'], ['nyt/asof_2021-04-19/us-states.csv', '2021-04-19']]);
    const archived = await listMirrorCandidates(SHARED, spec(['jhu/archived/archived_daily_case_updates/{date:MM-DD-YYYY}_{time}.csv']));
    expect(archived.map((c) => c.issue)).toEqual(['2020-01-21', '2020-01-22', '2020-01-26', '2020-02-14']);
  });

  it('takes the issue of a copy whose name does not spell it from the pattern', async () => {
    const c = await listMirrorCandidates(SHARED, spec([{ path: 'cdc/United_States_COVID-19_Cases_and_Deaths_by_State_over_Time_asof_2021-12.csv', issue: '2021-12-29' }]));
    expect(c).toEqual([expect.objectContaining({ relative: 'cdc/United_States_COVID-19_Cases_and_Deaths_by_State_over_Time_asof_2021-12.csv.gz', issue: '2021-12-29' })]);
  });

  it('reads a candidate as raw (still gzip) bytes', async () => {
    const [first] = await listMirrorCandidates(SHARED, spec(['jhu/vintages/deaths_global_asof_{date}.csv']));
    const { raw } = await readMirrorFile(first);
    expect(first.issue).toBe('2020-12-31');
    expect([raw[0], raw[1]]).toEqual([0x1f, 0x8b]);
  });
});

describe('listMirrorCandidates on a temp folder', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'glacier-mirror-'));
    await mkdir(path.join(root, 'src/v'), { recursive: true });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const touch = (rel: string, text = 'x') => writeFile(path.join(root, rel), text);

  it('prefers the uncompressed file when both it and its .gz twin exist', async () => {
    await touch('src/final.csv');
    await touch('src/final.csv.gz');
    await touch('src/v/a_asof_2021-01-01.csv');
    await touch('src/v/a_asof_2021-01-01.csv.gz');
    await touch('src/v/a_asof_2020-06-01.csv.gz');
    const c = await listMirrorCandidates(root, spec(['src/final.csv', 'src/v/a_asof_{date}.csv']));
    expect(c.map((x) => x.relative)).toEqual(['src/v/a_asof_2020-06-01.csv.gz', 'src/v/a_asof_2021-01-01.csv', 'src/final.csv']);
  });

  it('ignores names whose {date} is not a real calendar date or that do not fit', async () => {
    await touch('src/v/a_asof_2020-13-45.csv');
    await touch('src/v/a_asof_2021-02-29.csv');
    await touch('src/v/a_asof_2020-02-29.csv');
    await touch('src/v/a_asof_20200301.csv');
    await touch('src/v/a_asof_2020-03-01.csv.bak');
    await touch('src/v/xa_asof_2020-03-02.csv');
    await touch('src/v/a_asof_2020-03-03.tsv');
    await mkdir(path.join(root, 'src/v/a_asof_2020-03-04.csv'));
    const c = await listMirrorCandidates(root, spec(['src/v/a_asof_{date}.csv']));
    expect(c.map((x) => x.issue)).toEqual(['2020-02-29']);
  });

  it('handles {date} at the start of a name (datahub style) and keeps null candidates in pattern order', async () => {
    await touch('src/2020-05-01_countries.csv');
    await touch('src/2020-03-20_countries.csv.gz');
    await touch('src/b.csv.gz');
    await touch('src/a.csv');
    const c = await listMirrorCandidates(root, spec(['src/b.csv', 'src/{date}_countries.csv', 'src/a.csv']));
    expect(c.map((x) => [x.issue, x.relative])).toEqual([
      ['2020-03-20', 'src/2020-03-20_countries.csv.gz'],
      ['2020-05-01', 'src/2020-05-01_countries.csv'],
      [null, 'src/b.csv.gz'],
      [null, 'src/a.csv'],
    ]);
  });

  it('matches a formatted date in a folder and several copies a day, ignoring impossible dates', async () => {
    for (const rel of ['a/asof_2020-01-31/x.csv', 'a/asof_2020-02-30/x.csv', 'a/asof_2020-02-01/x.csv.gz', 'b/01-31-2020_0900.csv', 'b/01-31-2020_2100.csv', 'b/13-01-2020_1000.csv']) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await touch(rel);
    }
    expect((await listMirrorCandidates(root, spec(['a/asof_{date}/x.csv']))).map((c) => [c.relative, c.issue])).toEqual([
      ['a/asof_2020-01-31/x.csv', '2020-01-31'],
      ['a/asof_2020-02-01/x.csv.gz', '2020-02-01'],
    ]);
    expect((await listMirrorCandidates(root, spec(['b/{date:MM-DD-YYYY}_{time}.csv']))).map((c) => c.relative)).toEqual(['b/01-31-2020_0900.csv', 'b/01-31-2020_2100.csv']);
  });

  it('NOT_IN_MIRROR naming the patterns and the root when nothing matches', async () => {
    const err = await rejection(listMirrorCandidates(root, spec(['src/none.csv', 'src/nope/x_{date}.csv'], 'deaths')));
    expect(err.code).toBe('NOT_IN_MIRROR');
    expect(err.message).toContain(root);
    expect(err.message).toContain('src/none.csv');
    expect(err.message).toContain('src/nope/x_{date}.csv');
    expect(err.message).toContain('"deaths"');
  });

  it('NOT_IN_MIRROR naming the root and the setting when the root is missing or a file', async () => {
    const missing = path.join(root, 'does-not-exist');
    const err = await rejection(listMirrorCandidates(missing, spec(['a.csv'])));
    expect(err.code).toBe('NOT_IN_MIRROR');
    expect(err.message).toContain(missing);
    expect(err.message).toContain('GLACIER_MIRROR');
    expect(err.message).toContain('--mirror');
    await touch('file.txt');
    const err2 = await rejection(listMirrorCandidates(path.join(root, 'file.txt'), spec(['a.csv'])));
    expect(err2.code).toBe('NOT_IN_MIRROR');
  });

  it('readMirrorFile turns read errors into MIRROR_UNREADABLE naming the path', async () => {
    const p = path.join(root, 'src/gone.csv');
    const err = await rejection(readMirrorFile({ path: p, relative: 'src/gone.csv', issue: null }));
    expect(err.code).toBe('MIRROR_UNREADABLE');
    expect(err.message).toContain(p);
  });
});
