/**
 * The recovery experiment the recovery-*.test.ts files run: for each n, `replicates` data sets
 * simulated from a known distribution, floored to whole days, fitted as intervals [d, d + 1)
 * with a bootstrap of `samples` resamples. Returns how often the bootstrap 95 % interval holds
 * the true mean, and the root-mean-square error of the fitted mean.
 */
import { bootstrapDelay, intervalsFromDays } from './fit.js';
import { type DelayFamily, meanOf } from './families.js';
import { seededUint32, simulateDays } from './test-helpers.js';

export interface RecoveryCell {
  n: number;
  covered: number;
  replicates: number;
  rmse: number;
  bias: number;
}

export function recovery(family: DelayFamily, p1: number, p2: number, sizes: number[], replicates: number, samples: number, seed: number): RecoveryCell[] {
  const truth = meanOf(family, p1, p2);
  return sizes.map((n, k) => {
    const next = seededUint32(seed + k);
    let covered = 0, se = 0, sum = 0;
    for (let r = 0; r < replicates; r++) {
      const intervals = intervalsFromDays(simulateDays(family, p1, p2, n, next));
      const b = bootstrapDelay({ intervals, family, samples, seed: seed * 1000 + k * 100 + r });
      if (b.intervals.mean.lower <= truth && truth <= b.intervals.mean.upper) covered++;
      se += (b.fit.mean - truth) ** 2;
      sum += b.fit.mean - truth;
    }
    return { n, covered, replicates, rmse: Math.sqrt(se / replicates), bias: sum / replicates };
  });
}
