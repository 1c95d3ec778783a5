import { getJson } from '../api';
import { h, message } from '../dom';
import { addDays, formatDate, formatValue } from '../format';
import { t, type MessageKey } from '../i18n';
import type { ViewState } from '../state';
import type { Store } from '../store';
import { apiError } from './api-error';
import { data, metricTitle, tNodes } from './i18n-dom';

const PAGE = 50;

/** A catalogue message if the catalogue has `key`, else null (the API knows codes the dashboard may not yet). */
function known(key: string): string | null {
  const text = t(key as MessageKey);
  return text === key ? null : text;
}

/** What an anomaly code means, in the reader's language; a code the catalogue lacks: the API's text, as data. */
export function codeMeaning(code: string, apiText: string | undefined): string | Node {
  return known(`anomalies.code.${code}`) ?? data(apiText ?? '');
}

/** An anomaly's detail ("change −25, z 9.1" / "变化 −25，z 分数 9.1"): known keys in the reader's words, numbers formatted. */
export function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => {
      const value = typeof v === 'number' ? formatValue(v, { fractional: true }) : String(v);
      const key = `anomalies.detail.${k}` as MessageKey;
      const text = t(key, { value });
      return text === key ? `${k.replace(/_/g, ' ')} ${value}` : text;
    })
    .join(t('anomalies.detail.separator'));
}

/** A flag as the chart explains it: "negative change — A cumulative count went down… (change −25)". */
export function flagReason(f: { code: string; detail?: Record<string, unknown> | null }, apiCodes: Record<string, string>): (string | Node)[] {
  const name = known(`anomalies.name.${f.code}`);
  const meaning = codeMeaning(f.code, apiCodes[f.code]);
  const reason = h('span', {}, name ?? data(f.code), ' — ', meaning);
  return f.detail ? tNodes('anomalies.withDetail', { detail: detailText(f.detail) }, { reason }) : [reason];
}

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
      const meaning = (code: string) => {
        const m = codeMeaning(code, r.meta.codes[code]);
        return typeof m === 'string' ? m : (m.textContent ?? '');
      };
      this.el.replaceChildren(
        h('h2', { id: 'anom-h' }, t('anomalies.title')),
        h('p', { class: 'muted' },
          ...(s.locations.length ? tNodes('anomalies.flagsFor', { count: r.meta.total }, { places: data(s.locations.join(', ')) }) : [t('anomalies.flags', { count: r.meta.total })]),
          ` ${t('anomalies.codes')} `,
          // Codes are the API's contract (data); what each means is in the reader's language.
          ...Object.keys(r.meta.codes).map((code) => h('abbr', { title: meaning(code), class: 'code', translate: 'no' }, code))),
        r.data.length === 0 ? message('empty', t('anomalies.none')) :
        h('div', { class: 'table-scroll' }, h('table', {},
          h('thead', {}, h('tr', {}, (['date', 'location', 'metric', 'source', 'code', 'detail'] as const).map((c) => h('th', { scope: 'col' }, t(`anomalies.col.${c}`))))),
          h('tbody', {}, r.data.map((a) => h('tr', {},
            h('td', {}, formatDate(a.date)),
            h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', translate: 'no', onclick: () => open(a.location, a.metric, a.date) }, a.location)),
            h('td', {}, metricTitle(a.metric)), h('td', { translate: 'no' }, a.source),
            h('td', {}, h('abbr', { title: meaning(a.code), translate: 'no' }, a.code)),
            h('td', { class: 'muted' }, a.detail ? detailText(a.detail) : ''),
          ))))),
        h('nav', { class: 'pager', 'aria-label': t('anomalies.pages') },
          h('button', { type: 'button', disabled: s.pageNo === 0, onclick: () => void this.store.set({ pageNo: s.pageNo - 1 }) }, t('core.pager.previous')),
          h('span', {}, t('core.pager.page', { page: s.pageNo + 1, pages })),
          h('button', { type: 'button', disabled: s.pageNo >= pages - 1, onclick: () => void this.store.set({ pageNo: s.pageNo + 1 }) }, t('core.pager.next'))),
      );
    } catch (err) {
      this.el.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }
}
