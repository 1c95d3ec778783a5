/**
 * Timing of the delay bootstraps against their goals (docs/models/delays.md), for whoever wires
 * them into bench/models-bench.ts:  npx tsx src/models/delays/bench-delays.ts
 *
 * - 1,000 bootstrap fits of 1,000 interval-censored daily delays, each family: goal < 2 s;
 * - the incubation fit of 150 doubly censored cases with 1,000 bootstrap fits, each family: goal < 2 s.
 */
import { DELAY_FAMILIES, type DelayFamily } from './families.js';
import { bootstrapDelay, intervalsFromDays } from './fit.js';
import { bootstrapIncubation } from './incubation.js';
import { seededUint32, simulateDays, simulateIncubation } from './test-helpers.js';

const TRUE: Record<DelayFamily, [number, number]> = { gamma: [2.5, 0.5], lognormal: [1.4, 0.6], weibull: [1.8, 6] };
const INCUBATION: Record<DelayFamily, [number, number]> = { gamma: [4, 0.7], lognormal: [1.63, 0.5], weibull: [2.2, 6.5] };

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

// Warm-up (JIT) on a small problem.
bootstrapDelay({ intervals: intervalsFromDays(simulateDays('gamma', 2, 0.5, 200, seededUint32(1))), family: 'gamma', samples: 50 });

for (const family of DELAY_FAMILIES) {
  const intervals = intervalsFromDays(simulateDays(family, ...TRUE[family], 1000, seededUint32(42)));
  const [b, ms] = time(() => bootstrapDelay({ intervals, family, samples: 1000, seed: 1 }));
  console.log(`delay      ${family.padEnd(9)} n=1000, 1000 bootstrap fits: ${ms.toFixed(0)} ms (distinct intervals ${b.fit.distinct}; mean ${b.fit.mean.toFixed(3)} [${b.intervals.mean.lower.toFixed(3)}, ${b.intervals.mean.upper.toFixed(3)}]; not converged ${b.notConverged})`);
}
for (const family of DELAY_FAMILIES) {
  const cases = simulateIncubation(family, ...INCUBATION[family], 150, seededUint32(43));
  const [b, ms] = time(() => bootstrapIncubation({ cases, family, samples: 1000, seed: 1 }));
  console.log(`incubation ${family.padEnd(9)} n=150, fit + 1000 bootstrap fits: ${ms.toFixed(0)} ms (distinct patterns ${b.fit.distinct}; median ${b.fit.median.toFixed(3)} [${b.intervals.median.lower.toFixed(3)}, ${b.intervals.median.upper.toFixed(3)}]; not converged ${b.notConverged})`);
}
