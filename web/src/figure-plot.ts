/**
 * The drawn part of a publication figure as SVG markup (figure.ts lays it out with its title,
 * legend and source line). The dashboard's chart is a uPlot canvas, so the figure draws the same
 * values again as vector lines; the map's paths are taken as drawn, one path per colour. Pure.
 */
import type { FigureBody } from './figure';
import { escapeXml } from './figure';
import { dayNumber, linear, ticks } from './research2';

/** Short runs of missing days (weekends, weekly reports) are bridged, long ones break the line: as the chart does (chart.ts MAX_BRIDGED_DAYS). */
export const BRIDGED_DAYS = 14;
export const PLOT_W = 912;
export const PLOT_H = 430;
const M = { top: 12, right: 18, bottom: 30, left: 70 };

export interface PlotSeries {
  /** One value per day from the plot's `start`; null: no value that day. */
  values: (number | null)[];
  colour: string;
  dashed?: boolean;
}

const isoOfDay = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Ticks of a log axis: the powers of ten from below the smallest value to above the largest. */
export function logTicks(min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
  return Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
}

/**
 * Days for the x ticks: the first of a month, every 1, 2, 3, 6 or 12 months so that at most 7
 * fit; a range of under two months gets weekly ticks from its first day.
 */
export function dateTicks(from: string, to: string): string[] {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b - a < 62) {
    const step = Math.max(1, Math.ceil((b - a) / 6 / 7)) * 7;
    return Array.from({ length: Math.floor((b - a) / step) + 1 }, (_, i) => isoOfDay(a + i * step));
  }
  const months = (b - a) / 30.44;
  const step = [1, 2, 3, 6, 12, 24].find((s) => months / s <= 7) ?? 48;
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7)) - 1;
  if (Number(from.slice(8, 10)) > 1) m++;
  // Ticks at months divisible by the step (January, April, July, October for 3), so they read as a calendar.
  while (m % step !== 0) m++;
  for (;;) {
    y += Math.floor(m / 12);
    m %= 12;
    const iso = `${y}-${String(m + 1).padStart(2, '0')}-01`;
    if (iso > to) return out;
    out.push(iso);
    m += step;
  }
}

/**
 * A line chart of the days `from`–`to`: y from 0 (linear) or powers of ten (log; values ≤ 0 are
 * gaps, as on the dashboard's log axis), grid lines, y labels by `yFormat`, x labels by `xFormat`.
 */
