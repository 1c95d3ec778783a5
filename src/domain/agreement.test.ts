import { describe, expect, it } from 'vitest';
import { agreement } from './agreement.js';

const f = (v: (number | null)[]) => Float64Array.from(v, (x) => (x === null ? Number.NaN : x));

describe('agreement', () => {
  it('compares only the days both have, and measures the differences', () => {
    const s = agreement(f([10, 20, null, 40, 50]), f([10, 25, 30, 40, null]), 100);
    expect(s).toEqual({
      days_compared: 3, days_differing: 1, share_differing: 1 / 3, max_abs_diff: 5, max_rel_diff: 0.2, mean_rel_diff: 0.2 / 3,
      first_differing: 101, last_differing: 101,
    });
  });

  it('says nothing was compared when the ranges do not meet', () => {
    expect(agreement(f([1, null]), f([null, 2]), 0)).toMatchObject({ days_compared: 0, share_differing: 0, first_differing: null });
  });
});
