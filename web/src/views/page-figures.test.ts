import { afterEach, describe, expect, it } from 'vitest';
import { layoutFigure, plainText } from '../figure';
import { setLang } from '../i18n';
import { metricTitle } from './i18n-dom';
import { compareFigure, dailyValues, forecastFigure, rtFigure } from './page-figures';

const line = { sources: [{ id: 'jhu-global', title: 'JHU CSSE', license: { name: 'CC BY 4.0', url: 'https://x' } }], retrieved: '2026-12-01T00:00:00Z' };
const url = 'https://glacier.example/?page=models&loc=DE';
/** The `d` of each line drawn in a figure body (one path per series with a value shown). */
const paths = (markup: string) => [...(/<g class="lines"[^>]*>(.*?)<\/g>/.exec(markup)?.[1] ?? '').matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);

afterEach(() => setLang('en'));

describe('dailyValues', () => {
  it('puts each value on its day from start to end, null where none, and drops days outside', () => {
    expect(dailyValues('2020-03-01', '2020-03-05', [{ date: '2020-03-04', value: 4 }, { date: '2020-03-01', value: 1 }, { date: '2020-03-09', value: 9 }, { date: '2020-02-28', value: 0 }]))
      .toEqual([1, null, null, 4, null]);
    expect(dailyValues('2020-03-01', '2020-02-01', [])).toEqual([]);
  });
  it('spans month and year ends by calendar days', () => {
    expect(dailyValues('2020-12-30', '2021-01-02', [{ date: '2021-01-02', value: 2 }])).toEqual([null, null, null, 2]);
  });
});

describe('rtFigure', () => {
  const rows = [
    { window_end: '2020-03-10', median: 9, q0_025: 6, q0_975: 12 },
    { window_end: '2020-03-11', median: 1.4, q0_025: 1.1, q0_975: 1.8 },
    { window_end: '2020-03-12', median: 1.2, q0_025: 0.9, q0_975: 3.5 },
  ];
  it('leaves out what is above the axis and says how many windows are cut; names the place as data', () => {
    const f = rtFigure({ place: 'Germany', metric: 'confirmed', rows, yMax: 3, line, url });
    expect(f.title).toContainEqual({ text: 'Germany', data: true });
    expect(plainText(f.title)).toBe(`Effective reproduction number Rt (${metricTitle('confirmed')}): Germany`);
    expect(plainText(f.note ?? [])).toContain('1 early window');
    // Four lines: median and lower bound from day 2 (9 and 6 are above the axis), the upper bound day 2 alone (12 and 3.5 are), R = 1.
    const d = paths(f.body.markup);
    expect(d).toHaveLength(4);
    expect(d.filter((p) => p.split('M').length - 1 === 1 && !p.includes('L'))).toHaveLength(1);
    expect(f.sources).toBe(line.sources);
    expect(f.url).toBe(url);
  });
  it('has no note when nothing is cut, and reads in Chinese with the place first', () => {
    setLang('zh');
    const f = rtFigure({ place: '德国', metric: 'confirmed', rows: rows.slice(1), yMax: 4, line, url });
    expect(f.note).toBeUndefined();
    expect(plainText(f.title).startsWith('德国：有效再生数 Rt')).toBe(true);
    expect(layoutFigure(f).svg).toContain('CC BY 4.0');
  });
});

describe('forecastFigure', () => {
  it('draws each weekly series that has values and names the target', () => {
    const weeks = ['2020-11-07', '2020-11-14', '2020-11-21'].map((week, i) => ({ week, observed: 100 + i, forecast: i ? 90 + i : null, fanMedian: null, fanLower95: null, fanUpper95: null }));
    const f = forecastFigure({ place: 'Germany', target: 'death', weeks, line, url });
    expect(plainText(f.title)).toBe('Weekly deaths, forecasts against what happened: Germany');
    expect(paths(f.body.markup)).toHaveLength(2);
    expect(f.legend.map((l) => l.kind)).toEqual(['line', 'dash', 'line', 'dash']);
  });
});

describe('compareFigure', () => {
  it('ends on the last day of the longest series and lists each source as data in its colour', () => {
    const f = compareFigure({ place: 'Germany', metric: 'confirmed', start: '2020-03-30', sources: [{ source: 'jhu-global', values: [1, 2, 3] }, { source: 'who', values: [1, null] }], colours: ['#a', '#b'], line, url });
    expect(plainText(f.subtitle)).toBe('30 Mar 2020 to 1 Apr 2020');
    expect(f.legend).toEqual([{ label: 'jhu-global', colour: '#a', kind: 'line', data: true }, { label: 'who', colour: '#b', kind: 'line', data: true }]);
    expect(paths(f.body.markup)).toHaveLength(2);
  });
});
