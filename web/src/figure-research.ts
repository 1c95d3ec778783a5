/**
 * Publication figures of the research pages' SVG charts (Cases, and later Imaging, Sequences,
 * Literature, Chatter). The charts are already drawn as SVG; the figure's body is that drawing
 * serialised (its <title>/<desc> dropped: the figure's title says it), with the page
 * stylesheet's few rules for it inlined (a downloaded SVG has no stylesheet). The layout is figure.ts's;
 * the source line and retrieval date views/figure-button.ts's sourceLine, as for the explorer. Pure (strings in, strings out):
 * unit-tested in figure-research.test.ts.
 */
import type { FigureBody } from './figure';

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

/** The imaging bar charts' rules (.bar-chart …). */
export const BAR_CHART_STYLE = [
  'rect{fill:#4e79a7}',
  '.bar-label{font-size:12px;fill:#111}',
  '.bar-value{font-size:12px;fill:#555;font-variant-numeric:tabular-nums}',
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

/**
 * The sources the Sequences, Literature and Chatter charts' rows come from: their API answers do
 * not name a source per row, and each has its own connectors (src/sources/research-registry.ts;
 * figure-research.test.ts checks these against it).
 */
export const SEQUENCE_SOURCES = ['nextstrain-ncov'] as const;
export const LITERATURE_SOURCES = ['cord19', 'preprints'] as const;
export const CHATTER_SOURCES = ['twitter-chatter'] as const;
