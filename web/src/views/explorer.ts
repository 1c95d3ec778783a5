import { getJson } from '../api';
import { h } from '../dom';
import { downloadView } from '../download';
import { describeMeasure } from '../format';
import { t, type MessageKey } from '../i18n';
import { errorText } from '../shared';
import { MEASURES, METRIC_IDS, TABS, type Tab, type ViewState } from '../state';
import type { Store } from '../store';
import { ChartView } from './chart';
import { FigureTools } from './figure-tools';
import { metricTitle } from './i18n-dom';
import { LocationCard } from './location-card';
import { MapView } from './map';
import { TableView } from './table';

/** Metrics worth a map or chart, in the selector's order (the rest of /v1/metrics are not cumulative counts). */
const METRICS = ['confirmed', 'deaths', 'recovered', 'tests', 'hospitalized', 'vaccine_doses', 'people_vaccinated', 'people_fully_vaccinated'];

/** The explorer: one selection (metric, measure, per capita, places, day) shown as Map | Chart | Table. */
export class Explorer {
  readonly el = h('div', { class: 'explorer' });
  private readonly controls = h('div', { class: 'controls' });
  private readonly card: LocationCard;
  private readonly tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('explorer.tabs') });
  private readonly panel = h('div', { class: 'panel', role: 'tabpanel', id: 'panel' });
  private readonly foot = h('div', { class: 'panel-foot' });
  private readonly views: { map?: MapView; chart?: ChartView; table?: TableView } = {};
  /** Metric titles in the reader's language: the catalogue's, else (a metric it does not name) the API's. */
  private titles: Record<string, string> = Object.fromEntries(METRIC_IDS.map((id) => [id, metricTitle(id)]));
  /** Figure downloads (SVG, PNG), embed snippet, permalink; the figure alone in the embed view. */
  private readonly tools: FigureTools;

  constructor(private readonly store: Store) {
    this.card = new LocationCard(store);
    this.tools = new FigureTools(store, () => this.views, () => this.titles[store.state.metric]);
    this.el.append(this.controls, this.card.el, this.tabs, this.panel, this.foot, this.tools.embedEl);
    void getJson('/v1/metrics').then((m) => {
      for (const d of m.data) this.titles[d.id] ??= d.title;
      this.renderControls(this.store.state);
    }).catch(() => {});
  }

  async update(s: ViewState): Promise<void> {
    this.renderControls(s);
    this.renderTabs(s);
    this.renderFoot(s);
    const view: { el: HTMLElement; update(s: ViewState): Promise<void> } =
      s.tab === 'map' ? (this.views.map ??= new MapView(this.store)) : s.tab === 'chart' ? (this.views.chart ??= new ChartView(this.store)) : (this.views.table ??= new TableView(this.store));
    if (this.panel.firstChild !== view.el) this.panel.replaceChildren(view.el);
    this.panel.setAttribute('aria-labelledby', `tab-${s.tab}`);
    // The embed view (embed=1) shows only the figure: the live view draws the data, hidden.
    // (display, not `hidden`: the stylesheet sets these parts' display.)
    for (const part of [this.controls, this.card.el, this.tabs, this.panel, this.foot]) part.style.display = s.embed ? 'none' : '';
    await Promise.all([view.update(s), this.card.update(s)]);
    await this.tools.update(s);
  }

  private select(label: string, value: string, options: [string, string][], onchange: (v: string) => void, id: string): HTMLElement {
    return h('label', { for: id }, label, ' ',
      h('select', { id, onchange: (e) => onchange((e.target as HTMLSelectElement).value) },
        options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
  }

  private renderControls(s: ViewState): void {
    const set = (patch: Partial<ViewState>) => void this.store.set(patch);
    const check = (label: string, checked: boolean, onchange: (v: boolean) => void, id: string) =>
      h('label', { for: id, class: 'toggle' }, h('input', { type: 'checkbox', id, checked, onchange: (e) => onchange((e.target as HTMLInputElement).checked) }), ` ${label}`);
    const metrics = METRICS.includes(s.metric) ? METRICS : [s.metric, ...METRICS];
    const chartOnly = s.tab === 'chart';
    this.controls.replaceChildren(...[
      this.select(t('explorer.metric'), s.metric, metrics.map((m) => [m, this.titles[m] ?? m]), (metric) => set({ metric }), 'metric'),
      this.select(t('explorer.show'), s.measure, MEASURES.map((m) => [m, t(`explorer.measure.${m}`)]), (measure) => set({ measure: measure as ViewState['measure'] }), 'measure'),
      check(t('explorer.per100k'), s.perCapita, (perCapita) => set({ perCapita }), 'per100k'),
      chartOnly ? check(t('explorer.log'), s.log, (log) => set({ log }), 'log') : null,
      chartOnly ? check(t('explorer.anomalies'), s.anomalies, (anomalies) => set({ anomalies }), 'anomalies') : null,
      chartOnly ? h('label', { for: 'asof' }, `${t('explorer.asOf')} `, h('input', { type: 'date', id: 'asof', value: s.asOf ?? '', onchange: (e) => set({ asOf: (e.target as HTMLInputElement).value || null }) })) : null,
      chartOnly && (s.from || s.to) ? h('button', { type: 'button', onclick: () => set({ from: null, to: null }) }, t('explorer.wholePeriod')) : null,
    ].filter((x) => x !== null));
  }

  private renderTabs(s: ViewState): void {
    const go = (tab: Tab) => void this.store.set({ tab });
    this.tabs.replaceChildren(
      ...TABS.map((tab, i) =>
        h('button', {
          type: 'button', role: 'tab', id: `tab-${tab}`, 'aria-selected': String(tab === s.tab), 'aria-controls': 'panel', tabindex: tab === s.tab ? 0 : -1,
          onclick: () => go(tab),
          onkeydown: (e: Event) => {
            const k = (e as KeyboardEvent).key;
            if (k !== 'ArrowRight' && k !== 'ArrowLeft') return;
            const next = TABS[(i + (k === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
            void this.store.set({ tab: next }).then(() => document.getElementById(`tab-${next}`)?.focus());
          },
        }, t(`explorer.tab.${tab}` as MessageKey)),
      ),
    );
  }

  private renderFoot(s: ViewState): void {
    const status = h('span', { class: 'muted', 'aria-live': 'polite' });
    /** The status line: our words, or the API's error as it is (English: translate="no"). */
    const say = (text: string, isError = false) => {
      status.textContent = text;
      status.toggleAttribute('translate', isError);
      if (isError) status.setAttribute('translate', 'no');
    };
    const title = this.titles[s.metric] ?? s.metric;
    this.foot.replaceChildren(
      h('p', { class: 'measure' }, describeMeasure(title, s.measure, s.perCapita)),
      h('div', { class: 'actions' },
        h('button', {
          type: 'button', id: 'download', disabled: s.tab === 'chart' && s.locations.length === 0,
          onclick: () => {
            say(t('explorer.preparing'));
            downloadView(this.store.state, title).then(() => say(''), (err) => say(errorText(err), true));
          },
        }, t('explorer.download')),
        h('button', { type: 'button', onclick: () => void navigator.clipboard?.writeText(location.href).then(() => say(t('explorer.linkCopied'))) }, t('explorer.copyLink')),
        status),
      this.tools.el,
    );
    this.tools.render(s);
  }
}
