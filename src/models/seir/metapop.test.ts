import { describe, expect, it } from 'vitest';
import { simulateMetapop, type MetapopParams } from './metapop.js';
import type { EpidemicParams } from './params.js';
import { simulate, type Trajectory } from './simulate.js';

const disease = { structure: 'seir' as const, beta: { value: 0.6, changes: [] }, sigma: 1 / 3.69, gamma: 1 / 3.47, reporting: 1, deaths: null };
const living = (t: Trajectory, k: number) => t.susceptible[k] + t.exposed[k] + t.infectious[k] + t.recovered[k] + t.dying[k];
const relDiff = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('metapopulation SEIR', () => {
  it('without travel, each patch is the single-population model of its own parameters', () => {
    const patches = [
      { name: 'A', population: 1e6, initial: { exposed: 10, infectious: 5, removed: 0 } },
      { name: 'B', population: 3e5, initial: { exposed: 0, infectious: 1, removed: 1e4 }, beta: { value: 0.9, changes: [{ day: 30, value: 0.2 }] } },
      { name: 'C', population: 5e4, initial: { exposed: 0, infectious: 0, removed: 0 } },
    ];
    const p: MetapopParams = { ...disease, deaths: { ifr: 0.01, delay: 10 }, patches, mobility: [[0, 0, 0], [0, 0, 0], [0, 0, 0]] };
    const out = simulateMetapop(p, 200);
    patches.forEach((patch, i) => {
      const alone = simulate({ ...p, population: patch.population, initial: patch.initial, beta: patch.beta ?? p.beta } as EpidemicParams, 200);
      const t = out.patches[i].trajectory;
      for (let k = 0; k < 200; k++) {
        expect(relDiff(t.cases[k], alone.cases[k])).toBeLessThan(1e-6);
        expect(relDiff(t.deaths[k], alone.deaths[k])).toBeLessThan(1e-6);
      }
    });
    expect(Math.max(...out.patches[2].trajectory.infections.map(Math.abs))).toBe(0); // C, never seeded, stays free
  });

  it('counts as infections only transmission within each patch, never susceptibles who travel', () => {
    const patches = [
      { name: 'A', population: 1e6, initial: { exposed: 50, infectious: 20, removed: 0 } },
      { name: 'B', population: 2e5, initial: { exposed: 0, infectious: 0, removed: 0 } },
    ];
    const mobility = [[0, 1e-3], [2e-3, 0]];
    // No transmission: people travel (S falls in one patch and rises in the other), nobody is infected.
    const still = simulateMetapop({ ...disease, beta: { value: 0, changes: [] }, patches, mobility }, 60);
    for (const { trajectory } of still.patches) expect(Math.max(...trajectory.infections.map(Math.abs))).toBe(0);
    // With transmission: never negative, and over the network they are the fall in susceptibles.
    const out = simulateMetapop({ ...disease, patches, mobility }, 120);
    for (const { trajectory } of out.patches) expect(Math.min(...trajectory.infections)).toBeGreaterThanOrEqual(0);
    const [a, b] = out.patches.map((x) => x.trajectory);
    for (let k = 0; k < 120; k++) {
      const fall = a.susceptible[k] + b.susceptible[k] - a.susceptible[k + 1] - b.susceptible[k + 1];
      expect(relDiff(a.infections[k] + b.infections[k], fall)).toBeLessThan(1e-6);
    }
  });

  it('with symmetric travel between identical patches, the curves are identical', () => {
    const patch = (name: string) => ({ name, population: 5e5, initial: { exposed: 20, infectious: 10, removed: 0 } });
    const out = simulateMetapop({ ...disease, patches: [patch('A'), patch('B')], mobility: [[0, 0.05], [0.05, 0]] }, 150);
    const [a, b] = out.patches.map((x) => x.trajectory);
    for (let k = 0; k < 150; k++) expect(relDiff(a.cases[k], b.cases[k])).toBeLessThan(1e-12);
    for (let k = 0; k <= 150; k++) expect(relDiff(a.infectious[k], b.infectious[k])).toBeLessThan(1e-12);
  });

  it('conserves the total population, and each patch’s under balanced travel (N_i·m_ij = N_j·m_ji)', () => {
    const p: MetapopParams = {
      ...disease,
      patches: [
        { name: 'A', population: 1e6, initial: { exposed: 0, infectious: 50, removed: 0 } },
        { name: 'B', population: 3e6, initial: { exposed: 0, infectious: 0, removed: 0 } },
      ],
      mobility: [[0, 0.03], [0.01, 0]],
    };
    const out = simulateMetapop(p, 300);
    const [a, b] = out.patches.map((x) => x.trajectory);
    for (let k = 0; k <= 300; k++) {
      expect(relDiff(living(a, k), 1e6)).toBeLessThan(1e-7);
      expect(relDiff(living(b, k), 3e6)).toBeLessThan(1e-7);
    }
    // Unbalanced, with deaths: only the total (living + dead) is conserved.
    const q = simulateMetapop({ ...p, deaths: { ifr: 0.01, delay: 5 }, mobility: [[0, 0.05], [0.001, 0]] }, 300);
    const [qa, qb] = q.patches.map((x) => x.trajectory);
    for (let k = 0; k <= 300; k += 10) expect(relDiff(living(qa, k) + qa.dead[k] + living(qb, k) + qb.dead[k], 4e6)).toBeLessThan(1e-7);
    expect(living(qb, 300)).toBeGreaterThan(3.5e6); // B filled up from A
  });

  it('spreads from the seeded patch to the others, and with fast mixing behaves as one population', () => {
    const patches = [
      { name: 'A', population: 5e5, initial: { exposed: 0, infectious: 20, removed: 0 } },
      { name: 'B', population: 5e5, initial: { exposed: 0, infectious: 0, removed: 0 } },
    ];
    const slow = simulateMetapop({ ...disease, patches, mobility: [[0, 0.001], [0.001, 0]] }, 250);
    const [a, b] = slow.patches.map((x) => x.trajectory);
    const peakDay = (t: Trajectory) => t.cases.indexOf(Math.max(...t.cases));
    expect(peakDay(b)).toBeGreaterThan(peakDay(a)); // B is reached later
    expect(b.susceptible[250]).toBeLessThan(0.5e6 * 0.5); // but is reached
    // Well-mixed limit: travel much faster than transmission makes the pair one population of 1e6.
    const fast = simulateMetapop({ ...disease, patches, mobility: [[0, 20], [20, 0]] }, 250);
    const one = simulate({ ...disease, population: 1e6, initial: { exposed: 0, infectious: 20, removed: 0 } }, 250);
    const total = (k: number) => fast.patches[0].trajectory.cases[k] + fast.patches[1].trajectory.cases[k];
    const peak = Math.max(...one.cases);
    for (let k = 0; k < 250; k++) expect(Math.abs(total(k) - one.cases[k]) / peak).toBeLessThan(0.01);
  });

  it('names a malformed mobility matrix', () => {
    const patches = [{ name: 'A', population: 10, initial: { exposed: 0, infectious: 1, removed: 0 } }];
    expect(() => simulateMetapop({ ...disease, patches, mobility: [[0, 1]] }, 10)).toThrow(/^mobility\[0\]:/);
    expect(() => simulateMetapop({ ...disease, patches, mobility: [] }, 10)).toThrow(/^mobility:/);
    expect(() => simulateMetapop({ ...disease, patches: [...patches, ...patches], mobility: [[0, -1], [0, 0]] }, 10)).toThrow(/^mobility\[0\]\[1\]:/);
  });
});
