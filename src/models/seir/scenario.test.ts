import { describe, expect, it } from 'vitest';
import type { EpidemicParams } from './params.js';
import { editTransmission, project } from './scenario.js';
import { simulate } from './simulate.js';

const schedule = { value: 0.6, changes: [{ day: 20, value: 0.3 }, { day: 50, value: 0.4 }] };

describe('scenarios', () => {
  it('multiplies β from a day on, later scheduled changes included', () => {
    expect(editTransmission(schedule, { day: 30, factor: 0.5 })).toEqual({ value: 0.6, changes: [{ day: 20, value: 0.3 }, { day: 30, value: 0.15 }, { day: 50, value: 0.2 }] });
    expect(editTransmission(schedule, { day: 0, factor: 2 })).toEqual({ value: 1.2, changes: [{ day: 20, value: 0.6 }, { day: 50, value: 0.8 }] });
  });

  it('replaces β from a day on, dropping later scheduled changes', () => {
    expect(editTransmission(schedule, { day: 20, beta: 0.9 })).toEqual({ value: 0.6, changes: [{ day: 20, value: 0.9 }] });
    expect(editTransmission(schedule, { day: 70, beta: 0.1 })).toEqual({ value: 0.6, changes: [...schedule.changes, { day: 70, value: 0.1 }] });
  });

  it('projects forward: identical before the change, no new infections after β → 0', () => {
    const p: EpidemicParams = {
      structure: 'seir', population: 1e6, beta: schedule, sigma: 0.25, gamma: 0.2, reporting: 1, deaths: null,
      initial: { exposed: 5, infectious: 5, removed: 0 },
    };
    const base = simulate(p, 100);
    const stop = project(p, 100, [{ day: 60, factor: 0 }]);
    for (let k = 0; k < 60; k++) expect(stop.infections[k]).toBeCloseTo(base.infections[k], 6);
    for (let k = 60; k < 100; k++) expect(Math.abs(stop.infections[k])).toBe(0);
    expect(stop.susceptible[100]).toBeCloseTo(base.susceptible[60], 6);
  });
});
