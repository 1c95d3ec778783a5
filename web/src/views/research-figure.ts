/**
 * "⬇ SVG" / "⬇ PNG" under a research page's drawn SVG chart (Cases, Imaging, …): the chart as a
 * publication figure (figure.ts) whose body is the drawing itself (figure-research.ts), titled by
 * the chart's caption, its source line the sources its rows come from (views/figure-button.ts).
 */
import type { LegendItem, Run } from '../figure';
import { chartBody } from '../figure-research';
import { figureButtons, pageUrl, sourceLine } from './figure-button';

/** The width a chart drawn in percentages of the page is laid out at in its figure. */
export const FIGURE_CHART_WIDTH = 640;

export interface ChartDownloads {
  /** The CSS the chart's classes need (figure-research.ts: CASE_CHART_STYLE, …). */
  style: string;
  /** The ids (/v1/sources) of the sources the chart's rows come from. */
  sources: () => Iterable<string>;
  subtitle: () => Run[];
  legend?: () => LegendItem[];
  /** The file name without extension. */
  name: () => string;
}

/** Adds the buttons to `fig` (a <figure> holding an `svg[role=img]`), before its table if it has one; returns `fig`. */
export function withChartDownloads(fig: HTMLElement, o: ChartDownloads): HTMLElement {
  const make = async () => {
    const svg = fig.querySelector<SVGSVGElement>('svg[role="img"]')!;
    const inner = [...svg.childNodes].map((n) => new XMLSerializer().serializeToString(n)).join('');
    const vb = svg.viewBox?.baseVal;
    const [w, hgt] = vb && vb.width > 0 ? [vb.width, vb.height] : [FIGURE_CHART_WIDTH, Number(svg.getAttribute('height')) || 240];
    const title = fig.querySelector('figcaption')?.textContent ?? svg.querySelector('title')?.textContent ?? '';
    return {
      title: [{ text: title }], subtitle: o.subtitle(), body: chartBody(inner, w, hgt, o.style),
      legend: o.legend?.() ?? [], ...(await sourceLine(o.sources())), url: pageUrl(),
    };
  };
  const buttons = figureButtons(`${fig.id}-figure`, make, o.name);
  const table = fig.querySelector(':scope > details');
  if (table) table.before(buttons);
  else fig.append(buttons);
  return fig;
}
