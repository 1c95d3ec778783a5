/**
 * Publication figures of the research pages' SVG charts (Cases, and later Imaging, Sequences,
 * Literature, Chatter). The charts are already drawn as SVG; the figure's body is that drawing
 * serialised (its <title>/<desc> dropped: the figure's title says it), with the page
 * stylesheet's few rules for it inlined (a downloaded SVG has no stylesheet). The layout, source
 * line and retrieval date are figure.ts's, as for the explorer. Pure (strings in, strings out):
 * unit-tested in figure-research.test.ts.
 */
import { distinctSources, latestRetrieval, type FigureBody, type FigureSource } from './figure';

/** The case charts' rules from styles.css (.case-chart …), for a figure that has no stylesheet. */
export const CASE_CHART_STYLE = [
  'text{font-size:11px;fill:#111}',
  '.tick,.value{fill:#555;font-variant-numeric:tabular-nums}',
  '.side{font-weight:600}',
  '.grid{stroke:#e3e3e3;stroke-width:1}',
  'rect.male{fill:#3b6ea5}',
  'rect.female{fill:#b5523b}',
  'rect.bin{fill:#9db7d5}',
  '.series,.curve{fill:none;stroke-width:2;stroke-linejoin:round}',
  '.series.onset{stroke:#0b5cad}',
  '.series.confirmation{stroke:#a33a00;stroke-dasharray:5 3}',
].join('');

/** The time charts' rules (views/svg.ts timeFrame: Imaging, Sequences, Literature, Chatter). */
export const TIME_CHART_STYLE = [
  '.grid{stroke:#e3e3e3}',
  '.tick{font-size:11px;fill:#555;font-variant-numeric:tabular-nums}',
  '.bar{fill:#4e79a7}',
  '.series,.term-line{fill:none;stroke-width:2;stroke-linejoin:round}',
  '.series.cases{stroke:#e15759}',
  '.band{stroke:#fff;stroke-width:0.5}',
].join('');

/** A chart's inner markup without its accessible <title> and <desc> (the figure's title replaces them). */
export function withoutTitles(markup: string): string {
  return markup.replace(/<title\b[^>]*>[\s\S]*?<\/title>/g, '').replace(/<desc\b[^>]*>[\s\S]*?<\/desc>/g, '');
}

/**
 * The figure's body from a drawn chart: `inner` is the chart <svg>'s children serialised (XML),
 * `width`×`height` the chart's own coordinates (its viewBox; for a chart drawn in percentages of
 * the page's width, the width it is laid out for: percentages then resolve against it), `style`
 * the CSS its classes need. Styles are scoped under a class of the body's own.
 */
export function chartBody(inner: string, width: number, height: number, style: string): FigureBody {
  if (!(width > 0) || !(height > 0)) throw new Error(`a chart needs a positive size, not ${width}×${height}`);
  const scoped = style.replace(/(^|\})([^{}]+)\{/g, (_m, end: string, sel: string) => `${end}${sel.split(',').map((x) => `.research-figure ${x.trim()}`).join(',')}{`);
  return { viewBox: [0, 0, width, height], markup: `<g class="research-figure"><style>${scoped}</style>${withoutTitles(inner)}</g>` };
}

/** A source as /v1/sources gives it (what the source line and the retrieval date need). */
export interface ApiSource {
  id: string;
  title: string;
  license: { name: string; url: string; spdx?: string | null };
  last_success: { started_at: string; finished_at: string | null } | null;
}

/**
 * The source line of a research chart: the sources its rows come from (ids, each once, in order),
 * with their licences, and the newest successful retrieval among them (null: the API gives none;
 * the figure then says the date is unknown).
 */
export function researchSourceLine(ids: readonly string[], all: readonly ApiSource[]): { sources: FigureSource[]; retrieved: string | null } {
  const known = all.map((s): FigureSource => ({ id: s.id, title: s.title, license: { name: s.license.name, url: s.license.url, ...(s.license.spdx ? { spdx: s.license.spdx } : {}) } }));
  const sources = distinctSources(ids, known);
  const runs = new Map(all.map((s) => [s.id, s.last_success]));
  return { sources, retrieved: latestRetrieval(sources.map((s) => ({ last_success: runs.get(s.id) ?? null }))) };
}

/** A file name from the chart's id and the filters (letters, digits and dashes only). */
export function figureName(chart: string, parts: readonly (string | null | undefined)[] = []): string {
  return ['glacier', chart, ...parts].filter((p): p is string => !!p).join('-').replace(/[^A-Za-z0-9_-]+/g, '_');
}
