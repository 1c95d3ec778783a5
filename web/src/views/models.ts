import uPlot from 'uplot';
import { ApiFailure, getJson, type ApiJson } from '../api';
import { h, message } from '../dom';
import { addDays, dayOf, formatCompact, formatDate, formatValue, isoOf, saturdayOnOrBefore } from '../format';
import { t, type MessageKey } from '../i18n';
import { rtAxisMax } from '../scales';
import { markOnce } from '../shared';
import type { ViewState } from '../state';
import type { Store } from '../store';
import { apiError } from './api-error';
import { markLegendData, timeAxisDates } from './chart';
import { figureButtons, pageUrl, sourceLine } from './figure-button';
import { placeNameOf } from './place-label';
import { data, metricTitle, sentences, tNodes } from './i18n-dom';
import { forecastFigure, rtFigure } from './page-figures';

type Rt = ApiJson<'/v1/models/rt'>;
type Evaluation = ApiJson<'/v1/models/evaluation'>;
type Forecast = ApiJson<'/v1/models/forecast'>;
const DAY_S = 86_400;
/** A trend label in the reader's language; one the catalogue lacks, as the API gives it. */
const trendText = (trend: string) => {
  const key = `models.trend.${trend}` as MessageKey;
  const text = t(key);
  return text === key ? trend : text;
};
/** The scored window: 12 epiweeks ending on this Saturday unless the chart's range says otherwise. */
const DEFAULT_LAST_SATURDAY = '2020-11-28';
const WEEKS = 12;

/** Models, shown only where the API has their routes: Rt with its credible band and trend, forecast fans against what happened. */
export class ModelsPage {
  readonly el = h('div', { class: 'models-page' });
  private plots: uPlot[] = [];

  constructor(private readonly store: Store) {}

  async update(s: ViewState): Promise<void> {
    const key = s.locations[0] ?? 'DE';
    const metric = s.metric === 'deaths' ? 'deaths' : 'confirmed';
    const last = saturdayOnOrBefore(s.to ?? DEFAULT_LAST_SATURDAY);
    const first = addDays(last, -7 * (WEEKS - 1));
    for (const p of this.plots) p.destroy();
    this.plots = [];
    const name = await placeNameOf(key);
    const rtBox = h('div', { class: 'chart-frame' });
    const fcBox = h('div', { class: 'chart-frame' });
    const rtText = h('p', { class: 'trend', 'aria-live': 'polite' });
    const fcText = h('div');
    this.el.replaceChildren(
      h('p', { class: 'muted' }, ...tNodes('models.intro', { metric: metricTitle(metric) }, { place: data(name), docs: data('docs/models/') })),
      h('section', { 'aria-labelledby': 'rt-h' }, h('h2', { id: 'rt-h' }, t('models.rt.title')), rtText, rtBox),
      h('section', { 'aria-labelledby': 'fc-h' }, h('h2', { id: 'fc-h' }, t('models.fc.title', { from: formatDate(first), to: formatDate(last) })), fcBox, fcText),
    );
    await Promise.all([this.rt(key, name, metric, s, rtBox, rtText), this.forecasts(key, name, metric === 'deaths' ? 'death' : 'case', first, last, fcBox, fcText)]);
  }

