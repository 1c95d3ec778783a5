import { describe, expect, it } from 'vitest';
import { buildSplits, MAX_SEED } from './build.js';
import { SplitInputError, type SplitParameter } from './errors.js';
import type { SplitItem } from './groups.js';

const item = (id: string, patient: string | null, stratum: string, sameAs: string[] = []): SplitItem => ({ id, patient, stratum, sameAs });

function expectRefused(f: () => unknown, parameter: SplitParameter): void {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(SplitInputError);
  expect((caught as SplitInputError).parameter).toBe(parameter);
  expect((caught as SplitInputError).message.startsWith(`${parameter}: `)).toBe(true);
}

describe('buildSplits, worked by hand', () => {
  it('shuffles each finding with MT19937 (reference outputs of seed 5489) and apportions, findings in code-unit order', () => {
    // Groups (canonical order = smallest id): T: x/a, x/b1 (+x/b2, same patient), x/c; S: x/d, x/e.
    // MT19937 seed 5489 outputs 3499211612, 581869302, 3890346734 (std::mt19937's default stream).
    // Finding S first ('S' < 'T'): Fisher–Yates on [d, e]: i = 1, j = 3499211612 mod 2 = 0 → [e, d];
    //   2 groups at 1/3 each: quotas 2/3 → floors 0; 2 left, equal remainders → train, val: e train, d val.
    // Finding T: [a, b, c]: i = 2, j = 581869302 mod 3 = 0 (digit sum 42) → [c, b, a];
    //   i = 1, j = 3890346734 mod 2 = 0 → [b, c, a]; 3 groups at 1/3: 1 each → b train, c val, a test.
    const items = [
      item('x/e', 'x/5', 'S'),
      item('x/c', 'x/3', 'T'),
      item('x/b2', 'x/2', 'T'),
      item('x/a', 'x/1', 'T'),
      item('x/b1', 'x/2', 'T'),
      item('x/d', 'x/4', 'S'),
    ];
    const built = buildSplits({ items, ratios: [1 / 3, 1 / 3, 1 / 3], seed: 5489 });
    expect(built.rows).toEqual([
      { id: 'x/e', split: 'train' },
      { id: 'x/c', split: 'val' },
      { id: 'x/b2', split: 'train' },
      { id: 'x/a', split: 'test' },
      { id: 'x/b1', split: 'train' },
      { id: 'x/d', split: 'val' },
    ]);
    expect(built.groups).toBe(5);
    expect(built.summary).toEqual([
      { split: 'train', images: 3, patients: 2, groups: 2, findings: { S: { images: 1, patients: 1 }, T: { images: 2, patients: 1 } } },
      { split: 'val', images: 2, patients: 2, groups: 2, findings: { S: { images: 1, patients: 1 }, T: { images: 1, patients: 1 } } },
      { split: 'test', images: 1, patients: 1, groups: 1, findings: { S: { images: 0, patients: 0 }, T: { images: 1, patients: 1 } } },
    ]);
  });

  it('10 single-image patients of one finding at 0.7/0.15/0.15 → 7/2/1 patients, whatever the seed', () => {
    // Largest remainder: quotas 7, 1.5, 1.5 → floors 7, 1, 1; the one left goes to val (tie → earlier split).
    const items = Array.from({ length: 10 }, (_, k) => item(`cxr/${k}.png`, `cxr/${k}`, 'COVID-19'));
    for (const seed of [0, 1, 2, 12345, MAX_SEED]) {
      const { summary } = buildSplits({ items, ratios: [0.7, 0.15, 0.15], seed });
      expect(summary.map((s) => [s.split, s.patients, s.groups, s.images])).toEqual([
        ['train', 7, 7, 7],
        ['val', 2, 2, 2],
        ['test', 1, 1, 1],
      ]);
    }
  });

  it('two patients sharing one image (same sha256) go together; images without patient stand alone', () => {
    const items = [
      item('cxr/A-1.png', 'cxr/A', 'COVID-19'),
      item('cxr/A-2.png', 'cxr/A', 'COVID-19', ['sha256:ab12']),
      item('cxr/B-1.png', 'cxr/B', 'COVID-19', ['sha256:ab12']),
      ...Array.from({ length: 12 }, (_, k) => item(`cxr/other-${k}.png`, `cxr/O${k}`, 'COVID-19')),
      ...Array.from({ length: 5 }, (_, k) => item(`cxr/anon-${k}.png`, null, 'COVID-19')),
    ];
    let seenApart = false;
    for (let seed = 0; seed < 60; seed++) {
      const built = buildSplits({ items, ratios: [0.5, 0.25, 0.25], seed });
      expect(built.groups).toBe(1 + 12 + 5);
      const split = new Map(built.rows.map((r) => [r.id, r.split]));
      expect(new Set([split.get('cxr/A-1.png'), split.get('cxr/A-2.png'), split.get('cxr/B-1.png')]).size).toBe(1);
      if (new Set(Array.from({ length: 5 }, (_, k) => split.get(`cxr/anon-${k}.png`))).size > 1) seenApart = true;
      // 18 groups of one finding at 0.5/0.25/0.25: quotas 9, 4.5, 4.5 → 9, 5, 4.
      expect(built.summary.map((s) => s.groups)).toEqual([9, 5, 4]);
      // patients: distinct non-null keys (the 5 anonymous images count as images, not patients).
      expect(built.summary.reduce((a, s) => a + s.patients, 0)).toBe(14);
    }
    expect(seenApart).toBe(true);
  });

  it('1 or 2 ratios use train, or train and val; an empty item list gives empty splits', () => {
    const items = [item('d/1', 'd/p1', 'X'), item('d/2', 'd/p2', 'X')];
    expect(buildSplits({ items, ratios: [1], seed: 3 }).rows.map((r) => r.split)).toEqual(['train', 'train']);
    expect(buildSplits({ items, ratios: [0.5, 0.5], seed: 3 }).summary.map((s) => [s.split, s.images])).toEqual([
      ['train', 1],
      ['val', 1],
    ]);
    expect(buildSplits({ items: [], ratios: [0.7, 0.15, 0.15], seed: 1 })).toEqual({
      rows: [],
      groups: 0,
      summary: ['train', 'val', 'test'].map((split) => ({ split, images: 0, patients: 0, groups: 0, findings: {} })),
    });
  });

  it('a finding named __proto__ is an ordinary key of the summary', () => {
    const built = buildSplits({ items: [item('d/1', null, '__proto__')], ratios: [1], seed: 1 });
    expect(Object.keys(built.summary[0].findings)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(built.summary[0].findings))).toEqual(JSON.parse('{"__proto__":{"images":1,"patients":0}}'));
  });
});

