import { apiUrl, getJson } from '../api';
import { h, message } from '../dom';
import { formatDate, formatValue } from '../format';
import { t } from '../i18n';
import { dayNumber, doiUrl, gappedPath, highlightParts, literatureQuery, preciseDate, ticks } from '../research2';
import { errorText, testHooks } from '../shared';
import { apiError } from './api-error';
import { dataSpan, tNodes } from './message-nodes';
import { placeLabel } from './place-label';
import type { LiteratureFilter, ViewState } from '../state';
import type { Store } from '../store';
import { s, timeFrame } from './svg';
import { LITERATURE_SOURCES, TIME_CHART_STYLE } from '../figure-research';
import { withChartDownloads } from './research-figure';

export const PAPER_PAGE = 20;
/** The charts' window when the filter has no dates: the first half of 2020. */
export const WINDOW = { from: '2020-01-01', to: '2020-06-30' };
const KEY = /^[A-Z0-9]+(?:-[A-Z0-9]+)*(?:_[A-Z0-9]+(?:-[A-Z0-9]+)*){0,2}$/;

type Hit = { id: string; title: string | null; doi: string | null; published: string | null; precision: string | null; placeholder: boolean; journal: string | null; highlight: string | null };

/** Papers: a full-text search, and papers per week drawn above the daily cases of a place on the same time axis. */
export class LiteraturePage {
  readonly el = h('div', { class: 'research2-page literature-page' });
  private readonly form = h('form', { class: 'controls lit-filters', role: 'search', 'aria-label': t('literature.searchForm') });
  private readonly charts = h('section', { class: 'lit-charts', 'aria-labelledby': 'lit-charts-h', 'aria-live': 'polite' });
  private readonly results = h('section', { class: 'lit-results', 'aria-labelledby': 'lit-results-h' });

  constructor(private readonly store: Store) {
    this.el.append(
      h('h2', {}, t('literature.heading')),
      h('p', { class: 'muted' }, t('literature.intro'),
        h('a', { href: '/docs', translate: 'no' }, '/v1/literature'), t('literature.fullStop')),
      this.form,
      h('h2', { id: 'lit-charts-h' }, t('literature.chartsHeading')), this.charts,
      h('h2', { id: 'lit-results-h' }, t('literature.resultsHeading')), this.results,
    );
  }

  async update(st: ViewState): Promise<void> {
    if (!this.form.firstChild) this.drawForm(st.literature);
    this.syncForm(st.literature);
    await Promise.all([this.drawCharts(st.literature), this.drawResults(st)]);
    if (this.store.state === st) testHooks().literature = { ...testHooks().literature, rendered: location.search };
  }

  private drawForm(f: LiteratureFilter): void {
    const error = h('span', { class: 'error-text', role: 'alert' });
    this.form.onsubmit = (e) => {
      e.preventDefault();
      const fd = new FormData(this.form);
      const place = String(fd.get('place') ?? '').trim().toUpperCase() || 'CN';
      if (!KEY.test(place)) return void (error.textContent = t('literature.placeError'));
      error.textContent = '';
      const doi = String(fd.get('doi') ?? '');
      const from = String(fd.get('from') ?? '') || null;
      const to = String(fd.get('to') ?? '') || null;
      const [a, b] = from && to && from > to ? [to, from] : [from, to];
      void this.store.set({ pageNo: 0, literature: { q: String(fd.get('q') ?? '').trim().replace(/\s+/g, ' ').slice(0, 200), from: a, to: b, hasDoi: doi === '' ? null : doi === 'true', place } });
    };
    this.form.onchange = (e) => {
      const name = (e.target as HTMLElement).getAttribute('name');
      if (name === 'doi' || name === 'from' || name === 'to') this.form.requestSubmit();
    };
    this.form.replaceChildren(
      h('label', { class: 'grow' }, `${t('literature.search')} `, h('input', { type: 'search', name: 'q', value: f.q, maxlength: 200, placeholder: t('literature.searchPlaceholder') })),
      h('label', {}, `${t('literature.from')} `, h('input', { type: 'date', name: 'from', value: f.from ?? '' })),
      h('label', {}, `${t('literature.to')} `, h('input', { type: 'date', name: 'to', value: f.to ?? '' })),
      h('label', {}, `${t('literature.doi')} `, h('select', { name: 'doi' }, h('option', { value: '' }, t('literature.any')), h('option', { value: 'true' }, t('literature.hasDoi')), h('option', { value: 'false' }, t('literature.noDoi')))),
      h('label', {}, `${t('literature.casesOf')} `, h('input', { name: 'place', value: f.place, size: 8, 'aria-describedby': 'lit-place-help' })),
      h('button', { type: 'submit' }, t('literature.search')),
      h('span', { id: 'lit-place-help', class: 'muted' }, t('literature.placeHelp')),
      error,
    );
  }

  private syncForm(f: LiteratureFilter): void {
    const put = (name: string, v: string) => {
      const el = this.form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (el && el !== document.activeElement) el.value = v;
    };
    put('q', f.q);
    put('from', f.from ?? '');
    put('to', f.to ?? '');
    put('doi', f.hasDoi === null ? '' : String(f.hasDoi));
    put('place', f.place);
  }