  private async rt(key: string, name: string, metric: string, s: ViewState, box: HTMLElement, text: HTMLElement): Promise<void> {
    try {
      const r: Rt = await getJson('/v1/models/rt', { location: key, metric, from: s.from ?? undefined, to: s.to ?? undefined });
      if (r.data.length === 0) return void box.replaceChildren(message('empty', t('models.rt.none')));
      const latest = r.data[r.data.length - 1];
      // Two decimals as strings: R is read to the hundredth in both languages.
      text.textContent = t('models.rt.latest', { date: formatDate(latest.window_end), median: latest.median.toFixed(2), lower: latest.q0_025.toFixed(2), upper: latest.q0_975.toFixed(2), trend: trendText(latest.trend), prob: (latest.prob_below_1 * 100).toFixed(0) });
      const x = r.data.map((w) => dayOf(w.window_end) * DAY_S);
      const yMax = rtAxisMax(r.data.map((w) => w.median));
      const above = r.data.filter((w) => w.median > yMax).length;
      if (above) text.textContent = sentences(text.textContent, t('models.rt.cut', { max: yMax, count: above }));
      this.plots.push(new uPlot({
        width: Math.max(280, box.clientWidth), height: 280, ...timeAxisDates(),
        scales: { x: { time: true }, y: { range: () => [0, yMax] } },
        series: [
          { label: t('explorer.chart.date'), value: (_u, v) => (v == null ? '—' : formatDate(isoOf(v / DAY_S))) },
          { label: t('models.rt.median'), stroke: '#4e79a7', width: 2 },
          { label: '97.5%', stroke: 'transparent', value: (_u, v) => (v == null ? '—' : v.toFixed(2)) },
          { label: '2.5%', stroke: 'transparent', value: (_u, v) => (v == null ? '—' : v.toFixed(2)) },
          { label: 'R = 1', stroke: '#999', dash: [4, 4], width: 1 },
        ],
        bands: [{ series: [2, 3], fill: 'rgba(78,121,167,0.25)' }],
        axes: [{}, { size: 50 }],
      }, [x, r.data.map((w) => w.median), r.data.map((w) => w.q0_975), r.data.map((w) => w.q0_025), x.map(() => 1)], box));
      markLegendData(this.plots.at(-1)!, 2);
      // The figure of what is drawn: its sources are those of the case values the model used.
      box.after(figureButtons('rt-figure', async () => rtFigure({ place: name, metric, rows: r.data, yMax, line: await sourceLine(r.meta.sources), url: pageUrl() }),
        () => `glacier-rt-${metric}-${key}-${r.data[0].window_end}-${latest.window_end}`));
      markOnce('glacier:rt-chart');
    } catch (err) {
      box.replaceChildren(apiError(err));
    }
  }

