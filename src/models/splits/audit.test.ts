import { describe, expect, it } from 'vitest';
import { auditSplits, compareSplitNames, type AuditRow } from './audit.js';
import { SplitInputError } from './errors.js';

const row = (id: string, patient: string | null, stratum: string, split: string, sameAs: string[] = []): AuditRow => ({ id, patient, stratum, sameAs, split });

describe('auditSplits', () => {
  it('finds a patient in two splits and a duplicate image across splits', () => {
    const rows = [
      row('cxr/1.png', 'cxr/P1', 'COVID-19', 'train'),
      row('cxr/2.png', 'cxr/P1', 'COVID-19', 'train'),
      row('cxr/3.png', 'cxr/P1', 'COVID-19', 'test'), // P1 also in test
      row('cxr/4.png', 'cxr/P2', 'No Finding', 'train', ['sha256:aa']),
      row('cxr/5.png', null, 'No Finding', 'val', ['sha256:aa', 'name:x.png|u']), // same image as 4, other split
      row('cxr/6.png', null, 'No Finding', 'val', ['name:x.png|u']), // same image as 5, same split: no leak
      row('cxr/7.png', 'cxr/P3', 'ARDS', 'test'),
    ];
    expect(auditSplits(rows)).toEqual({
      patientsInSeveralSplits: [{ patient: 'cxr/P1', splits: { train: 2, test: 1 } }],
      duplicatesAcrossSplits: [
        {
          key: 'sha256:aa',
          items: [
            { id: 'cxr/4.png', split: 'train' },
            { id: 'cxr/5.png', split: 'val' },
          ],
        },
      ],
      idsInSeveralSplits: [],
      findingsPerSplit: [
        { split: 'train', images: 3, patients: 2, findings: { ARDS: 0, 'COVID-19': 2, 'No Finding': 1 } },
        { split: 'val', images: 2, patients: 0, findings: { ARDS: 0, 'COVID-19': 0, 'No Finding': 2 } },
        { split: 'test', images: 2, patients: 2, findings: { ARDS: 1, 'COVID-19': 1, 'No Finding': 0 } },
      ],
      leakage: true,
    });
  });

  it('reports a clean split as leakage false', () => {
    const rows = [
      row('d/1', 'd/P1', 'COVID-19', 'train', ['sha256:01']),
      row('d/2', 'd/P1', 'COVID-19', 'train', ['sha256:01']), // a duplicate within one split is not leakage
      row('d/3', 'd/P2', 'COVID-19', 'val'),
      row('d/4', null, 'No Finding', 'test'),
      row('d/5', null, 'No Finding', 'test'),
    ];
    const audit = auditSplits(rows);
    expect(audit.leakage).toBe(false);
    expect(audit.patientsInSeveralSplits).toEqual([]);
    expect(audit.duplicatesAcrossSplits).toEqual([]);
    expect(audit.findingsPerSplit.map((s) => [s.split, s.images, s.patients])).toEqual([
      ['train', 2, 1],
      ['val', 1, 1],
      ['test', 2, 0],
    ]);
  });

  it('an id listed in two splits is leakage; listed twice in one split, counted once', () => {
    const audit = auditSplits([
      row('d/1', null, 'X', 'train'),
      row('d/1', null, 'X', 'test'),
      row('d/2', null, 'X', 'val'),
      row('d/2', null, 'X', 'val'),
    ]);
    expect(audit.idsInSeveralSplits).toEqual([{ id: 'd/1', splits: ['train', 'test'] }]);
    expect(audit.leakage).toBe(true);
    expect(audit.findingsPerSplit.map((s) => [s.split, s.images])).toEqual([
      ['train', 1],
      ['val', 1],
      ['test', 1],
    ]);
  });

  it('orders free-text split names: train, val, test first, then the rest in code-unit order', () => {
    expect(['holdout', 'test', 'Dev', 'train', 'val', 'fold-2'].sort(compareSplitNames)).toEqual(['train', 'val', 'test', 'Dev', 'fold-2', 'holdout']);
    const audit = auditSplits([row('d/1', 'd/P', 'X', 'holdout'), row('d/2', 'd/P', 'X', 'train'), row('d/3', 'd/P', 'X', 'Dev')]);
    expect(Object.keys(audit.patientsInSeveralSplits[0].splits)).toEqual(['train', 'Dev', 'holdout']);
    expect(audit.findingsPerSplit.map((s) => s.split)).toEqual(['train', 'Dev', 'holdout']);
  });

  it('sorts patients, keys and items deterministically', () => {
    const rows = [
      row('d/9', 'd/Pb', 'X', 'test', ['k2']),
      row('d/1', 'd/Pb', 'X', 'train', ['k1']),
      row('d/5', 'd/Pa', 'X', 'val', ['k2']),
      row('d/3', 'd/Pa', 'X', 'train', ['k1']),
    ];
    const audit = auditSplits(rows);
    expect(audit.patientsInSeveralSplits.map((p) => p.patient)).toEqual(['d/Pa', 'd/Pb']);
    expect(audit.duplicatesAcrossSplits).toEqual([
      { key: 'k2', items: [{ id: 'd/5', split: 'val' }, { id: 'd/9', split: 'test' }] },
    ]);
    expect(auditSplits(rows.slice().reverse())).toEqual(audit);
  });

  it('an empty list audits clean', () => {
    expect(auditSplits([])).toEqual({ patientsInSeveralSplits: [], duplicatesAcrossSplits: [], idsInSeveralSplits: [], findingsPerSplit: [], leakage: false });
  });

  it.each([
    ['not an array', 'x'],
    ['a row without split', [{ id: 'd/1', patient: null, stratum: 'X', sameAs: [] }]],
    ['an empty id', [row('', null, 'X', 'train')]],
    ['an empty patient', [row('d/1', '', 'X', 'train')]],
    ['sameAs not an array', [{ id: 'd/1', patient: null, stratum: 'X', sameAs: null, split: 'train' }]],
  ])('refuses %s (parameter rows)', (_name, rows) => {
    let caught: unknown;
    try {
      auditSplits(rows as AuditRow[]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SplitInputError);
    expect((caught as SplitInputError).parameter).toBe('rows');
  });
});
