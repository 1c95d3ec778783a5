import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DB_TARGETS, openTestDb, type TestDb } from '../../test/databases.js';
import { dayNumber } from '../domain/dates.js';
import { readVersions } from '../store/versions.js';
import { RUN_STORE_LIMITS, RunStore, type IssueSeries } from './store-series.js';

/**
 * One run that writes a (series, issue) twice, as two files of one vintage do when the later
 * revises the earlier: the store keeps one row per day at that issue, the later file's value
 * winning, whether the first write is still held or already written (a flush between the two).
 */
describe.each(DB_TARGETS)('a run revising its own vintage (%s)', (target) => {
  let t: TestDb;
  const saved = { ...RUN_STORE_LIMITS };
  beforeAll(async () => {
    t = await openTestDb(target);
    await t.db.exec(`INSERT INTO sources (id, manifest) VALUES ('probe', '{}'); INSERT INTO locations (key, level, name, search) VALUES ('XX', 'country', 'Probe', 'probe')`);
  });
  afterEach(async () => {
    Object.assign(RUN_STORE_LIMITS, saved);
    await t.db.exec('DELETE FROM series_annotations; DELETE FROM series_summary; DELETE FROM series_rank; DELETE FROM observations; DELETE FROM series');
  });
  afterAll(async () => t?.drop());

  const start = dayNumber('2020-03-01');
  const issue = '2020-03-10';
  const copy = (fileId: string, values: number[]): IssueSeries => ({ key: 'XX', metric: 'confirmed', derived: false, fileId, start, values: Float64Array.from(values) });

  it.each([
    ['held until the end', saved.flushAtValues],
    ['written between the two files', 0],
  ])('stores the later file over the earlier one, one row per day (%s)', async (_, flushAtValues) => {
    Object.assign(RUN_STORE_LIMITS, { flushAtValues, heldValuesMax: flushAtValues === 0 ? 0 : saved.heldValuesMax });
    const store = new RunStore(t.db, 'probe', () => ({}), (ref) => Number(ref) + 1, { readings: true });
    await store.apply(issue, [copy('0', [1, 2, 3, Number.NaN])]);
    // Between the two files of one vintage, as run-source does with every file.
    if (flushAtValues === 0) await store.endIssue();
    await store.apply(issue, [copy('1', [1, 5, Number.NaN, 7, 8])]);
    await store.endIssue();
    const counts = await store.finish();
    await store.commit(async () => {});
    expect(counts).toMatchObject({ valuesNew: 5, valuesChanged: 1 });
    const [{ id }] = await t.db.query<{ id: number }>(`SELECT id FROM series WHERE source_id = 'probe'`);
    const v = (await readVersions(t.db, 'probe', [id])).get(id)!;
    // Day 2 revised (2 → 5), day 3 kept from the first file (the second has no cell), days 4 and 5 added.
    expect([...v.dates].map((d) => d - start)).toEqual([0, 1, 2, 3, 4]);
    expect([...v.values]).toEqual([1, 5, 3, 7, 8]);
    expect(new Set(v.issues)).toEqual(new Set([dayNumber(issue)]));
    const files = await t.db.query<{ d: number; f: number }>(`SELECT date - DATE '2020-03-01' AS d, file_id AS f FROM observations ORDER BY date`);
    expect(files.map((r) => r.f)).toEqual([1, 2, 1, 2, 2]);
  });
});
