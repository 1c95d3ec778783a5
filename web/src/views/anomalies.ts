import { getJson } from '../api';
import { h, message } from '../dom';
import { addDays, formatDate, formatValue } from '../format';
import { errorText } from '../shared';
import type { ViewState } from '../state';
import type { Store } from '../store';

const PAGE = 50;

/** The anomaly list: every flag Glacier raised, newest reading, a page at a time; a row opens the chart around its day. */
export class AnomaliesPage {
  readonly el = h('section', { class: 'anomalies-page', 'aria-labelledby': 'anom-h' });

  constructor(private readonly store: Store) {}

  async update(s: ViewState): Promise<void> {
    try {
      const r = await getJson('/v1/anomalies', { limit: PAGE, offset: s.pageNo * PAGE, location: s.locations.join(',') || undefined });
      const pages = Math.max(1, Math.ceil(r.meta.total / PAGE));
      const open = (location: string, metric: string, date: string) =>
        void this.store.set({ page: 'explorer', tab: 'chart', locations: [location], metric, from: addDays(date, -60), to: addDays(date, 60), anomalies: true, pageNo: 0 });
      this.el.replaceChildren(
        h('h2', { id: 'anom-h' }, 'Anomalies'),
        h('p', { class: 'muted' }, `${formatValue(r.meta.total)} flags${s.locations.length ? ` for ${s.locations.join(', ')}` : ''}. Codes: `,
          ...Object.entries(r.meta.codes).map(([code, text]) => h('abbr', { title: text, class: 'code' }, code))),
        r.data.length === 0 ? message('empty', 'No anomaly is flagged here.') :
        h('div', { class: 'table-scroll' }, h('table', {},
          h('thead', {}, h('tr', {}, ['Date', 'Location', 'Metric', 'Source', 'Code', 'Detail'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, r.data.map((a) => h('tr', {},
            h('td', {}, formatDate(a.date)),
            h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => open(a.location, a.metric, a.date) }, a.location)),
            h('td', {}, a.metric), h('td', {}, a.source),
            h('td', {}, h('abbr', { title: r.meta.codes[a.code] ?? '' }, a.code)),
            h('td', { class: 'muted' }, a.detail ? Object.entries(a.detail).map(([k, v]) => `${k}: ${typeof v === 'number' ? formatValue(v, { fractional: true }) : v}`).join(', ') : ''),
          ))))),
        h('nav', { class: 'pager', 'aria-label': 'Anomaly pages' },
          h('button', { type: 'button', disabled: s.pageNo === 0, onclick: () => void this.store.set({ pageNo: s.pageNo - 1 }) }, '‹ Previous'),
          h('span', {}, `Page ${s.pageNo + 1} of ${pages}`),
          h('button', { type: 'button', disabled: s.pageNo >= pages - 1, onclick: () => void this.store.set({ pageNo: s.pageNo + 1 }) }, 'Next ›')),
      );
    } catch (err) {
      this.el.replaceChildren(message('error', errorText(err), () => void this.update(this.store.state)));
    }
  }
}
