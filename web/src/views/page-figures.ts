/**
 * The publication figures (figure.ts) of the Models page's charts (Rt, weekly forecasts) and the
 * Sources page's side-by-side chart: what each chart draws, as figure inputs. Pure apart from the
 * current language (i18n's `t`, format.ts): the source line and the URL are given by the caller
 * (figure-button.ts `sourceLine`, `pageUrl`). Unit-tested in page-figures.test.ts.
 */
import { tRuns, type FigureInput, type FigureSource, type LegendItem, type Run } from '../figure';
import { linePlot, type PlotSeries } from '../figure-plot';
import { formatCompact, formatDate } from '../format';
import { currentLocale, t } from '../i18n';
import { dayNumber } from '../research2';
import { metricTitle } from './i18n-dom';

export interface SourceLine {
  sources: FigureSource[];
  retrieved: string | null;
}

const isoOfDay = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

/** Values on days (any order, any gaps) as one value per day from `start` to `end`; null where none. */
export function dailyValues(start: string, end: string, rows: readonly { date: string; value: number | null }[]): (number | null)[] {
  const s0 = dayNumber(start);
  const out: (number | null)[] = Array.from({ length: Math.max(0, dayNumber(end) - s0 + 1) }, () => null);
  for (const r of rows) {
    const i = dayNumber(r.date) - s0;
    if (i >= 0 && i < out.length) out[i] = r.value;
  }
  return out;
}

/** The x labels: month and year over two months or more, else the day (as the explorer's figure). */
function xFormatFor(from: string, to: string): (iso: string) => string {
  const monthYear = new Intl.DateTimeFormat(currentLocale(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return dayNumber(to) - dayNumber(from) >= 62 ? (iso) => monthYear.format(new Date(`${iso}T00:00:00Z`)) : formatDate;
}

const range = (from: string, to: string): Run[] => [{ text: t('story.subtitle.range', { from: formatDate(from), to: formatDate(to) }) }];

export const RT_COLOUR = '#4e79a7';

/**
 * The Rt chart: the median and the 95% credible interval's bounds (dashed) of every window, by
 * its last day, and R = 1; windows above `yMax` (the screen's axis) are left out and said so.
 */
export function rtFigure(o: { place: string; metric: string; rows: readonly { window_end: string; median: number; q0_025: number; q0_975: number }[]; yMax: number; line: SourceLine; url: string }): FigureInput {
  const from = o.rows[0].window_end;
  const to = o.rows[o.rows.length - 1].window_end;
  const cap = (v: number) => (v > o.yMax ? null : v);
  const col = (f: (r: (typeof o.rows)[number]) => number) => dailyValues(from, to, o.rows.map((r) => ({ date: r.window_end, value: cap(f(r)) })));
  const series: PlotSeries[] = [
    { values: col((r) => r.median), colour: RT_COLOUR },
    { values: col((r) => r.q0_975), colour: '#9bb5d3', dashed: true },
    { values: col((r) => r.q0_025), colour: '#9bb5d3', dashed: true },
    { values: dailyValues(from, to, []).map(() => 1), colour: '#999', dashed: true },
  ];
  const cut = o.rows.filter((r) => r.median > o.yMax).length;
  return {
    title: tRuns('story.title.rt', { metric: metricTitle(o.metric) }, { place: o.place }),
    subtitle: [...range(from, to), { text: ` · ${t('story.subtitle.rt')}` }],
    body: linePlot({ start: from, from, to, series, log: false, yFormat: (v) => v.toFixed(1), xFormat: xFormatFor(from, to) }),
    legend: [
      { label: t('story.legend.rtMedian'), colour: RT_COLOUR, kind: 'line' },
      { label: t('story.legend.rtInterval'), colour: '#9bb5d3', kind: 'dash' },
      { label: 'R = 1', colour: '#999', kind: 'dash' },
    ],
    note: cut ? [{ text: t('models.rt.cut', { max: o.yMax, count: cut }) }] : undefined,
    ...o.line,
    url: o.url,
  };
}

/** One week's values of the forecast chart (null: none that week). */
export interface ForecastWeek {
  week: string;
  observed: number | null;
  /** The ensemble's one-week-ahead median made the week before. */
  forecast: number | null;
  fanMedian: number | null;
  fanLower95: number | null;
  fanUpper95: number | null;
}

/** The forecast chart: weekly counts that happened, the forecasts one week ahead, the last fan (median, 95% bounds dashed). */
export function forecastFigure(o: { place: string; target: 'case' | 'death'; weeks: readonly ForecastWeek[]; line: SourceLine; url: string }): FigureInput {
  const from = o.weeks[0].week;
  const to = o.weeks[o.weeks.length - 1].week;
  const col = (f: (w: ForecastWeek) => number | null) => dailyValues(from, to, o.weeks.map((w) => ({ date: w.week, value: f(w) })));
  const series: PlotSeries[] = [
    { values: col((w) => w.observed), colour: '#1a1a1a' },
    { values: col((w) => w.forecast), colour: '#e15759', dashed: true },
    { values: col((w) => w.fanMedian), colour: '#f28e2b' },
    { values: col((w) => w.fanUpper95), colour: '#f5b46f', dashed: true },
    { values: col((w) => w.fanLower95), colour: '#f5b46f', dashed: true },
  ];
  const legend: LegendItem[] = [
    { label: t('models.fc.observed'), colour: '#1a1a1a', kind: 'line' },
    { label: t('models.fc.forecast'), colour: '#e15759', kind: 'dash' },
    { label: t('models.fc.fan'), colour: '#f28e2b', kind: 'line' },
    { label: t('story.legend.fan95'), colour: '#f5b46f', kind: 'dash' },
  ];
  return {
    title: tRuns('story.title.forecast', { target: t(`models.fc.target.${o.target}`) }, { place: o.place }),
    subtitle: [...range(from, to), { text: ` · ${t('story.subtitle.weekly')}` }],
    body: linePlot({ start: from, from, to, series, log: false, yFormat: formatCompact, xFormat: xFormatFor(from, to) }),
    legend,
    ...o.line,
    url: o.url,
  };
}

/** The Sources page's chart: every source's series of one place, one line each, as on screen. */
export function compareFigure(o: { place: string; metric: string; start: string; sources: readonly { source: string; values: readonly (number | null)[] }[]; colours: readonly string[]; line: SourceLine; url: string }): FigureInput {
  const n = Math.max(0, ...o.sources.map((s) => s.values.length));
  const to = isoOfDay(dayNumber(o.start) + Math.max(0, n - 1));
  return {
    title: tRuns('story.title.compare', { metric: metricTitle(o.metric) }, { place: o.place }),
    subtitle: range(o.start, to),
    body: linePlot({ start: o.start, from: o.start, to, series: o.sources.map((s, i) => ({ values: [...s.values], colour: o.colours[i % o.colours.length] })), log: false, yFormat: formatCompact, xFormat: xFormatFor(o.start, to) }),
    legend: o.sources.map((s, i): LegendItem => ({ label: s.source, colour: o.colours[i % o.colours.length], kind: 'line', data: true })),
    ...o.line,
    url: o.url,
  };
}
