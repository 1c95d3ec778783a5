import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../src/domain/series.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestHeapGrowthActive } from '../src/ingest/heap-growth.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { who } from '../src/sources/who/index.js';
import { DB_TARGETS, openTestDb, type TestDb } from './databases.js';
import { makeMirror } from './mirror.js';

/**
 * An ingest into PGlite, whose database lives in this process, runs with V8's heap held to twice
 * what is live (src/ingest/heap-growth.ts); one into PostgreSQL keeps V8's own choice. Seen from
 * inside the run: the connector's parser asks.
 */
describe.each(DB_TARGETS)('heap growth of an ingest (%s)', (target) => {
  let t: TestDb;
  let mirror: Awaited<ReturnType<typeof makeMirror>>;
  beforeAll(async () => {
    mirror = await makeMirror({
      'jhu/UID_ISO_FIPS_LookUp_Table.csv': 'jhu/UID_ISO_FIPS_LookUp_Table.csv',
      'who/WHO-COVID-19-global-data_asof_2020-06-25.csv.gz': 'who/WHO-COVID-19-global-data_asof_2020-06-25.csv.gz',
    });
    t = await openTestDb(target);
  });
  afterAll(async () => {
    await t?.drop();
    await mirror?.cleanup();
  });

  it(target === 'pglite' ? 'is held while the sources are read, and given back after' : 'is left to V8', async () => {
    const seen: boolean[] = [];
    const probe: Connector = { ...who, parse: (files) => (seen.push(ingestHeapGrowthActive()), who.parse(files)) };
    const [, run] = await ingestAll({ db: t.db, origin: { kind: 'mirror', root: mirror.root }, clock: () => new Date(), log: silentLogger }, [probe]);
    expect(run.status).toBe('succeeded');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((active) => active === (target === 'pglite'))).toBe(true);
    expect(ingestHeapGrowthActive()).toBe(false);
  });
});
