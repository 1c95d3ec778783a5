import { getJson, type ApiJson } from '../api';
import { h, message } from '../dom';
import { formatDate, formatValue } from '../format';
import { scopeNames } from '../gazetteer';
import { currentLang, t, type MessageKey } from '../i18n';
import { testHooks } from '../shared';
import { mapScope, transformOf, type ViewState } from '../state';
import type { Store } from '../store';
import { apiError } from './api-error';
import { data, metricTitle } from './i18n-dom';

type Row = ApiJson<'/v1/map'>['data'][number];
export const PAGE_SIZE = 25;

const COLUMNS: { key: keyof Row; label: MessageKey; numeric?: boolean }[] = [
  { key: 'name', label: 'explorer.table.location' },
  { key: 'value', label: 'explorer.table.value', numeric: true },
  { key: 'date', label: 'explorer.table.date' },
  { key: 'population', label: 'explorer.table.population', numeric: true },
  { key: 'source', label: 'explorer.table.source' },
];

/** Rows sorted by a column (missing values last, whatever the direction), ties by name. */
export function sortRows(rows: Row[], key: string, desc: boolean): Row[] {
  const col = COLUMNS.find((c) => c.key === key)?.key ?? 'value';
  return [...rows].sort((a, b) => {
    const x = a[col];
    const y = b[col];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return (desc ? -c : c) || a.name.localeCompare(b.name);
  });
}

/** The table tab: every location of the map's region on its day, sortable, a page at a time. */
export class TableView {
  readonly el = h('section', { class: 'table-view', 'aria-label': t('explorer.tab.table') });

  constructor(private readonly store: Store) {}

  async update(s: ViewState): Promise<void> {
    const scope = mapScope(s);
    try {
      const [snap, names] = await Promise.all([
        getJson('/v1/map', { metric: s.metric, transform: transformOf(s.measure, s.perCapita), level: scope.level, parent: scope.parent ?? undefined, date: s.date ?? undefined }),
        // The rows' names are English: the reader's come from the gazetteer (none: the English ones).
        currentLang() === 'en' ? Promise.resolve(new Map<string, string>()) : scopeNames(scope).catch(() => new Map<string, string>()),
      ]);
      const rows = sortRows(snap.data, s.sort, s.desc);
      const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
      const page = Math.min(s.pageNo, pages - 1);
      const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
      const frac = s.perCapita || s.measure === 'daily_7day_avg';
      if (rows.length === 0) {
        this.el.replaceChildren(message('empty', t('explorer.table.empty', { metric: currentLang() === 'en' ? s.metric : metricTitle(s.metric), date: formatDate(snap.meta.date) })));
      } else {
        this.el.replaceChildren(
          h('p', { class: 'muted' }, t('explorer.table.count', { count: rows.length, date: formatDate(snap.meta.date) })),
          h('div', { class: 'table-scroll' }, h('table', {},
            h('thead', {}, h('tr', {}, COLUMNS.map((c) => this.header(c, s)))),
            h('tbody', {}, shown.map((r) => h('tr', {},
              h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => void this.store.set({ locations: [...new Set([r.location, ...s.locations])].slice(0, 10), tab: 'chart' }) }, data(names.get(r.location) ?? r.name))),
              h('td', { class: 'num' }, formatValue(r.value, { fractional: frac })),
              h('td', {}, formatDate(r.date)),
              h('td', { class: 'num' }, r.population === null ? '—' : formatValue(r.population)),
              h('td', {}, r.source ? data(r.source) : '—'),
            ))),
          )),
          h('nav', { class: 'pager', 'aria-label': t('explorer.table.pages') },
            h('button', { type: 'button', disabled: page === 0, onclick: () => void this.store.set({ pageNo: page - 1 }) }, t('core.pager.previous')),
            h('span', {}, t('core.pager.page', { page: page + 1, pages })),
            h('button', { type: 'button', disabled: page >= pages - 1, onclick: () => void this.store.set({ pageNo: page + 1 }) }, t('core.pager.next'))),
        );
      }
      testHooks().table = { rows: rows.length, shown: shown.length, page };
    } catch (err) {
      this.el.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }

  private header(c: (typeof COLUMNS)[number], s: ViewState): HTMLElement {
    const active = s.sort === c.key;
    const sort = active ? (s.desc ? 'descending' : 'ascending') : 'none';
    return h('th', { scope: 'col', 'aria-sort': sort, class: c.numeric ? 'num' : null },
      h('button', { type: 'button', onclick: () => void this.store.set({ sort: c.key, desc: active ? !s.desc : Boolean(c.numeric), pageNo: 0 }) },
        t(c.label), active ? (s.desc ? ' ▼' : ' ▲') : ''));
  }
}
