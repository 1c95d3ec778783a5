import { describe, expect, it } from 'vitest';
import { summarise } from './summary.js';

const row = (model: string, referenceDate: number, horizon: number, wis: number, coverage50 = false, coverage95 = true) => ({ model, referenceDate, horizon, wis, aeMedian: wis, coverage50, coverage95 });

describe('summary per model and horizon', () => {
  it('means, coverage shares and relative WIS over shared targets (hand-computed)', () => {
    const rows = summarise([
      row('baseline', 1, 1, 10, true), row('baseline', 2, 1, 30), row('baseline', 1, 2, 40),
      row('loglinear', 1, 1, 5, true, false), row('loglinear', 2, 1, 15), row('loglinear', 3, 1, 100),
    ]);
    expect(rows.map((r) => [r.model, r.horizon])).toEqual([['baseline', 1], ['baseline', 2], ['baseline', null], ['loglinear', 1], ['loglinear', null]]);
    const [b1, , ball, l1, lall] = rows;
    expect(b1).toMatchObject({ n: 2, meanWis: 20, coverage50: 0.5, coverage95: 1, relativeWis: 1 });
    expect(ball).toMatchObject({ n: 3, meanWis: 80 / 3 });
    // Shared horizon-1 targets: dates 1 and 2 → (5 + 15) / (10 + 30).
    expect(l1).toMatchObject({ n: 3, meanWis: 40, coverage95: 2 / 3, relativeWis: 0.5 });
    expect(lall.relativeWis).toBe(0.5);
  });
});
