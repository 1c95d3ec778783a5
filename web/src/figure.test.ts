import { afterEach, describe, expect, it } from 'vitest';
import { distinctSources, escapeXml, FIGURE_WIDTH, latestRetrieval, layoutFigure, seriesSourceIds, textWidth, tRuns, wrapRuns, type FigureInput, type FigureSource } from './figure';
import { BRIDGED_DAYS, dateTicks, linePlot, logTicks, mapPlot } from './figure-plot';
import { setLang } from './i18n';

const JHU: FigureSource = { id: 'jhu-global', title: 'JHU CSSE COVID-19 Data', license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', spdx: 'CC-BY-4.0' } };
const WHO: FigureSource = { id: 'who', title: 'WHO COVID-19 <Global> & "data"', license: { name: 'CC BY-NC-SA 3.0 IGO', url: 'https://example.org' } };

/** The visible text of an SVG group (tags dropped, entities read back), by its class. */
function textOf(svg: string, cls: string): string {
  const m = new RegExp(`<g class="${cls}"[^>]*>(.*?)</g>`).exec(svg);
  if (!m) return '';
  return m[1]
    .replace(/<\/text><text[^>]*>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
const count = (text: string, part: string) => text.split(part).length - 1;

function input(over: Partial<FigureInput> = {}): FigureInput {
  return {
    title: tRuns('story.title.chart', { measure: 'new per day' }, { metric: [{ text: 'Confirmed cases' }], places: 'United States and Hubei' }),
    subtitle: [{ text: '1 Mar 2020 to 1 Mar 2021' }],
    body: linePlot({ start: '2020-03-01', from: '2020-03-01', to: '2020-03-10', log: false, yFormat: String, xFormat: (d) => d, series: [{ values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], colour: '#4e79a7' }] }),
    legend: [{ label: 'United States', colour: '#4e79a7', kind: 'line', data: true }],
    sources: distinctSources(['jhu-global', 'who', 'jhu-global', null, 'who'], [JHU, WHO]),
    retrieved: '2026-12-06T21:30:00.000Z',
    url: 'https://glacier.example/?tab=chart&loc=US,CN_HB&lang=en',
    ...over,
  };
}

describe('publication figure', () => {
  afterEach(() => setLang('en'));

  it('lays out title, subtitle, the figure, legend and a source line naming each source once with its licence', () => {
    setLang('en');
    const { svg, width, height } = layoutFigure(input());
    expect(width).toBe(FIGURE_WIDTH);
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg"[^>]* width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`));
    expect(textOf(svg, 'figure-title')).toBe('Confirmed cases, new per day: United States and Hubei');
    expect(textOf(svg, 'figure-subtitle')).toBe('1 Mar 2020 to 1 Mar 2021');
    const line = textOf(svg, 'figure-sources');
    expect(line.startsWith('Sources: ')).toBe(true);
    for (const s of [JHU, WHO]) expect(count(line, `${s.title} (${s.license.name})`), s.id).toBe(1);
    expect(count(line, JHU.title)).toBe(1);
    const credit = textOf(svg, 'figure-credit');
    expect(credit).toContain('Data retrieved 6 Dec 2026');
    expect(credit).toContain('Glacier');
    expect(credit).toContain('https://glacier.example/?tab=chart&loc=US,CN_HB&lang=en');
    expect(svg).toContain('data-retrieved="2026-12-06T21:30:00.000Z"');
    // One source: the singular; none: said, not left blank.
    expect(textOf(layoutFigure(input({ sources: [JHU] })).svg, 'figure-sources')).toMatch(/^Source: JHU/);
    expect(textOf(layoutFigure(input({ sources: [], retrieved: null })).svg, 'figure-sources')).toBe('No source supplied a value shown.');
  });

  it('escapes text and marks data (places, sources, licences, the URL) translate="no"', () => {
    setLang('en');
    const { svg } = layoutFigure(input({ url: 'https://x.example/?a=1&b=<2>' }));
    expect(svg).toContain('WHO COVID-19 &lt;Global&gt; &amp; &quot;data&quot;');
    expect(svg).not.toContain('<Global>');
    expect(svg).toContain('<tspan translate="no">https://x.example/?a=1&amp;b=&lt;2&gt;</tspan>');
    expect(svg).toContain('<tspan translate="no">United States and Hubei</tspan>');
    expect(svg).toContain('<tspan translate="no">CC BY 4.0</tspan>');
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&#39;');
    // Well-formed: every element closed (a crude check: as many <text> as </text>).
    expect(count(svg, '<text ')).toBe(count(svg, '</text>'));
  });

  it('in Chinese: Chinese text, dates and punctuation, a CJK font first', () => {
    setLang('zh');
    const { svg } = layoutFigure(input({
      title: tRuns('story.title.chart', { measure: '每日新增' }, { metric: [{ text: '确诊病例' }], places: '美国和湖北' }),
    }));
    expect(svg).toMatch(/font-family="&#39;Noto Sans CJK SC&#39;/);
    expect(svg).toContain('xml:lang="zh-CN"');
    expect(textOf(svg, 'figure-title').replace(/\s/g, '')).toBe('美国和湖北：确诊病例，每日新增');
    const line = textOf(svg, 'figure-sources');
    expect(line.startsWith('来源：')).toBe(true);
    expect(count(line, `${JHU.title}（CC BY 4.0）`)).toBe(1);
    expect(line).toContain('；');
    expect(textOf(svg, 'figure-credit')).toContain('数据获取于 2026年12月6日');
  });

  it('wraps long text within the width, Chinese between characters', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Place${i}`).join(' ');
    const lines = wrapRuns([{ text: long, data: true }], 400, 15);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(textWidth(line.map((r) => r.text).join('').trimEnd(), 15)).toBeLessThanOrEqual(400);
    expect(lines.flat().map((r) => r.text).join('')).toBe(long);
    const zh = wrapRuns([{ text: '中'.repeat(60) }], 300, 15);
    expect(zh.length).toBe(Math.ceil(60 / 20));
    expect(zh.every((l) => l.every((r) => !r.data))).toBe(true);
  });

  it('dates the retrieval by the newest successful run of the sources shown', () => {
    expect(latestRetrieval([{ last_success: { started_at: '2026-01-01T00:00:00Z', finished_at: '2026-01-01T00:10:00Z' } }, { last_success: null }, { last_success: { started_at: '2026-02-01T00:00:00Z', finished_at: null } }])).toBe('2026-02-01T00:00:00Z');
    expect(latestRetrieval([{ last_success: null }])).toBeNull();
  });

  it('takes a chart’s sources from the runs that overlap the days shown', () => {
    const series = [
      { sources: [{ from: '2020-01-22', to: '2020-06-30', source: 'jhu-global' }, { from: '2020-07-01', to: '2021-03-01', source: 'who' }] },
      { sources: [{ from: '2020-03-01', to: '2020-03-31', source: 'jhu-us' }] },
    ];
    expect(seriesSourceIds(series, '2020-08-01', '2020-12-31')).toEqual(['who']);
    expect(seriesSourceIds(series, '2020-03-15', '2020-07-01')).toEqual(['jhu-global', 'who', 'jhu-us']);
  });
});

describe('figure plots', () => {
  const pathsOf = (markup: string) => [...markup.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]);

  it('draws each series as a line, bridging short runs of missing days and breaking at long ones', () => {
    const values = [1, null, 3, ...Array(BRIDGED_DAYS + 1).fill(null), 5, 6];
    const { markup } = linePlot({ start: '2020-01-01', from: '2020-01-01', to: '2020-01-20', log: false, yFormat: String, xFormat: (d) => d, series: [{ values, colour: '#f00' }] });
    const [d] = pathsOf(markup);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(2);
  });

  it('marks flagged days with a triangle on the value, none on a day without one or outside the days shown', () => {
    const plot = (flags: { series: number; date: string }[]) => linePlot({ start: '2020-01-01', from: '2020-01-02', to: '2020-01-04', log: false, yFormat: String, xFormat: (d) => d, series: [{ values: [1, 2, null, 4], colour: '#f00' }], flags }).markup;
    const triangles = (m: string) => (/<path class="flags" fill="#c00" d="([^"]+)"/.exec(m)?.[1].match(/Z/g) ?? []).length;
    expect(triangles(plot([{ series: 0, date: '2020-01-02' }, { series: 0, date: '2020-01-04' }]))).toBe(2);
    expect(triangles(plot([{ series: 0, date: '2020-01-03' }, { series: 0, date: '2020-01-01' }, { series: 1, date: '2020-01-02' }]))).toBe(0);
  });

  it('takes the linear axis below 0 when values are negative', () => {
    const labels: number[] = [];
    linePlot({ start: '2020-01-01', from: '2020-01-01', to: '2020-01-03', log: false, yFormat: (v) => (labels.push(v), String(v)), xFormat: (d) => d, series: [{ values: [-120, 30, 480], colour: '#f00' }] });
    expect(labels).toEqual([-200, 0, 200, 400, 600]);
    labels.length = 0;
    linePlot({ start: '2020-01-01', from: '2020-01-01', to: '2020-01-02', log: false, yFormat: (v) => (labels.push(v), String(v)), xFormat: (d) => d, series: [{ values: [3, 7], colour: '#f00' }] });
    expect(labels).toEqual([0, 2, 4, 6, 8]);
  });

  it('uses powers of ten on a log axis and leaves out values ≤ 0', () => {
    expect(logTicks(3, 4200)).toEqual([1, 10, 100, 1000, 10000]);
    const labels: number[] = [];
    const { markup } = linePlot({ start: '2020-01-01', from: '2020-01-01', to: '2020-01-03', log: true, yFormat: (v) => (labels.push(v), String(v)), xFormat: (d) => d, series: [{ values: [0, 10, 1000], colour: '#f00' }] });
    expect(labels).toEqual([10, 100, 1000]);
    expect(pathsOf(markup)[0].match(/[ML]/g)).toEqual(['M', 'L']);
  });

  it('puts date ticks on month starts (or weekly for short ranges)', () => {
    expect(dateTicks('2020-03-01', '2021-03-01')).toEqual(['2020-03-01', '2020-05-01', '2020-07-01', '2020-09-01', '2020-11-01', '2021-01-01', '2021-03-01']);
    expect(dateTicks('2020-01-22', '2023-03-09')).toEqual(['2020-07-01', '2021-01-01', '2021-07-01', '2022-01-01', '2022-07-01', '2023-01-01']);
    expect(dateTicks('2020-03-01', '2020-03-20')).toEqual(['2020-03-01', '2020-03-08', '2020-03-15']);
  });

  it('draws a map as one path per colour, escaping attribute values', () => {
    const { markup, viewBox } = mapPlot({ viewBox: [0, 0, 975, 610], borders: 'M0,0L1,1', regions: [{ d: 'M1,1L2,2Z', fill: '#fff' }, { d: 'M3,3L4,4Z', fill: 'rgb(1, 2, 3)' }, { d: 'M5,5Z', fill: '#fff' }] });
    expect(viewBox).toEqual([0, 0, 975, 610]);
    expect(markup).toContain('<path fill="#fff" d="M1,1L2,2ZM5,5Z"/>');
    expect(markup).toContain('<path fill="rgb(1, 2, 3)" d="M3,3L4,4Z"/>');
    expect(markup).toContain('stroke="#fff"');
  });
});
