import { expect, it } from 'vitest';
import { meanOf } from './families.js';
import { recovery } from './recovery.js';

// weibull(1.8, 6); n = 100, 400, 1600; 40 replicates each, 100 bootstrap resamples per fit (for
// test time; the API's default is 1000). Expected coverage 95 % (38 of 40): each n must reach
// 34 of 40 (85 %; P(≤ 33) < 0.3 % at a true 95 %) and the 120 together 108 (90 %). The RMSE of
// the fitted mean must fall by at least a quarter each time n is multiplied by 4 (in theory it
// halves), and the bias at n = 1600 stay below 2 % of the mean.
it('weibull: the bootstrap 95 % interval holds the true mean, and the fit converges as n grows', () => {
  const cells = recovery('weibull', 1.8, 6, [100, 400, 1600], 40, 100, 11);
  console.log('recovery weibull', JSON.stringify(cells));
  for (const c of cells) expect(c.covered).toBeGreaterThanOrEqual(34);
  expect(cells.reduce((s, c) => s + c.covered, 0)).toBeGreaterThanOrEqual(108);
  expect(cells[1].rmse).toBeLessThan(0.75 * cells[0].rmse);
  expect(cells[2].rmse).toBeLessThan(0.75 * cells[1].rmse);
  expect(Math.abs(cells[2].bias)).toBeLessThan(0.02 * meanOf('weibull', 1.8, 6));
});
