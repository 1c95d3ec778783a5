import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_TARGETS, openTestDb, type TestDb } from '../../test/databases.js';
import { attachObservations, keyObservations, ObservationRows, observationsTable, readVersions, writeObservations } from './versions.js';

/**
 * A source's first load goes into a partition its transaction made, with COPY's FREEZE: its rows
 * are written frozen and its pages all-visible, so no later vacuum has to freeze them again (on
 * PostgreSQL, a rewrite of every page, and its WAL shipped to the replicas), and reads skip the
 * per-row visibility check. A later run appends to the attached partition without it.
 */
describe.each(DB_TARGETS)('a first load is written frozen (%s)', (target) => {
  let t: TestDb;
  let seriesId: number;
  const DAYS = 20_000;
  const rowsOf = (issue: number) => {
    const rows = new ObservationRows();
    for (let d = 0; d < DAYS; d++) rows.push(seriesId, d, issue, d, 1);
    return rows;
  };
  const pages = async () => {
    await t.db.exec('ANALYZE observations_frozen_src');
    const [r] = await t.db.query<{ pages: number; visible: number }>(`SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE relname = 'observations_frozen_src'`);
    return r;
  };

  beforeAll(async () => {
    t = await openTestDb(target);
    await t.db.exec(`
      INSERT INTO sources (id, manifest) VALUES ('frozen-src', '{}');
      INSERT INTO locations (key, level, name, search) VALUES ('US', 'country', 'United States', 'us');`);
    [{ id: seriesId }] = await t.db.query<{ id: number }>(`INSERT INTO series (source_id, location_key, metric, derived) VALUES ('frozen-src', 'US', 'confirmed', false) RETURNING id`);
  }, 120_000);
  afterAll(async () => t?.drop());

  it('leaves every page of a fresh partition all-visible, and a later run appends to it', async () => {
    await t.db.transaction(async (tx) => {
      const table = await observationsTable(tx, 'frozen-src');
      expect(table.fresh).toBe(true);
      await writeObservations(tx, table, rowsOf(DAYS));
      await keyObservations(tx, table);
      await attachObservations(tx, table);
    });
    const first = await pages();
    expect(first.pages).toBeGreaterThan(10);
    // All of them on PostgreSQL 15; PGlite's PostgreSQL 18 leaves a few pages where one of COPY's
    // buffered inserts ended and the next went on (a whole ingest: 98 % all-visible).
    expect(first.visible / first.pages).toBeGreaterThan(0.8);

    // The attached partition is not this transaction's: a plain COPY (FREEZE would be refused).
    await t.db.transaction(async (tx) => {
      const table = await observationsTable(tx, 'frozen-src');
      expect(table.fresh).toBe(false);
      await writeObservations(tx, table, rowsOf(DAYS + 1));
    });
    const after = await pages();
    expect(after.pages).toBeGreaterThan(first.pages);
    expect(after.visible).toBeLessThanOrEqual(first.visible);
    expect((await readVersions(t.db, 'frozen-src', [seriesId])).get(seriesId)!.values.length).toBe(2 * DAYS);
  });
});
