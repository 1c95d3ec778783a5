import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/api/app.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { CHATTER_CONNECTORS, LITERATURE_CONNECTORS } from '../src/sources/research-registry.js';
import { readCsv } from './api-fixture.js';
import { DB_TARGETS, type TestDb } from './databases.js';
import { cachedTestDb } from './fixture-cache.js';
import { dataPath, SHARED_DATA } from './shared-data.js';

/**
 * Literature search and chatter over the real CORD-19 files and Panacea Lab dailies, read in
 * place. Expected figures come from the raw files, read here with the test's own CSV reader.
 */
const gz = (rel: string) => gunzipSync(readFileSync(dataPath(rel))).toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
const sample = readCsv(gz('cord19/metadata_sample_1000rows_2020-04.csv.gz'));
const idDate = readCsv(gz('cord19/CORD19id_date_v8.csv.gz'));
const uids = new Set([...sample.map((r) => r.cord_uid), ...idDate.map((r) => r.cord_uid)].filter(Boolean));
const termsFile = (date: string) =>
  readFileSync(dataPath(`twitter/panacealab_dailies/${date}/${date}_top1000terms.csv`), 'utf8').split(/\r?\n/).filter(Boolean).map((l) => {
    const i = l.lastIndexOf(',');
    return { token: l.slice(0, i), count: Number(l.slice(i + 1)) };
  });
const DAYS = ['2020-03-22', '2020-03-23', '2020-03-24', '2020-03-25'];

describe.each(DB_TARGETS)('literature and chatter API on %s', (target) => {
  let t: TestDb;
  let app: App;
  const get = (url: string) => app.inject({ method: 'GET', url });
  const json = async <T = any>(url: string): Promise<T> => {
    const r = await get(url);
    expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
    return r.json() as T;
  };

  beforeAll(async () => {
    // Ingested once per run and database, then copied (test/fixture-cache.ts): CI's second pass reuses it.
    t = await cachedTestDb(target, 'literature', async (db) => {
      const runs = await ingestAll({ db, origin: { kind: 'mirror', root: SHARED_DATA }, clock: () => new Date(), log: silentLogger }, [...LITERATURE_CONNECTORS, ...CHATTER_CONNECTORS]);
      const failed = runs.filter((r) => r.status === 'failed');
      if (failed.length) throw new Error(failed.map((r) => `${r.sourceId}: ${r.error}`).join('; '));
    }, import.meta.url);
    app = await buildApp({ db: t.db, versionTtlMs: 0 });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('finds papers by words in title or abstract, ranked, with highlights, title matches first', async () => {
    const titled = sample.filter((r) => /\bcoronavirus\b/i.test(r.title)).length;
    const r = await json<{ meta: { total: number }; data: { id: string; title: string; rank: number; highlight: string }[] }>('/v1/literature/search?q=coronavirus&limit=200');
    expect(r.meta.total).toBeGreaterThanOrEqual(titled);
    const ranks = r.data.map((x) => x.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(r.data.every((x) => /coronavir/i.test(`${x.title} ${x.highlight}`))).toBe(true);
    expect(r.data.some((x) => x.highlight?.includes('**'))).toBe(true);
    // Every word must match: a three-word query finds a subset of a one-word one.
    const three = await json<{ meta: { total: number }; data: { id: string }[] }>('/v1/literature/search?q=coronavirus%20spike%20protein&limit=200');
    expect(three.meta.total).toBeLessThanOrEqual(r.meta.total);
    const page2 = await json<{ data: { id: string }[] }>('/v1/literature/search?q=coronavirus&limit=5&offset=5');
    expect(page2.data.map((x) => x.id)).toEqual(r.data.slice(5, 10).map((x) => x.id));
    const bad = await get('/v1/literature/search?q=%20');
    expect([bad.statusCode, bad.json().error.parameter]).toEqual([400, 'q']);
  });

  it('gives a paper with every source id, cites it, and refuses an unknown id', async () => {
    const row = sample.find((r) => r.doi && r.title)!;
    const p = await json<{ data: { id: string; title: string; doi: string; ids: { cordUid: string[] } } }>(`/v1/literature/${row.cord_uid}`);
    expect(p.data.ids.cordUid).toContain(row.cord_uid);
    expect(p.data.doi).toBe(row.doi.trim().toLowerCase().replace(/^https?:\/\/(dx\.)?doi\.org\//, ''));
    const bib = await get(`/v1/literature/${row.cord_uid}?format=bibtex`);
    expect(bib.headers['content-type']).toMatch(/^application\/x-bibtex/);
    expect(bib.body).toContain(p.data.doi);
    const missing = await get('/v1/literature/not-a-uid');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'ERR_PAPER_NOT_FOUND']);
  });

  it('counts papers per month: counted and uncounted add up to every paper', async () => {
    const c = await json<{ meta: { uncounted: number }; data: { period: string; papers: number }[] }>('/v1/literature/counts?interval=month');
    expect(c.data.reduce((n, x) => n + x.papers, 0) + c.meta.uncounted).toBe(uids.size);
    expect(c.data.every((x) => x.period.endsWith('-01'))).toBe(true);
  });

  it('lists a day’s top terms as published, and leaves noise out on request', async () => {
    const raw = termsFile('2020-03-25');
    const top = await json<{ meta: { date: string }; data: { rank: number; token: string; count: number }[] }>('/v1/chatter/top?n=10');
    expect(top.meta.date).toBe('2020-03-25');
    expect(top.data.map((x) => [x.token, x.count])).toEqual(raw.slice(0, 10).map((x) => [x.token, x.count]));
    const clean = await json<{ meta: { removed: number }; data: { token: string }[] }>('/v1/chatter/top?n=1000&filter=noise');
    expect(clean.meta.removed).toBeGreaterThan(0);
    expect(clean.data.map((x) => x.token)).not.toContain('nan');
    expect(clean.data.length + clean.meta.removed).toBe(raw.length);
    const none = await get('/v1/chatter/top?date=2020-01-01');
    expect([none.statusCode, none.json().error.code]).toEqual([404, 'ERR_NO_DATA']);
  });

  it('gives a term’s daily count and share, and null (not 0) on a day it is not listed', async () => {
    const s = await json<{ data: { date: string; count: number | null; share: number | null }[] }>('/v1/chatter/terms?term=coronavirus');
    expect(s.data.map((x) => x.date)).toEqual(DAYS);
    for (const d of s.data) {
      const raw = termsFile(d.date);
      expect(d.count).toBe(raw.find((x) => x.token === 'coronavirus')!.count);
      expect(d.share).toBeCloseTo(d.count! / raw.reduce((n, x) => n + x.count, 0), 12);
    }
    const rare = await json<{ data: { count: number | null }[] }>('/v1/chatter/terms?term=zzzz-not-a-term');
    expect(rare.data.every((x) => x.count === null)).toBe(true);
  });
});
