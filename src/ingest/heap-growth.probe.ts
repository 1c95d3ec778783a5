/**
 * Child process of heap-growth.test.ts: one allocation shaped like an ingest's (30 MB that stays
 * live, and garbage that outlives the young generation), run with no ingest ever run (`plain`),
 * inside withIngestHeapGrowth (`inside`) or after an ingest ended (`after`). Prints the largest
 * V8 heap seen (MB) and the full collections it took.
 */
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { withIngestHeapGrowth } from './heap-growth.js';

let fullCollections = 0;
const isFull = (e: PerformanceEntry) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
new PerformanceObserver((list) => (fullCollections += list.getEntries().filter(isFull).length)).observe({ entryTypes: ['gc'] });

function peakHeapOfGarbage(): number {
  const live = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `live ${i}` }));
  const recent: unknown[][] = [];
  let peak = 0;
  for (let round = 0; round < 300; round++) {
    // Each batch lives through a few young collections, so it is promoted, then dropped.
    recent.push(Array.from({ length: 20_000 }, (_, i) => ({ i, s: `garbage ${i}` })));
    if (recent.length > 3) recent.shift();
    peak = Math.max(peak, process.memoryUsage().heapTotal);
  }
  return live.length > 0 ? peak / 2 ** 20 : 0;
}

const mode = process.argv[2];
if (mode === 'after') await withIngestHeapGrowth(async () => undefined);
const peakMB = mode === 'inside' ? await withIngestHeapGrowth(async () => peakHeapOfGarbage()) : peakHeapOfGarbage();
// GC entries are delivered asynchronously.
await new Promise((resolve) => setTimeout(resolve, 50));
console.log(JSON.stringify({ peakMB, fullCollections }));
