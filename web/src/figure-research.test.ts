import { afterEach, describe, expect, it } from 'vitest';
import { CHATTER_CONNECTORS, LITERATURE_CONNECTORS, SEQUENCE_CONNECTORS } from '../../src/sources/research-registry';
import { CASE_CHART_STYLE, chartBody, CHATTER_SOURCES, LITERATURE_SOURCES, SEQUENCE_SOURCES, withoutTitles } from './figure-research';
import { distinctSources, latestRetrieval, layoutFigure, type FigureSource } from './figure';
import { setLang, t } from './i18n';

/** A drawn case chart as views/cases.ts serialises it: accessible title and description, percent x, classes styled by the page. */
const CHART =
  '<title id="by-day-t">Cases per day</title><desc id="by-day-d">From 1 Jan to <2 Feb></desc>' +
  '<line class="grid" x1="9%" x2="98%" y1="10" y2="10"></line><text class="tick" x="9%" y="14">10</text>' +
  '<svg class="plot" x="9%" y="10" width="89%" height="190" viewBox="0 0 3 10" preserveAspectRatio="none"><polyline class="series onset" points="0.5,1 1.5,4 2.5,9"></polyline></svg>';

type ApiSource = FigureSource & { last_success: { started_at: string; finished_at: string | null } | null };
/** What views/figure-button.ts's sourceLine makes of /v1/sources (without the fetch). */
const researchSourceLine = (ids: string[], all: ApiSource[]) => {
  const sources = distinctSources(ids, all);
  return { sources, retrieved: latestRetrieval(sources.map((s) => all.find((x) => x.id === s.id)!)) };
};
const OPEN: ApiSource = { id: 'linelist-open', title: 'Open COVID-19 line list', license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', spdx: 'CC-BY-4.0' }, last_success: { started_at: '2026-12-01T10:00:00Z', finished_at: '2026-12-01T10:05:00Z' } };
const NEVER: ApiSource = { id: 'never-run', title: 'Never retrieved', license: { name: 'ODbL', url: 'https://example.org' }, last_success: null };

describe('research figures', () => {
  afterEach(() => setLang('en'));

  it('drops the chart\'s accessible title and description and keeps the drawing', () => {
    const out = withoutTitles(CHART);
    expect(out).not.toMatch(/<title|<desc|Cases per day|2 Feb/);
    expect(out).toContain('<polyline class="series onset"');
    expect(out).toContain('<text class="tick" x="9%" y="14">10</text>');
  });

  it('makes a body in the chart\'s own coordinates, its classes styled under the body\'s scope', () => {
    const body = chartBody(CHART, 640, 224, CASE_CHART_STYLE);
    expect(body.viewBox).toEqual([0, 0, 640, 224]);
    expect(body.markup.startsWith('<g class="research-figure"><style>')).toBe(true);
    // Every rule is scoped (a downloaded figure's styles must not reach its title or footer).
    const css = /<style>(.*)<\/style>/.exec(body.markup)![1];
    const selectorsOf = (text: string) => [...text.matchAll(/(?:^|\})([^{}]+)\{/g)].flatMap((m) => m[1].split(','));
    const selectors = selectorsOf(css);
    expect(selectors.map((s) => s.replace('.research-figure ', ''))).toEqual(selectorsOf(CASE_CHART_STYLE));
    expect(selectors.every((s) => s.startsWith('.research-figure '))).toBe(true);
    expect(css).toContain('.research-figure .series.onset{stroke:#0b5cad}');
    expect(() => chartBody(CHART, 0, 224, '')).toThrow(/positive size/);
  });

  it('lays the chart out as a figure with its title, source line and retrieval date, in English and Chinese', () => {
    for (const lang of ['en', 'zh'] as const) {
      setLang(lang);
      const line = researchSourceLine(['linelist-open'], [OPEN]);
      const { svg } = layoutFigure({ title: [{ text: 'Cases per day' }], subtitle: [{ text: 'sub' }], body: chartBody(CHART, 640, 224, CASE_CHART_STYLE), legend: [], ...line, url: 'https://glacier.example/?tab=cases' });
      expect(svg).toContain('<svg class="figure-body"');
      expect(svg).toContain('viewBox="0 0 640 224"');
      expect(svg).toContain('<polyline class="series onset"');
      expect(svg).toContain('<tspan translate="no">Open COVID-19 line list</tspan>');
      expect(svg).toContain('<tspan translate="no">CC BY 4.0</tspan>');
      expect(svg).toContain(`data-retrieved="${OPEN.last_success!.finished_at}"`);
      const unknown = layoutFigure({ title: [{ text: 'x' }], subtitle: [], body: chartBody(CHART, 640, 224, ''), legend: [], ...researchSourceLine(['never-run'], [NEVER]), url: 'u' }).svg;
      expect(unknown).toContain(t('story.figure.retrievedUnknown'));
    }
  });

  it('names as the research charts\' sources the connectors that ingest their rows', () => {
    expect([...SEQUENCE_SOURCES]).toEqual(SEQUENCE_CONNECTORS.map((c) => c.manifest.id));
    expect([...LITERATURE_SOURCES]).toEqual(LITERATURE_CONNECTORS.map((c) => c.manifest.id));
    expect([...CHATTER_SOURCES]).toEqual(CHATTER_CONNECTORS.map((c) => c.manifest.id));
  });
});
