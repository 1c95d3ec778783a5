import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { getJson, type ApiJson } from '../api';
import { h, message } from '../dom';
import { dayOf, formatCompact, formatDate, formatValue, isoOf } from '../format';
import { currentLang, currentLocale, t } from '../i18n';
import { forLogScale } from '../scales';
import { errorText, markOnce, testHooks } from '../shared';
import { transformOf, type ViewState } from '../state';
import type { Store } from '../store';
import { flagReason } from './anomalies';
import { apiError } from './api-error';
import { placeNameOf } from './place-label';
import { data, metricTitle, tNodes } from './i18n-dom';

type SeriesJson = ApiJson<'/v1/series'>['series'][number];
type Flag = SeriesJson['flags'][number];

/** Tableau 10: distinguishable lines for up to ten locations. */
export const LINE_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const DAY_S = 86_400;

/** Aligns series with different start days on one day axis (seconds, as uPlot's time scale wants). */
export function alignSeries(series: { start: string | null; values: (number | null)[] }[]): { x: number[]; ys: (number | null)[][] } {
  const spans = series.filter((s) => s.start && s.values.length).map((s) => [dayOf(s.start!), dayOf(s.start!) + s.values.length - 1]);
  if (spans.length === 0) return { x: [], ys: series.map(() => []) };
  const first = Math.min(...spans.map((s) => s[0]));
  const last = Math.max(...spans.map((s) => s[1]));
  const x = Array.from({ length: last - first + 1 }, (_, i) => (first + i) * DAY_S);
  const ys = series.map((s) => {
    const out: (number | null)[] = new Array(x.length).fill(null);
    if (s.start) s.values.forEach((v, i) => (out[dayOf(s.start!) - first + i] = v));
    return out;
  });
  return { x, ys };
}

/** The chart tab: up to ten locations over time, log or linear, with anomaly markers and an "as of" overlay. */
export class ChartView {
  readonly el = h('section', { class: 'chart-view', 'aria-label': t('explorer.tab.chart') });
  private readonly plotBox = h('div', { class: 'chart-frame' });
  private readonly caption = h('p', { class: 'anomaly-caption', 'aria-live': 'polite' });
  private readonly list = h('details', { class: 'anomaly-list' });
  private plot: uPlot | null = null;
  private codes: Record<string, string> = {};
  /** What is drawn (figure-tools.ts makes the publication figure of it); null: nothing. */
  shown: { s: ViewState; x: number[]; ys: (number | null)[][]; series: SeriesJson[] } | null = null;

  constructor(private readonly store: Store) {
    this.el.append(this.plotBox, this.caption, this.list);
    new ResizeObserver(() => this.plot?.setSize(this.size())).observe(this.plotBox);
    void getJson('/v1/anomalies', { limit: 1 }).then((r) => (this.codes = r.meta.codes)).catch(() => {});
  }

  private size() {
    const w = Math.max(280, this.plotBox.clientWidth);
    return { width: w, height: Math.round(Math.min(420, Math.max(240, w * 0.5))) };
  }

  async update(s: ViewState): Promise<void> {
    if (s.locations.length === 0) {
      this.destroy(message('empty', t('explorer.chart.empty')));
      testHooks().chart = { locations: [], x: [], series: [] };
      return;
    }
    const transform = transformOf(s.measure, s.perCapita);
    const q = { location: s.locations.join(','), metric: s.metric, transform };
    try {
      const [latest, past] = await Promise.all([getJson('/v1/series', q), s.asOf ? getJson('/v1/series', { ...q, as_of: s.asOf }) : Promise.resolve(null)]);
      const names = await Promise.all(s.locations.map((k) => placeNameOf(k)));
      const all = [...latest.series, ...(past?.series ?? [])];
      if (latest.series.every((x) => x.values.every((v) => v === null))) {
        // English names the metric by its id ("No confirmed data"), Chinese by its title.
        const empty = message('empty', '');
        empty.querySelector('p')!.replaceChildren(...tNodes('explorer.chart.noData', { metric: currentLang() === 'en' ? s.metric : metricTitle(s.metric) }, { places: data(names.join(', ')) }));
        this.destroy(empty);
        testHooks().chart = { locations: s.locations, x: [], series: [] };
        return;
      }
      const { x, ys } = alignSeries(all);
      const plotted = s.log ? ys.map(forLogScale) : ys;
      const labels = [...names, ...(past ? names.map((n) => t('explorer.chart.asOfSeries', { name: n, date: formatDate(s.asOf) })) : [])];
      this.draw(s, x, plotted, labels, all);
      this.shown = { s, x, ys, series: all };
      testHooks().chart = { locations: s.locations, x, series: labels.map((label, i) => ({ label, values: ys[i] })) };
      this.listAnomalies(latest.series, names, s);
      markOnce('glacier:first-chart');
    } catch (err) {
      this.destroy(apiError(err, () => void this.update(this.store.state)));
      testHooks().chart = { locations: s.locations, x: [], series: [], error: errorText(err) };
    }
  }

