import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_TARGETS, openTestDb, type TestDb } from '../../test/databases.js';
import { migrate } from './migrate.js';
import { observationsTable, readVersions } from './versions.js';

/**
 * Migration 009 on a database that holds observations already (what an operator upgrading has):
 * every row moves into its source's partition, unchanged, and the partitions behave as the
 * ingest's own (keyed, attached, found again).
 */
describe.each(DB_TARGETS)('observations partitioned by source (%s)', (target) => {
  let t: TestDb;
  let before: URL;
  let rowsBefore: { series_id: number; date: string; issue: string; value: number | null; file_id: number; source_id: string }[];
  const MIGRATIONS = new URL('./migrations/', import.meta.url);

  beforeAll(async () => {
    // The migrations before 009, applied first.
    const dir = await mkdtemp(path.join(tmpdir(), 'glacier-migrations-'));
    for (const f of await readdir(MIGRATIONS)) if (f < '009') await cp(new URL(f, MIGRATIONS), path.join(dir, f));
    before = pathToFileURL(`${dir}/`);
    t = await openTestDb(target, before);
    await t.db.exec(`
      INSERT INTO sources (id, manifest) VALUES ('jhu-us', '{}'), ('who', '{}'), ('owid', '{}');
      INSERT INTO locations (key, level, name, search) VALUES ('US', 'country', 'United States', 'us'), ('DE', 'country', 'Germany', 'de');
      INSERT INTO series (source_id, location_key, metric, derived) VALUES
        ('jhu-us', 'US', 'confirmed', false), ('jhu-us', 'US', 'deaths', false), ('who', 'DE', 'confirmed', false), ('owid', 'DE', 'confirmed', false);
      -- Two sources' values (a NULL and a revision among them); owid's series has none.
      INSERT INTO observations (series_id, date, issue, value, file_id)
      SELECT s.id, DATE '2020-03-01' + d, DATE '2020-06-01', CASE WHEN d = 3 THEN NULL ELSE s.id * 100 + d END, 7
      FROM series s, generate_series(0, 9) d WHERE s.source_id <> 'owid';
      INSERT INTO observations (series_id, date, issue, value, file_id)
      SELECT id, DATE '2020-03-02', DATE '2020-07-01', 42.5, 8 FROM series WHERE source_id = 'who';
    `);
    rowsBefore = await t.db.query(
      `SELECT o.series_id, o.date, o.issue, o.value, o.file_id, s.source_id FROM observations o JOIN series s ON s.id = o.series_id ORDER BY 1, 2, 3`,
    );
    await rm(dir, { recursive: true });
    expect((await migrate(t.db)).applied).toEqual(['009_observations_by_source.sql']);
  }, 120_000);
  afterAll(async () => t?.drop());

  it('moves every row into its source partition unchanged', async () => {
    expect(rowsBefore.length).toBe(3 * 10 + 1);
    const after = await t.db.query('SELECT series_id, date, issue, value, file_id, source_id FROM observations ORDER BY 1, 2, 3');
    expect(after).toEqual(rowsBefore);
    const parts = await t.db.query<{ name: string; n: number }>(
      `SELECT c.relname AS name, (SELECT count(*) FROM observations o WHERE o.tableoid = c.oid)::int AS n
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'observations'::regclass ORDER BY 1`,
    );
    // No partition for a source without values.
    expect(parts).toEqual([{ name: 'observations_jhu_us', n: 20 }, { name: 'observations_who', n: 11 }]);
    const [{ id }] = await t.db.query<{ id: number }>(`SELECT id FROM series WHERE source_id = 'who'`);
    // The ingest's own read of a series' versions, through the parent table: the revision included.
    const v = (await readVersions(t.db, 'who', [id])).get(id)!;
    expect(v.values.length).toBe(11);
    expect([...v.values].filter((x) => x === 42.5)).toEqual([42.5]);
    expect((await readVersions(t.db, 'jhu-us', [id])).size).toBe(0);
  });

  it('keys each partition: a second row for a stored (series, date, issue) is refused', async () => {
    await expect(
      t.db.exec(`INSERT INTO observations (series_id, date, issue, value, file_id, source_id)
        SELECT series_id, date, issue, 1, 9, source_id FROM observations WHERE source_id = 'who' LIMIT 1`),
    ).rejects.toThrow(/duplicate key/);
    // A row of a source with no partition has nowhere to go.
    await expect(t.db.exec(`INSERT INTO observations VALUES (1, DATE '2020-01-01', DATE '2020-01-02', 9, 1, 'owid')`)).rejects.toThrow(/no partition/);
  });

  it('finds the moved partitions as an ingest does, and names new ones only for well-formed source ids', async () => {
    expect(await t.db.transaction((tx) => observationsTable(tx, 'jhu-us'))).toEqual({ sourceId: 'jhu-us', name: 'observations_jhu_us', fresh: false });
    await expect(t.db.query(`SELECT observations_partition('Bad_Source')`)).rejects.toThrow(/cannot name a partition/);
  });
});