  private async drawCharts(f: LiteratureFilter): Promise<void> {
    const from = f.from ?? WINDOW.from;
    const to = f.to ?? WINDOW.to;
    const [counts, series, where] = await Promise.allSettled([
      getJson('/v1/literature/counts', { interval: 'week', q: f.q || undefined }),
      getJson('/v1/series', { location: f.place, metric: 'confirmed', transform: 'daily', from, to }),
      // The place in the reader's language (the gazetteer's Chinese name where it has one), else its key.
      placeLabel(f.place),
    ]);
    const place = where.status === 'fulfilled' ? where.value : { text: f.place, node: dataSpan(f.place) };
    const papers = h('figure', { class: 'time-figure', id: 'papers-chart' });
    const cases = h('figure', { class: 'time-figure', id: 'cases-chart' });
    if (counts.status === 'rejected') {
      testHooks().literature = { ...testHooks().literature, error: errorText(counts.reason) };
      papers.append(apiError(counts.reason, () => void this.update(this.store.state)));
    } else {
      const all = counts.value.data;
      testHooks().literature = { ...testHooks().literature, counts: all };
      const shown = all.filter((c) => c.period >= isoMinus(from, 6) && c.period <= to);
      const outside = all.length - shown.length;
      // The search words are the reader's (data): in the caption, marked; in the chart's description, not its title.
      const title = t('literature.papersPerWeek');
      papers.append(h('figcaption', {}, title, f.q ? [t('literature.matching'), h('span', { translate: 'no' }, `“${f.q}”`)] : ''));
      if (shown.length === 0) papers.append(message('empty', t(f.q ? 'literature.noDatedMatch' : 'literature.noDated', { from: formatDate(from), to: formatDate(to) })));
      else {
        const max = Math.max(...shown.map((c) => c.papers));
        const desc = `${f.q ? `${t('literature.papersDescQuery', { q: f.q })} ` : ''}${t('literature.papersDesc', { count: shown.length, from: formatDate(from), to: formatDate(to) })}`;
        const fr = timeFrame({ id: 'papers', title, desc, from, to, yMax: max, height: 170, yFormat: (v) => formatValue(v) });
        for (const c of shown) {
          const x0 = Math.max(fr.x(c.period), fr.x(from));
          const x1 = Math.min(fr.x(isoPlus(c.period, 7)), fr.x(to));
          fr.plot.append(s('rect', { class: 'bar', 'data-period': c.period, 'data-papers': c.papers, x: x0.toFixed(2), width: Math.max(1, x1 - x0 - 1).toFixed(2), y: fr.y(c.papers).toFixed(2), height: (fr.y(0) - fr.y(c.papers)).toFixed(2) },
            s('title', {}, t('literature.weekBar', { date: formatDate(c.period), count: c.papers }))));
        }
        papers.append(fr.svg);
      }
      papers.append(h('p', { class: 'chart-note muted' }, t('literature.outside', { outside, uncounted: counts.value.meta.uncounted })));
      papers.append(h('details', { class: 'chart-table' }, h('summary', {}, t('literature.showTable')),
        h('div', { class: 'table-scroll short' }, h('table', { class: 'lit-counts' }, h('caption', { class: 'sr-only' }, title),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('literature.weekOf')), h('th', { scope: 'col', class: 'num' }, t('literature.papersCol')))),
          h('tbody', {}, all.map((c) => h('tr', { 'data-period': c.period }, h('th', { scope: 'row' }, formatDate(c.period)), h('td', { class: 'num' }, formatValue(c.papers)))))))));
      if (shown.length) withChartDownloads(papers, {
        style: TIME_CHART_STYLE, sources: () => LITERATURE_SOURCES,
        subtitle: () => [{ text: t('story.subtitle.range', { from: formatDate(from), to: formatDate(to) }) }],
        name: () => ['glacier-papers-per-week', f.q ? 'q' : null, from, to].filter(Boolean).join('-'),
      });
    }
    if (series.status === 'rejected') {
      cases.append(apiError(series.reason, () => void this.update(this.store.state)));
    } else {
      const sr = series.value.series[0];
      // The place is named in the caption and the chart's description (the SVG title has the catalogue's words only).
      const title = t('literature.casesTitleShort');
      cases.append(h('figcaption', {}, ...tNodes('literature.casesTitle', {}, { place: place.node })));
      const start = sr?.start ?? null;
      testHooks().literature = { ...testHooks().literature, cases: sr && start ? { start, values: sr.values } : { start: from, values: [] } };
      if (!sr || !start || sr.values.every((v) => v === null)) {
        const empty = message('empty', '');
        empty.querySelector('p')!.replaceChildren(...tNodes('literature.noCases', { from: formatDate(from), to: formatDate(to) }, { place: place.node.cloneNode(true) }));
        cases.append(empty);
      } else {
        const vals = sr.values;
        const max = Math.max(0, ...vals.filter((v): v is number => v !== null));
        const negative = vals.filter((v) => v !== null && v < 0).length;
        const fr = timeFrame({ id: 'cases', title, desc: t('literature.casesDesc', { place: place.text, from: formatDate(sr.start), to: formatDate(sr.end) }), from, to, yMax: max, height: 170, yFormat: (v) => formatValue(v), yTicks: ticks(max) });
        const pts = vals.map((v, i) => ({ x: fr.x(isoPlus(start, i)), y: v === null ? null : fr.y(Math.max(0, v)) }));
        fr.plot.append(s('path', { class: 'series cases', d: gappedPath(pts), 'data-start': start, 'data-values': vals.map((v) => (v === null ? '' : v)).join(',') }));
        cases.append(fr.svg);
        if (negative) cases.append(h('p', { class: 'chart-note muted' }, t('literature.negative', { count: negative })));
        cases.append(h('details', { class: 'chart-table' }, h('summary', {}, t('literature.showTable')),
          h('div', { class: 'table-scroll short' }, h('table', {}, h('caption', { class: 'sr-only' }, title),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('literature.day')), h('th', { scope: 'col', class: 'num' }, t('literature.casesCol')))),
            h('tbody', {}, vals.map((v, i) => h('tr', {}, h('th', { scope: 'row' }, formatDate(isoPlus(start, i))), h('td', { class: 'num' }, formatValue(v)))))))));
      }
    }
    this.charts.replaceChildren(h('div', { class: 'stacked-charts' }, papers, cases));
  }

  private async drawResults(st: ViewState): Promise<void> {
    const f = st.literature;
    if (!f.q) {
      testHooks().literature = { ...testHooks().literature, ids: [], total: 0 };
      return void this.results.replaceChildren(message('empty', t('literature.typeWords')));
    }
    const query = literatureQuery(f);
    const offset = st.pageNo * PAPER_PAGE;
    try {
      const r = await getJson('/v1/literature/search', { ...query, limit: PAPER_PAGE, offset });
      testHooks().literature = { ...testHooks().literature, ids: r.data.map((x) => x.id), total: r.meta.total };
      const csv = apiUrl('/v1/literature/search', { ...query, limit: 200, format: 'csv' });
      const pages = Math.max(1, Math.ceil(r.meta.total / PAPER_PAGE));
      const head = h('p', { class: 'result-count' }, t('literature.count', { count: r.meta.total }), r.data.length ? t('literature.shown', { from: offset + 1, to: offset + r.data.length }) : t('literature.countEnd'),
        h('a', { class: 'button csv-link', href: csv, download: 'glacier-literature.csv' }, t('literature.downloadCsv')), h('span', { class: 'muted' }, t('literature.first200')));
      if (r.data.length === 0) return void this.results.replaceChildren(head, message('empty', t(r.meta.total ? 'literature.noPagePaper' : 'literature.noMatch')));
      this.results.replaceChildren(head,
        h('ol', { class: 'papers', start: offset + 1 }, r.data.map((x) => this.paper(x))),
        h('nav', { class: 'pager', 'aria-label': t('literature.pages') },
          h('button', { type: 'button', disabled: st.pageNo === 0, onclick: () => void this.store.set({ pageNo: st.pageNo - 1 }) }, t('literature.previous')),
          h('span', {}, t('literature.page', { page: st.pageNo + 1, pages })),
          h('button', { type: 'button', disabled: st.pageNo >= pages - 1, onclick: () => void this.store.set({ pageNo: st.pageNo + 1 }) }, t('literature.next'))));
    } catch (err) {
      testHooks().literature = { ...testHooks().literature, error: errorText(err) };
      this.results.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }

  private paper(x: Hit): HTMLElement {
    const hl = h('p', { class: 'highlight', translate: 'no' });
    for (const part of highlightParts(x.highlight ?? '')) hl.append(part.mark ? h('mark', {}, part.text) : document.createTextNode(part.text));
    return h('li', { class: 'paper', 'data-id': x.id },
      // Titles, journals and DOIs are data; "(no title)" is the page's.
      h('h3', { translate: x.title === null ? null : 'no' }, h('a', { href: apiUrl('/v1/literature/{id}', {}, { id: x.id }) }, x.title ?? t('literature.noTitle'))),
      h('p', { class: 'paper-meta muted' },
        h('span', { class: 'date', title: x.placeholder ? t('literature.placeholderTitle') : null }, preciseDate(x.published, x.precision), x.placeholder ? t('literature.placeholder') : ''),
        x.journal ? [' · ', h('span', { translate: 'no' }, x.journal)] : '',
        x.doi ? [' · ', h('a', { class: 'doi', href: doiUrl(x.doi), rel: 'noopener', translate: 'no' }, `doi:${x.doi}`)] : ''),
      x.highlight ? hl : null);
  }
}

function isoPlus(iso: string, n: number): string {
  return new Date((dayNumber(iso) + n) * 86_400_000).toISOString().slice(0, 10);
}
const isoMinus = (iso: string, n: number) => isoPlus(iso, -n);