  private destroy(replacement: HTMLElement): void {
    this.shown = null;
    this.plot?.destroy();
    this.plot = null;
    this.plotBox.replaceChildren(replacement);
    this.caption.textContent = '';
    this.list.hidden = true;
  }

  private draw(s: ViewState, x: number[], ys: (number | null)[][], labels: string[], all: SeriesJson[]): void {
    const n = s.locations.length;
    const frac = s.perCapita || s.measure === 'daily_7day_avg';
    const flags = all.map((ser, i) => (i < n && s.anomalies ? ser.flags : []));
    const opts: uPlot.Options = {
      ...this.size(),
      ...timeAxisDates(),
      scales: { x: { time: true, min: s.from ? dayOf(s.from) * DAY_S : undefined, max: s.to ? dayOf(s.to) * DAY_S : undefined }, y: { distr: s.log ? 3 : 1 } },
      series: [
        { label: t('explorer.chart.date'), value: (_u, v) => (v == null ? '—' : formatDate(isoOf(v / DAY_S))) },
        ...labels.map((label, i) => ({
          label, stroke: LINE_COLOURS[i % n], width: i < n ? 2 : 1.5, dash: i < n ? undefined : [6, 4], spanGaps: false, gaps: longGapsOnly,
          value: (_u: uPlot, v: number | null) => (v == null ? '—' : formatValue(v, { fractional: frac })),
        })),
      ],
      axes: [{}, { size: 60, values: (_u, splits) => splits.map(formatCompact) }],
      cursor: { drag: { x: true, y: false, setScale: false } },
      legend: { live: true },
      hooks: {
        setSelect: [(u) => this.brushed(u)],
        draw: [(u) => drawFlags(u, flags)],
        setCursor: [(u) => this.describeCursor(u, flags, labels)],
      },
    };
    this.plot?.destroy();
    this.plotBox.replaceChildren();
    this.plot = new uPlot(opts, [x, ...ys], this.plotBox);
    // Named by a hidden sentence, so the place names in it can be marked as data; the legend's names are data too.
    const described = h('p', { class: 'sr-only', id: 'chart-described' }, ...tNodes('explorer.chart.described', {}, { places: data(labels.join(', ')) }));
    this.plotBox.append(described);
    this.plot.root.setAttribute('aria-labelledby', 'chart-described');
    this.plot.root.setAttribute('role', 'img');
    markLegendData(this.plot);
  }

  /** A dragged range becomes the URL's from/to: the link keeps the zoom. */
  private brushed(u: uPlot): void {
    if (u.select.width < 2) return;
    const a = Math.round(u.posToVal(u.select.left, 'x') / DAY_S);
    const b = Math.round(u.posToVal(u.select.left + u.select.width, 'x') / DAY_S);
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    void this.store.set({ from: isoOf(a), to: isoOf(b) });
  }

  private describeCursor(u: uPlot, flags: Flag[][], labels: string[]): void {
    const idx = u.cursor.idx;
    if (idx == null) return;
    const date = isoOf(u.data[0][idx] / DAY_S);
    const here = flags.flatMap((f, i) => f.filter((x) => x.date === date).map((x) => tNodes('explorer.chart.flagOf', {}, { place: data(labels[i]), reason: h('span', {}, ...flagReason(x, this.codes)) })));
    const joined = here.flatMap((parts, i) => (i ? [t('explorer.chart.flagSeparator'), ...parts] : parts));
    this.caption.replaceChildren(...(here.length ? tNodes('explorer.chart.flagAt', { date: formatDate(date) }, { flags: h('span', {}, ...joined) }) : []));
  }