describe('buildSplits input errors', () => {
  const items = [item('d/1', 'd/p1', 'X')];
  it.each([
    ['negative', [-0.1, 0.6, 0.5]],
    ['sum below 1', [0.5, 0.4]],
    ['sum above 1', [0.7, 0.2, 0.2]],
    ['sum off by 1e-8', [0.7, 0.15, 0.15 + 1e-8]],
    ['4 entries', [0.25, 0.25, 0.25, 0.25]],
    ['no entries', []],
    ['NaN', [Number.NaN, 0.5, 0.5]],
    ['Infinity', [Number.POSITIVE_INFINITY, 0, 0]],
    ['a string entry', ['0.7', 0.3]],
    ['not an array', '0.7,0.15,0.15'],
  ])('ratios: %s', (_name, ratios) => {
    expectRefused(() => buildSplits({ items, ratios: ratios as number[], seed: 1 }), 'ratios');
  });

  it('accepts a sum within 1e-9 of 1', () => {
    expect(() => buildSplits({ items, ratios: [0.7, 0.15, 0.15 + 5e-10], seed: 1 })).not.toThrow();
    expect(() => buildSplits({ items, ratios: [0.1, 0.2, 0.7], seed: 1 })).not.toThrow();
  });

  it.each([
    ['non-integer', 1.5],
    ['negative', -1],
    ['above 2^32 − 1', 2 ** 32],
    ['NaN', Number.NaN],
    ['a string', '1'],
  ])('seed: %s', (_name, seed) => {
    expectRefused(() => buildSplits({ items, ratios: [1], seed: seed as number }), 'seed');
  });

  it('seed: 0 and 2^32 − 1 are accepted', () => {
    expect(() => buildSplits({ items, ratios: [1], seed: 0 })).not.toThrow();
    expect(() => buildSplits({ items, ratios: [1], seed: MAX_SEED })).not.toThrow();
  });

  it.each([
    ['a duplicated id', [item('d/1', 'd/p1', 'X'), item('d/1', 'd/p2', 'X')]],
    ['an empty id', [item('', 'd/p1', 'X')]],
    ['an empty patient (null means none)', [item('d/1', '', 'X')]],
    ['an empty sameAs key', [item('d/1', null, 'X', [''])]],
    ['sameAs not an array', [{ id: 'd/1', patient: null, stratum: 'X', sameAs: 'sha256:x' }]],
    ['a missing stratum', [{ id: 'd/1', patient: null, sameAs: [] }]],
    ['not an array', { id: 'd/1' }],
  ])('items: %s', (_name, bad) => {
    expectRefused(() => buildSplits({ items: bad as SplitItem[], ratios: [1], seed: 1 }), 'items');
  });

  it('checks ratios, then seed, then items', () => {
    expectRefused(() => buildSplits({ items: 'x' as unknown as SplitItem[], ratios: [2], seed: -1 }), 'ratios');
    expectRefused(() => buildSplits({ items: 'x' as unknown as SplitItem[], ratios: [1], seed: -1 }), 'seed');
  });
});
