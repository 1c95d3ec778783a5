import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_TARGETS, openTestDb, type TestDb } from '../../test/databases.js';
import { refreshSeriesRanks } from './series.js';

type Rank = { location_key: string; metric: string; rank: number; series_id: number };
const RANKS = 'SELECT location_key, metric, rank, series_id FROM series_rank ORDER BY location_key, metric, rank';

describe.each(DB_TARGETS)('series ranks refreshed for one source (%s)', (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(target);
    const db = t.db;
    await db.exec(`
      INSERT INTO sources (id, manifest) VALUES ('jhu-global', '{}'), ('who', '{}'), ('owid', '{}');
      INSERT INTO locations (key, level, name, search) VALUES ('DE', 'country', 'Germany', 'germany'), ('FR', 'country', 'France', 'france'), ('IT', 'country', 'Italy', 'italy');
      INSERT INTO series (source_id, location_key, metric, derived) VALUES
        ('jhu-global', 'DE', 'confirmed', false), ('who', 'DE', 'confirmed', false), ('owid', 'DE', 'confirmed', false),
        ('who', 'FR', 'confirmed', false), ('owid', 'FR', 'confirmed', false),
        ('jhu-global', 'IT', 'deaths', false), ('owid', 'IT', 'deaths', false);
      INSERT INTO series_summary (series_id, first_date, last_date, latest_date, latest_value, latest_issue, value_count, anomaly_count)
        SELECT id, DATE '2020-03-01', DATE '2020-03-02', DATE '2020-03-02', 1, DATE '2020-03-03', 2, 0 FROM series;
    `);
  });
  afterAll(async () => t?.drop());

  it('rewrites the groups the source has series in, as a full refresh would, and leaves the others', async () => {
    await refreshSeriesRanks(t.db);
    const full = await t.db.query<Rank>(RANKS);
    expect(new Set(full.map((r) => `${r.location_key}|${r.metric}`))).toEqual(new Set(['DE|confirmed', 'FR|confirmed', 'IT|deaths']));

    // Stale marks: a scoped refresh for jhu-global must replace DE and IT and keep FR as it is.
    await t.db.exec(`UPDATE series_rank SET rank = rank + 100`);
    await refreshSeriesRanks(t.db, 'jhu-global');
    const after = await t.db.query<Rank>(RANKS);
    const fr = (rows: Rank[]) => rows.filter((r) => r.location_key === 'FR');
    const notFr = (rows: Rank[]) => rows.filter((r) => r.location_key !== 'FR');
    expect(notFr(after)).toEqual(notFr(full));
    expect(fr(after)).toEqual(fr(full).map((r) => ({ ...r, rank: r.rank + 100 })));
  });
});