export function linePlot(o: { start: string; from: string; to: string; series: PlotSeries[]; log: boolean; yFormat: (v: number) => string; xFormat: (iso: string) => string; flags?: { series: number; date: string }[] }): FigureBody {
  const s0 = dayNumber(o.start);
  const a = dayNumber(o.from);
  const b = Math.max(a + 1, dayNumber(o.to));
  const shown = (ser: PlotSeries) => ser.values.slice(Math.max(0, a - s0), Math.max(0, b - s0 + 1)).filter((v): v is number => v !== null && Number.isFinite(v) && (!o.log || v > 0));
  const all = o.series.flatMap(shown);
  const x = linear(a, b, M.left, PLOT_W - M.right);
  let y: (v: number) => number;
  let yTicks: number[];
  if (o.log) {
    yTicks = all.length ? logTicks(Math.min(...all), Math.max(...all)) : [1, 10];
    const ly = linear(Math.log10(yTicks[0]), Math.log10(yTicks[yTicks.length - 1]), PLOT_H - M.bottom, M.top);
    y = (v) => ly(Math.log10(v));
  } else {
    // From 0, or below it when values are negative (a source's corrections on the daily measure).
    const lo = Math.min(0, ...all);
    const hi = Math.max(0, ...all);
    const span = ticks(hi - lo);
    const step = span.length > 1 ? span[1] - span[0] : 1;
    yTicks = [];
    for (let k = Math.floor(lo / step); ; k++) {
      yTicks.push(k * step);
      if (k * step >= hi - step * 1e-9) break;
    }
    y = linear(yTicks[0], yTicks[yTicks.length - 1] || 1, PLOT_H - M.bottom, M.top);
  }
  const parts: string[] = ['<g class="axes" font-size="12" fill="#555">'];
  for (const v of yTicks) {
    parts.push(`<line x1="${M.left}" x2="${PLOT_W - M.right}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="${v === 0 && !o.log ? '#999' : '#e3e3e3'}" stroke-width="1"/>`);
    parts.push(`<text x="${M.left - 8}" y="${r1(y(v) + 4)}" text-anchor="end">${escapeXml(o.yFormat(v))}</text>`);
  }
  for (const iso of dateTicks(o.from, o.to)) {
    const px = r1(x(dayNumber(iso)));
    parts.push(`<line x1="${px}" x2="${px}" y1="${PLOT_H - M.bottom}" y2="${PLOT_H - M.bottom + 5}" stroke="#999"/>`);
    // Labels at the ends of the axis stay inside the figure.
    const anchor = px > PLOT_W - M.right - 36 ? 'end' : px < M.left + 36 ? 'start' : 'middle';
    parts.push(`<text x="${px}" y="${PLOT_H - 8}" text-anchor="${anchor}">${escapeXml(o.xFormat(iso))}</text>`);
  }
  parts.push('</g>');
  parts.push(`<clipPath id="plot-area"><rect x="${M.left}" y="0" width="${PLOT_W - M.left - M.right}" height="${PLOT_H}"/></clipPath>`);
  parts.push('<g class="lines" fill="none" stroke-linejoin="round" stroke-linecap="round" clip-path="url(#plot-area)">');
  // Later series (the "as of" ones, dashed) first, so the latest lines are drawn on top.
  for (const ser of [...o.series].reverse()) {
    let d = '';
    let pen = false;
    let missing = 0;
    for (let day = a; day <= b; day++) {
      const v = ser.values[day - s0];
      if (v === null || v === undefined || !Number.isFinite(v) || (o.log && v <= 0)) {
        if (++missing > BRIDGED_DAYS) pen = false;
        continue;
      }
      missing = 0;
      d += `${pen ? 'L' : 'M'}${r1(x(day))},${r1(y(v))}`;
      pen = true;
    }
    if (d) parts.push(`<path d="${d}" stroke="${escapeXml(ser.colour)}" stroke-width="${ser.dashed ? 1.75 : 2.25}"${ser.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
  }
  parts.push('</g>');
  // Anomaly flags: red triangles on the flagged days' values, as on the chart (none where the day has no value).
  const marks = (o.flags ?? []).flatMap((f) => {
    const day = dayNumber(f.date);
    const v = o.series[f.series]?.values[day - s0];
    if (day < a || day > b || v === null || v === undefined || !Number.isFinite(v) || (o.log && v <= 0)) return [];
    const px = r1(x(day));
    const py = r1(y(v));
    return [`M${px},${r1(py - 8)}L${r1(px - 5)},${r1(py - 1)}L${r1(px + 5)},${r1(py - 1)}Z`];
  });
  if (marks.length) parts.push(`<path class="flags" fill="#c00" d="${marks.join('')}"/>`);
  return { viewBox: [0, 0, PLOT_W, PLOT_H], markup: parts.join('') };
}

/**
 * A map as drawn: its regions grouped by fill (one path per colour: thousands of county shapes
 * stay a small file) and the borders between them.
 */
export function mapPlot(o: { viewBox: [number, number, number, number]; regions: { d: string; fill: string }[]; borders: string }): FigureBody {
  const byFill = new Map<string, string[]>();
  for (const r of o.regions) {
    if (!r.d) continue;
    const list = byFill.get(r.fill) ?? [];
    list.push(r.d);
    byFill.set(r.fill, list);
  }
  const paths = [...byFill].map(([fill, ds]) => `<path fill="${escapeXml(fill)}" d="${escapeXml(ds.join(''))}"/>`);
  const borders = o.borders ? `<path d="${escapeXml(o.borders)}" fill="none" stroke="#fff" stroke-width="0.6" vector-effect="non-scaling-stroke"/>` : '';
  return { viewBox: o.viewBox, markup: `<g class="regions">${paths.join('')}</g>${borders}` };
}
