import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/api/app.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { SEQUENCE_CONNECTORS } from '../src/sources/research-registry.js';
import { DB_TARGETS, type TestDb } from './databases.js';
import { cachedTestDb } from './fixture-cache.js';
import { dataPath, SHARED_DATA } from './shared-data.js';

/**
 * The sequences API over Nextstrain's example data (418 genomes), analysed at ingest. Expected
 * figures come from the raw files: FASTA headers and bases read here with plain string operations.
 */
const fasta = gunzipSync(readFileSync(dataPath('sequences/nextstrain-ncov/data/example_sequences.fasta.gz'))).toString('utf8');
const genomes = new Map(fasta.split('>').filter(Boolean).map((chunk) => {
  const [header, ...lines] = chunk.split('\n');
  return [header.trim(), lines.join('').trim()] as const;
}));
const reference = readFileSync(dataPath('sequences/nextstrain-ncov/defaults/reference_seq.fasta'), 'utf8').split('\n').filter((l) => !l.startsWith('>')).join('').trim();
const metadataRows = readFileSync(dataPath('sequences/nextstrain-ncov/data/example_metadata.tsv'), 'utf8').split('\n').filter(Boolean).length - 1;

describe.each(DB_TARGETS)('sequences API on %s', (target) => {
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
    t = await cachedTestDb(target, 'sequences', async (db) => {
      const runs = await ingestAll({ db, origin: { kind: 'mirror', root: SHARED_DATA }, clock: () => new Date(), log: silentLogger }, SEQUENCE_CONNECTORS);
      const failed = runs.filter((r) => r.status === 'failed');
      if (failed.length) throw new Error(failed.map((r) => `${r.sourceId}: ${r.error}`).join('; '));
    }, import.meta.url);
    app = await buildApp({ db: t.db, versionTtlMs: 0 });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('lists every sequence of the metadata, analysed where the FASTA has its genome', async () => {
    const all = await json<{ meta: { total: number }; data: { strain: string; clade: string | null; qc_status: string | null; analysis_failure: string | null }[] }>('/v1/sequences?limit=5000');
    expect(all.meta.total).toBe(metadataRows);
    const analysed = all.data.filter((r) => r.qc_status !== null);
    expect(analysed.length).toBe(all.data.filter((r) => genomes.has(r.strain)).length);
    expect(all.data.filter((r) => r.qc_status === null).every((r) => r.analysis_failure !== null)).toBe(true);
    const clade = await json<{ meta: { total: number }; data: { clade: string }[] }>('/v1/sequences?clade=20A&limit=5000');
    expect(clade.data.every((r) => r.clade === '20A')).toBe(true);
    expect(clade.meta.total).toBe(all.data.filter((r) => r.clade === '20A').length);
  });

  it('gives one sequence (slashes in its name percent-encoded) with its mutations; S:D614G exactly where the genome has G at 23403', async () => {
    const strain = [...genomes.keys()][0];
    const one = await json<{ data: { strain: string }; analysis: { substitutions: { pos: number; alt: string }[] } }>(`/v1/sequences/${encodeURIComponent(strain)}`);
    expect(one.data.strain).toBe(strain);
    const m = await json<{ meta: { analysed: number }; data: { kind: string; mutation: string; sequences: number; frequency: number }[] }>('/v1/sequences/mutations?min_count=1');
    const d614g = m.data.find((x) => x.mutation === 'S:D614G')!;
    // Independent: genomes whose 20 bases before position 23403 are the reference's, read there.
    const flank = reference.slice(23382, 23402);
    const withG = [...genomes.values()].filter((g) => g.includes(`${flank}G`)).length;
    const withA = [...genomes.values()].filter((g) => g.includes(`${flank}A`)).length;
    expect(withG + withA).toBeGreaterThan(300);
    expect(d614g.sequences).toBe(withG);
    expect(d614g.frequency).toBeCloseTo(withG / m.meta.analysed, 12);
    const missing = await get('/v1/sequences/no-such-strain');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'ERR_SEQUENCE_NOT_FOUND']);
  });

  it('puts sequences on the gazetteer’s keys: a country’s filter holds exactly its metadata rows', async () => {
    const lines = readFileSync(dataPath('sequences/nextstrain-ncov/data/example_metadata.tsv'), 'utf8').split('\n').filter(Boolean);
    const header = lines[0].split('\t');
    const country = header.indexOf('country');
    const australian = lines.slice(1).filter((l) => l.split('\t')[country] === 'Australia').length;
    expect(australian).toBeGreaterThan(0);
    const au = await json<{ meta: { total: number }; data: { location_key: string; country: string }[] }>('/v1/sequences?location=AU&limit=5000');
    expect(au.meta.total).toBe(australian);
    expect(au.data.every((r) => r.location_key === 'AU' || r.location_key.startsWith('AU_'))).toBe(true);
    const bad = await json<{ data: { qc_status: string }[] }>('/v1/sequences?qc=bad&limit=5000');
    expect(bad.data.every((r) => r.qc_status === 'bad')).toBe(true);
  });

  it('counts clades per week: frequencies of a week sum to 1', async () => {
    const c = await json<{ data: { period: string; sequences: number; frequency: number }[] }>('/v1/sequences/clades?interval=week');
    const byWeek = new Map<string, number>();
    for (const x of c.data) byWeek.set(x.period, (byWeek.get(x.period) ?? 0) + x.frequency);
    for (const [week, sum] of byWeek) expect(sum, week).toBeCloseTo(1, 12);
  });

  it('exports the genomes of a selection as FASTA (GenBank data may be served)', async () => {
    const r = await get('/v1/sequences/fasta?clade=20A');
    expect(r.statusCode).toBe(200);
    const records = r.body.split('>').filter(Boolean).map((chunk) => {
      const [header, ...lines] = chunk.split('\n');
      return [header, lines.join('')] as const;
    });
    expect(records.length).toBeGreaterThan(0);
    for (const [strain, genome] of records) expect(genome, strain).toBe(genomes.get(strain));
  });
});
