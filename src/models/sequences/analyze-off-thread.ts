import { Piscina } from 'piscina';
import type { ParsedSequences } from '../../domain/sequences.js';
import { siblingModule } from '../../lib/sibling-module.js';
import type { AnalyzeAllResult } from './analyze.js';
import type { WorkerChunk } from './worker.js';

/**
 * analyzeAll in worker threads (at most 2), in chunks: the ingest that reads genomes never holds
 * the event loop (on PGlite the server keeps answering while the genomes are analysed). Under
 * tsx or vitest the worker is the .ts source and needs tsx's loader. The pool ends with the call.
 */
export async function analyzeOffThread(p: Pick<ParsedSequences, 'reference' | 'annotation' | 'clades' | 'sequences'>, threads = 2): Promise<AnalyzeAllResult> {
  const worker = siblingModule(import.meta.url, 'worker');
  const pool = new Piscina({ filename: worker.url.href, execArgv: worker.execArgv, minThreads: 0, maxThreads: threads });
  try {
    const entries = [...p.sequences];
    const size = Math.max(1, Math.ceil(entries.length / (threads * 4)));
    const chunks: WorkerChunk[] = [];
    for (let i = 0; i < entries.length; i += size) chunks.push({ reference: p.reference, annotation: p.annotation, clades: p.clades, sequences: entries.slice(i, i + size) });
    const parts = (await Promise.all(chunks.map((c) => pool.run(c)))) as AnalyzeAllResult[];
    return { results: parts.flatMap((x) => x.results), failures: parts.flatMap((x) => x.failures) };
  } finally {
    await pool.destroy();
  }
}
