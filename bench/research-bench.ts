/**
 * Part of the models benchmark: the research data. Literature search on PostgreSQL (and PGlite):
 * the CORD-19 files ingested into a fresh schema, then distinct one-word and three-word queries
 * through the API (each a cache miss), one after another: p50 and p99. Sequences: the 418
 * example genomes aligned, annotated, clade-assigned and QC-scored in-process: seconds and
 * genomes per second.
 */
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/api/app.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { analyzeAll } from '../src/models/sequences/index.js';
import { parseNextstrain } from '../src/sources/nextstrain/index.js';
import { manifest as nextstrainManifest } from '../src/sources/nextstrain/manifest.js';
import { LITERATURE_CONNECTORS } from '../src/sources/research-registry.js';
import { openDb } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { percentile } from './http.js';
import { SHARED_DATA } from './config.js';
import { freshPglite, freshPostgresSchema, type BenchTarget } from './targets.js';

export const SEARCH_P99_GOAL_MS = 50;
export const GENOMES_GOAL_SECONDS = 10;
const QUERIES = 200;

export interface SearchBench {
  target: string;
  papers: number;
  one: { p50: number; p99: number };
  three: { p50: number; p99: number };
}

/** Words from the sample's titles (4+ letters, in 5+ titles): what people search for. */
function vocabulary(): string[] {
  const text = gunzipSync(readFileSync(path.join(SHARED_DATA, 'cord19/metadata_sample_1000rows_2020-04.csv.gz'))).toString('utf8').toLowerCase();
  const counts = new Map<string, number>();
  for (const w of text.match(/[a-z]{4,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 5).map(([w]) => w).sort();
}

async function searchOn(target: BenchTarget, words: string[]): Promise<SearchBench> {
  const db = await openDb(target.target);
  try {
    await migrate(db);
    await ingestAll({ db, origin: { kind: 'mirror', root: SHARED_DATA }, clock: () => new Date(), log: silentLogger }, LITERATURE_CONNECTORS);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM papers');
    const app = await buildApp({ db, versionTtlMs: 60_000 });
    try {
      const time = async (q: string) => {
        const t0 = performance.now();
        const r = await app.inject({ method: 'GET', url: `/v1/literature/search?q=${encodeURIComponent(q)}` });
        if (r.statusCode !== 200) throw new Error(`search ${q}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        return performance.now() - t0;
      };
      // Warm-up (plans, caches of the server), not measured.
      for (let i = 0; i < 20; i++) await time(`warm${i} ${words[i]}`);
      const step = Math.max(1, Math.floor(words.length / QUERIES));
      const one: number[] = [];
      const three: number[] = [];
      for (let i = 0; i < QUERIES; i++) {
        one.push(await time(words[(i * step) % words.length]));
        three.push(await time(`${words[(i * 7) % words.length]} ${words[(i * 13 + 5) % words.length]} ${words[(i * 29 + 11) % words.length]}`));
      }
      const stats = (xs: number[]) => ({ p50: percentile(xs, 0.5), p99: percentile(xs, 0.99) });
      return { target: target.name, papers: n, one: stats(one), three: stats(three) };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

export async function runSearchBench(pgUrl: string | null, log: (s?: string) => void): Promise<SearchBench[]> {
  const words = vocabulary();
  const out: SearchBench[] = [];
  for (const make of [...(pgUrl ? [() => freshPostgresSchema(pgUrl)] : []), () => freshPglite()]) {
    const target = await make();
    try {
      const r = await searchOn(target, words);
      log(`literature search on ${r.target} (${r.papers.toLocaleString('en-US')} papers, ${QUERIES} distinct queries each): one word p50 ${r.one.p50.toFixed(1)} ms, p99 ${r.one.p99.toFixed(1)} ms; three words p50 ${r.three.p50.toFixed(1)} ms, p99 ${r.three.p99.toFixed(1)} ms`);
      out.push(r);
    } finally {
      await target.drop();
    }
  }
  return out;
}

export interface GenomesBench {
  genomes: number;
  failures: number;
  seconds: number;
  perSecond: number;
}

export function runGenomesBench(log: (s?: string) => void): GenomesBench {
  const files = nextstrainManifest.files.map((f) => {
    const rel = f.mirror[0] as string;
    const bytes = readFileSync(path.join(SHARED_DATA, rel));
    const body = rel.endsWith('.gz') ? gunzipSync(bytes) : bytes;
    return { fileId: f.id, name: rel, text: body.toString('utf8'), bytes: body };
  });
  const parsed = parseNextstrain(files);
  const t0 = performance.now();
  const { results, failures } = analyzeAll({ reference: parsed.reference, annotation: parsed.annotation, clades: parsed.clades, sequences: parsed.sequences });
  const seconds = (performance.now() - t0) / 1000;
  const r = { genomes: results.length, failures: failures.length, seconds, perSecond: results.length / seconds };
  log(`sequences: ${r.genomes} genomes aligned, annotated, clade-assigned and QC-scored in ${seconds.toFixed(2)} s (${Math.round(r.perSecond)} genomes/s, one thread; ${r.failures} not alignable)`);
  return r;
}
