/**
 * Child process of heap-growth.test.ts: the largest V8 heap (MB) while an allocation shaped like
 * an ingest's runs (30 MB that stays live, and garbage that outlives the young generation).
 * argv[2]: `plain` (no ingest ever ran), `inside` (inside withIngestHeapGrowth), `after` (after
 * an ingest ended).
 */
import { withIngestHeapGrowth } from './heap-growth.js';

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
const peak = mode === 'inside' ? await withIngestHeapGrowth(async () => peakHeapOfGarbage()) : peakHeapOfGarbage();
console.log(JSON.stringify(peak));
