import { describe, expect, it } from 'vitest';
import { setLang } from './i18n/index.js';
import { weekRuns, daySpan, doiUrl, gappedPath, highlightParts, linear, literatureQuery, preciseDate, stackClades, termValue, ticks } from './research2.js';

describe('research pages’ helpers (Literature, Sequences, Chatter)', () => {
  it('splits a highlight into text and marked matches, reading an unpaired marker as text', () => {
    expect(highlightParts('a **bat** and **spike** x')).toEqual([
      { text: 'a ', mark: false }, { text: 'bat', mark: true }, { text: ' and ', mark: false }, { text: 'spike', mark: true }, { text: ' x', mark: false },
    ]);
    expect(highlightParts('**x**')).toEqual([{ text: 'x', mark: true }]);
    expect(highlightParts('a ** b')).toEqual([{ text: 'a ** b', mark: false }]);
    expect(highlightParts('<b>**y**')).toEqual([{ text: '<b>', mark: false }, { text: 'y', mark: true }]);
    expect(highlightParts('')).toEqual([]);
  });

  it('writes a date as precisely as it is known, in the reader’s language', () => {
    setLang('zh');
    expect([preciseDate('2020-03-21', 'day'), preciseDate('2020-03-01', 'month'), preciseDate('2020-01-01', 'year'), preciseDate('2020-03', null)]).toEqual(['2020年3月21日', '2020年3月', '2020', '2020年3月']);
    setLang('en');
    expect(preciseDate('2020-03-21', 'day')).toBe('21 Mar 2020');
    expect(preciseDate('2020-03-01', 'month')).toBe('Mar 2020');
    expect(preciseDate('2020-01-01', 'year')).toBe('2020');
    expect(preciseDate('2020-03', null)).toBe('Mar 2020');
    expect(preciseDate(null, 'day')).toBe('—');
  });

  it('builds the search query and DOI links', () => {
    expect(literatureQuery({ q: 'bat', from: null, to: '2020-05-01', hasDoi: false, place: 'CN' })).toEqual({ q: 'bat', from: undefined, to: '2020-05-01', has_doi: 'false' });
    expect(literatureQuery({ q: '', from: null, to: null, hasDoi: null, place: 'CN' })).toEqual({ q: undefined, from: undefined, to: undefined, has_doi: undefined });
    expect(doiUrl('10.1101/2020.01.01.123#x')).toBe('https://doi.org/10.1101/2020.01.01.123%23x');
  });

  it('stacks clade frequencies per period, unassigned on top, missing as 0', () => {
    const s = stackClades([
      { period: '2020-03-02', clade: '20A', frequency: 0.5 }, { period: '2020-03-02', clade: null, frequency: 0.25 }, { period: '2020-03-02', clade: '19B', frequency: 0.25 },
      { period: '2020-02-24', clade: '19A', frequency: 1 }, { period: '2020-03-02', clade: '20A.EU1', frequency: 0 },
    ]);
    expect(s.periods).toEqual(['2020-02-24', '2020-03-02']);
    expect(s.clades).toEqual(['19A', '19B', '20A', '20A.EU1', null]);
    expect(s.freq).toEqual([[1, 0], [0, 0.25], [0, 0.5], [0, 0], [0, 0.25]]);
    expect(s.top[4]).toEqual([1, 1]);
    expect(stackClades([]).clades).toEqual([]);
  });

  it('finds runs of consecutive weeks (a week without sequences breaks the area)', () => {
    expect(weekRuns(['2019-12-23', '2019-12-30', '2020-01-13', '2020-01-20', '2020-01-27', '2020-02-17'])).toEqual([[0, 1], [2, 4], [5, 5]]);
    expect(weekRuns([])).toEqual([]);
  });

  it('draws gaps, never zeros, where a value is null', () => {
    expect(gappedPath([{ x: 0, y: 1 }, { x: 1, y: 2 }, { x: 2, y: null }, { x: 3, y: 4 }, { x: 4, y: 5.123 }])).toBe('M0,1 L1,2 M3,4 L4,5.12');
    expect(gappedPath([{ x: 0, y: null }])).toBe('');
  });

  it('spans days, scales and ticks', () => {
    expect(daySpan(['2020-03-24', '2020-03-22'])).toEqual(['2020-03-22', '2020-03-23', '2020-03-24']);
    expect(daySpan([])).toEqual([]);
    expect(linear(0, 10, 100, 0)(5)).toBe(50);
    expect(linear(3, 3, 0, 10)(3)).toBe(5);
    expect(ticks(1000)).toEqual([0, 500, 1000]);
    expect(ticks(0.1)).toEqual([0, 0.05, 0.1]);
    expect(ticks(87)).toEqual([0, 50, 100]);
    expect(ticks(0)).toEqual([0]);
    expect(termValue({ count: 5, share: 0.1 }, true)).toBe(0.1);
    expect(termValue({ count: null, share: null }, false)).toBeNull();
  });
});