  /**
   * Past one-week-ahead forecasts (ensemble median, 50% and 95% intervals) beside the weekly
   * counts that happened, then the fan of the last forecast, and the scores of every model.
   */
  private async forecasts(key: string, name: string, target: 'case' | 'death', from: string, to: string, box: HTMLElement, text: HTMLElement): Promise<void> {
    try {
      const ask = (versioned: boolean) => Promise.all([
        getJson('/v1/models/evaluation', { location: key, target, model: 'all', from, to, versioned }),
        getJson('/v1/models/forecast', { location: key, target, reference_date: to, model: 'ensemble', as_of: versioned ? undefined : new Date().toISOString().slice(0, 10) }),
      ]);
      let versioned = true;
      // Forecasts use the data as known on their day; where no vintage of those days is stored, the latest data cut at each day (said so below).
      const [ev, fan]: [Evaluation, Forecast] = await ask(true).catch((err) => {
        if (!(err instanceof ApiFailure) || err.code !== 'ERR_NO_DATA') throw err;
        versioned = false;
        return ask(false);
      });
      const h1 = ev.data.filter((d) => d.model === 'ensemble' && d.horizon === 1);
      const weeks = [...new Set([...h1.map((d) => d.target_end_date), ...fan.data.map((d) => d.target_end_date)])].sort();
      if (weeks.length === 0) return void box.replaceChildren(message('empty', t('models.fc.none')));
      const past = new Map(h1.map((d) => [d.target_end_date, d]));
      const q = (date: string, level: number) => fan.data.find((d) => d.target_end_date === date && Math.abs(d.output_type_id - level) < 1e-9)?.value ?? null;
      const col = (f: (date: string) => number | null) => weeks.map(f);
      this.plots.push(new uPlot({
        width: Math.max(280, box.clientWidth), height: 300, ...timeAxisDates(),
        scales: { x: { time: true } },
        series: [
          { label: t('explorer.chart.date'), value: (_u, v) => (v == null ? '—' : formatDate(isoOf(v / DAY_S))) },
          { label: t('models.fc.observed'), stroke: '#1a1a1a', width: 2, points: { show: true } },
          { label: t('models.fc.forecast'), stroke: '#e15759', width: 1.5, dash: [5, 3], points: { show: true } },
          { label: `95% ${t('models.fc.upper')}`, stroke: 'transparent' }, { label: `95% ${t('models.fc.lower')}`, stroke: 'transparent' },
          { label: t('models.fc.fan'), stroke: '#f28e2b', width: 2 },
          { label: `95% ${t('models.fc.upper')}`, stroke: 'transparent' }, { label: `95% ${t('models.fc.lower')}`, stroke: 'transparent' },
          { label: `50% ${t('models.fc.upper')}`, stroke: 'transparent' }, { label: `50% ${t('models.fc.lower')}`, stroke: 'transparent' },
        ],
        bands: [{ series: [3, 4], fill: 'rgba(225,87,89,0.15)' }, { series: [6, 7], fill: 'rgba(242,142,43,0.18)' }, { series: [8, 9], fill: 'rgba(242,142,43,0.32)' }],
        axes: [{}, { size: 60, values: (_u, v) => v.map(formatCompact) }],
        legend: { show: false },
      }, [weeks.map((w) => dayOf(w) * DAY_S), col((w) => past.get(w)?.observed ?? null), col((w) => past.get(w)?.median ?? null),
        col((w) => past.get(w)?.upper_95 ?? null), col((w) => past.get(w)?.lower_95 ?? null),
        col((w) => q(w, 0.5)), col((w) => q(w, 0.975)), col((w) => q(w, 0.025)), col((w) => q(w, 0.75)), col((w) => q(w, 0.25))], box));
      // The figure's sources: those of the weekly counts scored and of the data the fan was made from.
      box.after(figureButtons('forecast-figure', async () => forecastFigure({
        place: name, target, line: await sourceLine([...ev.meta.truth_sources, ...fan.meta.sources]), url: pageUrl(),
        weeks: weeks.map((w) => ({ week: w, observed: past.get(w)?.observed ?? null, forecast: past.get(w)?.median ?? null, fanMedian: q(w, 0.5), fanLower95: q(w, 0.025), fanUpper95: q(w, 0.975) })),
      }), () => `glacier-forecast-${target}-${key}-${weeks[0]}-${weeks[weeks.length - 1]}`));
      text.replaceChildren(
        h('p', { class: 'muted' }, sentences(t('models.fc.explain', { target: t(`models.fc.target.${target}`), date: formatDate(to), count: ev.meta.forecasts_scored }), versioned ? '' : t('models.fc.unversioned'))),
        h('div', { class: 'table-scroll' }, h('table', {},
          h('thead', {}, h('tr', {}, (['model', 'horizon', 'forecasts', 'meanWis', 'relativeWis', 'coverage50', 'coverage95'] as const).map((c) => h('th', { scope: 'col' }, t(`models.col.${c}`))))),
          h('tbody', {}, ev.summary.map((r) => h('tr', {},
            h('th', { scope: 'row', translate: 'no' }, r.model), h('td', {}, r.horizon === null ? t('models.horizon.all') : t('models.horizon.weeks', { count: r.horizon })), h('td', { class: 'num' }, formatValue(r.n)),
            h('td', { class: 'num' }, formatValue(r.mean_wis, { fractional: true })), h('td', { class: 'num' }, r.relative_wis === null ? '—' : r.relative_wis.toFixed(2)),
            h('td', { class: 'num' }, `${(r.coverage_50 * 100).toFixed(0)}%`), h('td', { class: 'num' }, `${(r.coverage_95 * 100).toFixed(0)}%`)))))),
      );
      markOnce('glacier:forecast-chart');
    } catch (err) {
      box.replaceChildren(apiError(err));
    }
  }
}
