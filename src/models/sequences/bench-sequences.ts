/**
 * Timing of the whole analysis of the 418 example genomes (not a test):
 *   npx tsx src/models/sequences/bench-sequences.ts [DATA_DIR]
 * Prints parse time, single-thread analysis time, and the time with a 2-worker piscina pool.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { SourceInputFile } from '../../domain/series.js';
import type { SequenceAnalysis } from '../../domain/sequences.js';
import { siblingModule } from '../../lib/sibling-module.js';
import { manifest } from '../../sources/nextstrain/manifest.js';
import { parseNextstrain } from '../../sources/nextstrain/parse.js';
import { analyzeAll } from './analyze.js';
import type { WorkerChunk } from './worker.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = process.argv[2] ?? path.resolve(here, '../../../../shared/data');

const t0 = performance.now();
const files: SourceInputFile[] = manifest.files.map((f) => {
  const p = path.join(root, f.mirror[0]!);
  const bytes = readFileSync(p);
  return { fileId: f.id, name: p, text: '', bytes };
});
for (const f of files) if (!(f.bytes![0] === 0x1f && f.bytes![1] === 0x8b)) f.text = f.bytes!.toString('utf8');
const parsed = parseNextstrain(files);
const t1 = performance.now();
console.log(`parse: ${(t1 - t0).toFixed(0)} ms, ${parsed.sequences.size} sequences, ${parsed.records.length} records, ${parsed.clades.length} clades`);

const single = analyzeAll({ sequences: parsed.sequences, reference: parsed.reference, annotation: parsed.annotation, clades: parsed.clades });
const t2 = performance.now();
console.log(`analyzeAll, 1 thread: ${(t2 - t1).toFixed(0)} ms (${single.results.length} analysed, ${single.failures.length} failures)`);

const threads = Math.min(2, os.availableParallelism());
const worker = siblingModule(import.meta.url, 'worker');
const pool = new Piscina({ filename: worker.url.href, execArgv: worker.execArgv, minThreads: threads, maxThreads: threads });
const t3 = performance.now();
const entries = [...parsed.sequences];
const chunkSize = Math.ceil(entries.length / (threads * 4));
const chunks: WorkerChunk[] = [];
for (let i = 0; i < entries.length; i += chunkSize) chunks.push({ reference: parsed.reference, annotation: parsed.annotation, clades: parsed.clades, sequences: entries.slice(i, i + chunkSize) });
const parts = (await Promise.all(chunks.map((c) => pool.run(c)))) as { results: SequenceAnalysis[] }[];
const t4 = performance.now();
console.log(`analyze, piscina ${threads} workers, cold (worker start + tsx transpile): ${(t4 - t3).toFixed(0)} ms (${parts.reduce((s, p) => s + p.results.length, 0)} analysed)`);
await Promise.all(chunks.map((c) => pool.run(c)));
console.log(`analyze, piscina ${threads} workers, warm: ${(performance.now() - t4).toFixed(0)} ms`);
await pool.destroy();

const clades = new Map<string, number>();
for (const r of single.results) clades.set(r.clade.clade ?? 'unassigned', (clades.get(r.clade.clade ?? 'unassigned') ?? 0) + 1);
console.log('clades:', Object.fromEntries([...clades].sort()));
const d614g = single.results.filter((r) => r.aaSubstitutions.some((a) => a.gene === 'S' && a.pos === 614 && a.alt === 'G')).length;
console.log(`S:D614G: ${d614g} / ${single.results.length}`);
const qc = new Map<string, number>();
for (const r of single.results) qc.set(r.qc.overall.status, (qc.get(r.qc.overall.status) ?? 0) + 1);
console.log('QC overall:', Object.fromEntries(qc));
console.log('frame shifts:', single.results.filter((r) => r.frameShifts.length > 0).length, 'premature stops:', single.results.filter((r) => r.prematureStops.length > 0).length, 'with deletions:', single.results.filter((r) => r.deletions.length > 0).length, 'with insertions:', single.results.filter((r) => r.insertions.length > 0).length);
