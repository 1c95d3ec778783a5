import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RT_QUANTILE_PROBS, unitGammaCdf, unitGammaQuantiles } from './gamma.js';

/** R 4.2.2's qgamma/pgamma (what EpiEstim calls) over shapes 0.5..3e7: fixtures/r-gamma.R. */
const table = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t').map(Number));

describe('gamma quantiles and CDF against R', () => {
  it('quantiles at EpiEstim’s probabilities within 1e-12 relative, for shapes 0.5 to 3e7', () => {
    const rows = table('r-qgamma.tsv');
    expect(rows.length).toBeGreaterThan(40);
    for (const [shape, ...expected] of rows) {
      const q = unitGammaQuantiles(shape);
      RT_QUANTILE_PROBS.forEach((p, i) => expect(Math.abs(q[i] - expected[i]) / expected[i], `shape ${shape}, p ${p}`).toBeLessThan(1e-12));
    }
  });

  it('CDF within 1e-10 absolute from −10 to +10 sd around the mean', () => {
    for (const [shape, x, p] of table('r-pgamma.tsv')) expect(Math.abs(unitGammaCdf(x, shape) - p), `shape ${shape}, x ${x}`).toBeLessThan(1e-10);
  });

  it('CDF at R’s quantiles gives back the probability (1e-12), where stdlib alone is off by up to 0.2 for shapes near 1000 and above', () => {
    for (const [shape, ...q] of table('r-qgamma.tsv')) RT_QUANTILE_PROBS.forEach((p, i) => expect(Math.abs(unitGammaCdf(q[i], shape) - p), `shape ${shape}, p ${p}`).toBeLessThan(1e-12));
  });
});
