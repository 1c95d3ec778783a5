import { describe, expect, it } from 'vitest';
import { groupItems, modeOf, type SplitItem } from './groups.js';

const item = (id: string, patient: string | null, stratum: string, sameAs: string[] = []): SplitItem => ({ id, patient, stratum, sameAs });

describe('groupItems', () => {
  it('merges two patients through a shared image (union-find), keeps a third apart', () => {
    const items = [
      item('cxr/a1.png', 'cxr/A', 'COVID-19'),
      item('cxr/a2.png', 'cxr/A', 'COVID-19', ['sha256:ff00']),
      item('cxr/b1.png', 'cxr/B', 'ARDS', ['sha256:ff00']),
      item('cxr/c1.png', 'cxr/C', 'No Finding'),
    ];
    const groups = groupItems(items);
    expect(groups.map((g) => ({ key: g.key, ids: g.items.map((i) => items[i].id), patients: g.patients, stratum: g.stratum }))).toEqual([
      // 2 COVID-19, 1 ARDS → COVID-19.
      { key: 'cxr/a1.png', ids: ['cxr/a1.png', 'cxr/a2.png', 'cxr/b1.png'], patients: ['cxr/A', 'cxr/B'], stratum: 'COVID-19' },
      { key: 'cxr/c1.png', ids: ['cxr/c1.png'], patients: ['cxr/C'], stratum: 'No Finding' },
    ]);
  });

  it('chains: patient A —key x— patient B —key y— an image with no patient', () => {
    const items = [
      item('d/1', 'd/A', 'X', ['sha256:x']),
      item('d/2', 'd/B', 'Y', ['sha256:x']),
      item('d/3', 'd/B', 'Y', ['name:n.png|u']),
      item('d/4', null, 'Z', ['name:n.png|u']),
      item('d/5', null, 'Z'),
      item('d/6', null, 'Z'),
    ];
    expect(groupItems(items).map((g) => g.items.map((i) => items[i].id))).toEqual([['d/1', 'd/2', 'd/3', 'd/4'], ['d/5'], ['d/6']]);
  });

  it('keeps a patient key and a duplicate key with the same text apart', () => {
    const items = [item('d/1', 'k', 'X'), item('d/2', null, 'X', ['k'])];
    expect(groupItems(items)).toHaveLength(2);
  });

  it('group stratum: the most frequent, a tie to the first in code-unit order', () => {
    expect(modeOf(['COVID-19', 'ARDS'])).toBe('ARDS');
    expect(modeOf(['b', 'B'])).toBe('B'); // code units: 'B' (66) < 'b' (98), whatever the locale
    expect(modeOf(['Y', 'X', 'Y'])).toBe('Y');
    const items = [item('d/1', 'p', 'Pneumonia'), item('d/2', 'p', 'COVID-19')];
    expect(groupItems(items)[0].stratum).toBe('COVID-19');
  });
});