  private listAnomalies(series: SeriesJson[], names: string[], s: ViewState): void {
    const items = s.anomalies ? series.flatMap((ser, i) => ser.flags.map((f) => ({ f, name: names[i] }))) : [];
    this.list.hidden = items.length === 0;
    this.list.replaceChildren(
      h('summary', {}, t('explorer.chart.flagged', { count: items.length })),
      h('ul', {}, items.slice(0, 200).map(({ f, name }) => h('li', {}, h('time', { datetime: f.date }, formatDate(f.date)), ' ', ...tNodes('explorer.chart.flagOf', {}, { place: data(name), reason: h('span', {}, ...flagReason(f, this.codes)) })))),
    );
  }
}

/** A Chinese reader's forms of uPlot's time-axis templates with a year ("{YYYY}", "{M}/{D}/{YY}"); month names come from Intl. */
const ZH_TEMPLATES: Record<string, string> = { '{M}/{D}/{YY}': '{YYYY}年{M}月{D}日', '{YYYY}': '{YYYY}年' };

/**
 * uPlot's time-axis labels in the reader's language: its defaults are English ("Mar", "5/1"). In
 * Chinese, month and weekday names from Intl (3月, 周一) and the templates as Chinese writes
 * years (2021年); days stay 3/1 (3月1日 is too wide for weekly ticks); English keeps uPlot's own.
 */
export function timeAxisDates(): Pick<uPlot.Options, 'fmtDate'> {
  if (currentLang() !== 'zh') return {};
  const names = (opts: Intl.DateTimeFormatOptions, n: number, day: (i: number) => number) =>
    Array.from({ length: n }, (_, i) => new Intl.DateTimeFormat(currentLocale(), { ...opts, timeZone: 'UTC' }).format(day(i)));
  const month = (i: number) => Date.UTC(2021, i, 1);
  const weekday = (i: number) => Date.UTC(2021, 0, 3 + i); // 2021-01-03 was a Sunday
  const dateNames: uPlot.DateNames = {
    MMMM: names({ month: 'long' }, 12, month), MMM: names({ month: 'short' }, 12, month),
    WWWW: names({ weekday: 'long' }, 7, weekday), WWW: names({ weekday: 'short' }, 7, weekday),
  };
  return { fmtDate: (tpl) => uPlot.fmtDate(tpl.replace(/\{M\}\/\{D\}\/\{YY\}|\{YYYY\}/g, (m) => ZH_TEMPLATES[m]), dateNames) };
}

/** uPlot's legend names the series with their labels: place or source names, data (translate="no"); the first (the date) is ours. */
export function markLegendData(plot: uPlot, from = 1): void {
  plot.root.querySelectorAll('.u-legend .u-series').forEach((row, i) => {
    if (i >= from) row.querySelector('.u-label')?.setAttribute('translate', 'no');
  });
}

/**
 * Lines bridge short runs of missing days (weekends, weekly reports) and break at long ones
 * (a source stopped, a metric discontinued), so weekly data reads as a line, and a stop as a stop.
 */
export const MAX_BRIDGED_DAYS = 14;
export function longGapsOnly(u: uPlot, _s: number, _i0: number, _i1: number, gaps: [number, number][]): [number, number][] {
  const x = u.scales.x;
  const daysPerPx = ((x.max ?? 0) - (x.min ?? 0)) / DAY_S / Math.max(1, u.bbox.width);
  return gaps.filter(([a, b]) => (b - a) * daysPerPx > MAX_BRIDGED_DAYS);
}

/** Red triangles at flagged days (only where the day has a value to sit on). */
function drawFlags(u: uPlot, flags: Flag[][]): void {
  const ctx = u.ctx;
  ctx.save();
  ctx.fillStyle = '#c00';
  const r = 5 * devicePixelRatio;
  flags.forEach((list, i) => {
    const ys = u.data[i + 1];
    for (const f of list) {
      const idx = (dayOf(f.date) * DAY_S - u.data[0][0]) / DAY_S;
      const v = ys[idx];
      if (v == null) continue;
      const px = u.valToPos(u.data[0][idx], 'x', true);
      const py = u.valToPos(v, 'y', true);
      if (px < u.bbox.left || px > u.bbox.left + u.bbox.width) continue;
      ctx.beginPath();
      ctx.moveTo(px, py - r * 1.6);
      ctx.lineTo(px - r, py - r * 0.2);
      ctx.lineTo(px + r, py - r * 0.2);
      ctx.fill();
    }
  });
  ctx.restore();
}
