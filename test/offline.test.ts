import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/ingest/context.js';
import { createHttpClient, createRawCache } from '../src/ingest/fetch/index.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { CONNECTORS } from '../src/sources/registry.js';
import { openTestDb } from './databases.js';

describe('offline without a mirror', () => {
  it('fails fast with the fix in the message, runs nothing else, stores nothing', async () => {
    const t = await openTestDb('pglite');
    const dir = await mkdtemp(path.join(tmpdir(), 'glacier-raw-'));
    let calls = 0;
    // What Node's fetch throws when DNS cannot resolve the host.
    const dnsFailure: typeof fetch = async () => {
      calls++;
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND raw.githubusercontent.com'), { code: 'ENOTFOUND' }) });
    };
    try {
      const started = Date.now();
      const runs = await ingestAll(
        { db: t.db, origin: { kind: 'upstream', http: createHttpClient({ fetchImpl: dnsFailure }), cache: createRawCache(dir) }, clock: () => new Date(), log: silentLogger },
        CONNECTORS,
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(calls).toBe(1);
      expect(runs.map((r) => [r.sourceId, r.status])).toEqual([['gazetteer', 'failed'], ...CONNECTORS.map((c) => [c.manifest.id, 'failed'])]);
      expect(runs[0].error).toMatch(/Cannot reach raw\.githubusercontent\.com .*--mirror DIR or GLACIER_MIRROR=DIR/);
      const [n] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM locations');
      expect(n.n).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await t.drop();
    }
  });
});
