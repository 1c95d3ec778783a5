import { currentLocale } from '../i18n';
import { dayNumber, linear, ticks } from '../research2';

/** SVG built as DOM nodes (text set with textContent): no markup string ever holds API text. */
const NS = 'http://www.w3.org/2000/svg';
type SvgAttrs = Record<string, string | number | null | undefined>;

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: SvgAttrs = {}, ...children: (Node | string | null | undefined)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

const shortFormats = new Map<string, Intl.DateTimeFormat>();
/** A day without its year, for axis ticks: "1 Mar" / "3月1日" (Intl, the reader's locale; UTC so no time zone shifts it). */
export function shortDate(iso: string): string {
  const locale = currentLocale();
  let f = shortFormats.get(locale);
  if (!f) shortFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })));
  return f.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

export const W = 640;
export const M = { top: 10, right: 14, bottom: 24, left: 66 };

export interface TimeFrame {
  x: (iso: string) => number;
  y: (v: number) => number;
  svg: SVGSVGElement;
  plot: SVGGElement;
}

/**
 * An accessible chart on a time axis: a title and description for screen readers, y ticks with
 * grid lines, about six dated x ticks. Width follows the page (viewBox); nothing scrolls sideways.
 */
export function timeFrame(o: { id: string; title: string; desc: string; from: string; to: string; yMax: number; height: number; yFormat: (v: number) => string; yTicks?: number[] }): TimeFrame {
  const x0 = dayNumber(o.from);
  const x1 = dayNumber(o.to);
  const sx = linear(x0, x1, M.left, W - M.right);
  const yt = o.yTicks ?? ticks(o.yMax);
  const top = yt[yt.length - 1] || 1;
  const y = linear(0, top, o.height - M.bottom, M.top);
  const x = (iso: string) => sx(dayNumber(iso));
  const svg = s('svg', { role: 'img', 'aria-labelledby': `${o.id}-t ${o.id}-d`, viewBox: `0 0 ${W} ${o.height}`, width: '100%', preserveAspectRatio: 'xMidYMid meet', class: 'time-chart' },
    s('title', { id: `${o.id}-t` }, o.title), s('desc', { id: `${o.id}-d` }, o.desc));
  const axes = s('g', { class: 'axes', 'aria-hidden': 'true' });
  for (const v of yt) {
    axes.append(s('line', { class: 'grid', x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }), s('text', { class: 'tick', x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, o.yFormat(v)));
  }
  const n = Math.max(1, Math.min(6, Math.round(x1 - x0)));
  for (let i = 0; i <= n; i++) {
    const day = x0 + Math.round(((x1 - x0) * i) / n);
    const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    axes.append(s('text', { class: 'tick', x: sx(day), y: o.height - 6, 'text-anchor': i === 0 ? 'start' : i === n ? 'end' : 'middle' }, x1 - x0 > 400 ? iso.slice(0, 4) : shortDate(iso)));
  }
  const plot = s('g', { class: 'plot' });
  svg.append(axes, plot);
  return { x, y, svg, plot };
}

/** The colours of categories (Tableau 10; text always says which is which too). */
export const CATEGORY = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
export const UNASSIGNED = '#d0d0d0';
