import { describe, expect, it } from 'vitest';
import { quantileMedianEnsemble } from './ensemble.js';
import type { ModelResult } from './quantiles.js';

const member = (...horizons: number[][]): ModelResult => ({
  ok: true,
  forecasts: horizons.map((v, i) => ({ horizon: i + 1, levels: [0.25, 0.5, 0.75], values: Float64Array.from(v) })),
});

describe('quantile-median ensemble', () => {
  it('takes the median at every level and horizon (two members: their mean)', () => {
    const r = quantileMedianEnsemble([member([1, 2, 3], [0, 0, 0]), member([3, 4, 9], [2, 4, 6])]);
    expect(r.ok && r.forecasts.map((f) => Array.from(f.values))).toEqual([[2, 3, 6], [1, 2, 3]]);
  });

  it('three members: the middle value, level by level', () => {
    const r = quantileMedianEnsemble([member([1, 5, 9]), member([2, 2, 2]), member([3, 4, 5])]);
    expect(r.ok && Array.from(r.forecasts[0].values)).toEqual([2, 4, 5]);
  });

  it('needs two members that forecast, and says why not', () => {
    const r = quantileMedianEnsemble([member([1, 2, 3]), { ok: false, reason: 'too few weeks' }]);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/1 of 2 members.*too few weeks/) });
  });
});
