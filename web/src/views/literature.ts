import { apiUrl, getJson } from '../api';
import { h, message } from '../dom';
import { formatDate, formatValue } from '../format';
import { dayNumber, doiUrl, gappedPath, highlightParts, literatureQuery, preciseDate, ticks } from '../research2';
import { errorText, testHooks } from '../shared';
import { apiError } from './api-error';
import type { LiteratureFilter, ViewState } from '../state';
import type { Store } from '../store';
import { s, timeFrame } from './svg';

export const PAPER_PAGE = 20;
/** The charts' window when the filter has no dates: the first half of 2020. */
export const WINDOW = { from: '2020-01-01', to: '2020-06-30' };
const KEY = /^[A-Z0-9]+(?:-[A-Z0-9]+)*(?:_[A-Z0-9]+(?:-[A-Z0-9]+)*){0,2}$/;

type Hit = { id: string; title: string | null; doi: string | null; published: string | null; precision: string | null; placeholder: boolean; journal: string | null; highlight: string | null };

/** Papers: a full-text search, and papers per week drawn above the daily cases of a place on the same time axis. */
export class LiteraturePage {
  readonly el = h('div', { class: 'research2-page literature-page' });
  private readonly form = h('form', { class: 'controls lit-filters', role: 'search', 'aria-label': 'Search papers' });
  private readonly charts = h('section', { class: 'lit-charts', 'aria-labelledby': 'lit-charts-h', 'aria-live': 'polite' });
  private readonly results = h('section', { class: 'lit-results', 'aria-labelledby': 'lit-results-h' });

  constructor(private readonly store: Store) {
    this.el.append(
      h('h2', {}, 'Literature'),
      h('p', { class: 'muted' }, 'Papers and preprints (CORD-19, preprint servers), searched in the database: words, "a phrase", -word, or. API: ',
        h('a', { href: '/docs' }, '/v1/literature'), '.'),
      this.form,
      h('h2', { id: 'lit-charts-h' }, 'Papers per week and daily cases'), this.charts,
      h('h2', { id: 'lit-results-h' }, 'Papers'), this.results,
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
      if (!KEY.test(place)) return void (error.textContent = 'Place: a location key such as CN, IT or US_NY.');
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
      h('label', { class: 'grow' }, 'Search ', h('input', { type: 'search', name: 'q', value: f.q, maxlength: 200, placeholder: 'e.g. bat coronavirus spike' })),
      h('label', {}, 'From ', h('input', { type: 'date', name: 'from', value: f.from ?? '' })),
      h('label', {}, 'To ', h('input', { type: 'date', name: 'to', value: f.to ?? '' })),
      h('label', {}, 'DOI ', h('select', { name: 'doi' }, h('option', { value: '' }, 'any'), h('option', { value: 'true' }, 'has a DOI'), h('option', { value: 'false' }, 'no DOI'))),
      h('label', {}, 'Cases of ', h('input', { name: 'place', value: f.place, size: 8, 'aria-describedby': 'lit-place-help' })),
      h('button', { type: 'submit' }, 'Search'),
      h('span', { id: 'lit-place-help', class: 'muted' }, 'A location key (CN, IT, US_NY) whose daily confirmed cases are drawn.'),
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
    const [counts, series] = await Promise.allSettled([
      getJson('/v1/literature/counts', { interval: 'week', q: f.q || undefined }),
      getJson('/v1/series', { location: f.place, metric: 'confirmed', transform: 'daily', from, to }),
    ]);
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
      const title = `Papers per week${f.q ? ` matching “${f.q}”` : ''}`;
      papers.append(h('figcaption', {}, title));
      if (shown.length === 0) papers.append(message('empty', `No dated paper${f.q ? ' matches' : ''} in ${formatDate(from)} – ${formatDate(to)}.`));
      else {
        const max = Math.max(...shown.map((c) => c.papers));
        const fr = timeFrame({ id: 'papers', title, desc: `${shown.length} weeks with papers between ${from} and ${to}; the numbers are in the table below.`, from, to, yMax: max, height: 170, yFormat: (v) => formatValue(v) });
        for (const c of shown) {
          const x0 = Math.max(fr.x(c.period), fr.x(from));
          const x1 = Math.min(fr.x(isoPlus(c.period, 7)), fr.x(to));
          fr.plot.append(s('rect', { class: 'bar', 'data-period': c.period, 'data-papers': c.papers, x: x0.toFixed(2), width: Math.max(1, x1 - x0 - 1).toFixed(2), y: fr.y(c.papers).toFixed(2), height: (fr.y(0) - fr.y(c.papers)).toFixed(2) },
            s('title', {}, `Week of ${formatDate(c.period)}: ${formatValue(c.papers)} papers`)));
        }
        papers.append(fr.svg);
      }
      papers.append(h('p', { class: 'chart-note muted' },
        `${formatValue(outside)} weeks with papers fall outside this window; ${formatValue(counts.value.meta.uncounted)} papers have no date precise to the week (or a placeholder date). All weeks are in the table.`));
      papers.append(h('details', { class: 'chart-table' }, h('summary', {}, 'Show as a table'),
        h('div', { class: 'table-scroll short' }, h('table', { class: 'lit-counts' }, h('caption', { class: 'sr-only' }, title),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Week of'), h('th', { scope: 'col', class: 'num' }, 'Papers'))),
          h('tbody', {}, all.map((c) => h('tr', { 'data-period': c.period }, h('th', { scope: 'row' }, c.period), h('td', { class: 'num' }, formatValue(c.papers)))))))));
    }
    if (series.status === 'rejected') {
      cases.append(apiError(series.reason, () => void this.update(this.store.state)));
    } else {
      const sr = series.value.series[0];
      const title = `Daily confirmed cases, ${f.place}`;
      cases.append(h('figcaption', {}, title));
      const start = sr?.start ?? null;
      testHooks().literature = { ...testHooks().literature, cases: sr && start ? { start, values: sr.values } : { start: from, values: [] } };
      if (!sr || !start || sr.values.every((v) => v === null)) cases.append(message('empty', `No daily confirmed cases for ${f.place} in ${formatDate(from)} – ${formatDate(to)}.`));
      else {
        const vals = sr.values;
        const max = Math.max(0, ...vals.filter((v): v is number => v !== null));
        const negative = vals.filter((v) => v !== null && v < 0).length;
        const fr = timeFrame({ id: 'cases', title, desc: `Daily new confirmed cases from ${sr.start} to ${sr.end}; the numbers are in the table below.`, from, to, yMax: max, height: 170, yFormat: (v) => formatValue(v), yTicks: ticks(max) });
        const pts = vals.map((v, i) => ({ x: fr.x(isoPlus(start, i)), y: v === null ? null : fr.y(Math.max(0, v)) }));
        fr.plot.append(s('path', { class: 'series cases', d: gappedPath(pts), 'data-start': start, 'data-values': vals.map((v) => (v === null ? '' : v)).join(',') }));
        cases.append(fr.svg);
        if (negative) cases.append(h('p', { class: 'chart-note muted' }, `${negative} days with negative corrections are drawn at 0 (their values are in the table).`));
        cases.append(h('details', { class: 'chart-table' }, h('summary', {}, 'Show as a table'),
          h('div', { class: 'table-scroll short' }, h('table', {}, h('caption', { class: 'sr-only' }, title),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col', class: 'num' }, 'Cases'))),
            h('tbody', {}, vals.map((v, i) => h('tr', {}, h('th', { scope: 'row' }, isoPlus(start, i)), h('td', { class: 'num' }, formatValue(v)))))))));
      }
    }
    this.charts.replaceChildren(h('div', { class: 'stacked-charts' }, papers, cases));
  }

  private async drawResults(st: ViewState): Promise<void> {
    const f = st.literature;
    if (!f.q) {
      testHooks().literature = { ...testHooks().literature, ids: [], total: 0 };
      return void this.results.replaceChildren(message('empty', 'Type words to search titles and abstracts (the chart above counts every paper until you do).'));
    }
    const query = literatureQuery(f);
    const offset = st.pageNo * PAPER_PAGE;
    try {
      const r = await getJson('/v1/literature/search', { ...query, limit: PAPER_PAGE, offset });
      testHooks().literature = { ...testHooks().literature, ids: r.data.map((x) => x.id), total: r.meta.total };
      const csv = apiUrl('/v1/literature/search', { ...query, limit: 200, format: 'csv' });
      const pages = Math.max(1, Math.ceil(r.meta.total / PAPER_PAGE));
      const head = h('p', { class: 'result-count' }, `${formatValue(r.meta.total)} papers`, r.data.length ? `; ${formatValue(offset + 1)}–${formatValue(offset + r.data.length)} shown, best match first. ` : '. ',
        h('a', { class: 'button csv-link', href: csv, download: 'glacier-literature.csv' }, 'Download CSV'), h('span', { class: 'muted' }, ' (the first 200)'));
      if (r.data.length === 0) return void this.results.replaceChildren(head, message('empty', r.meta.total ? 'No paper on this page.' : 'No paper matches this search.'));
      this.results.replaceChildren(head,
        h('ol', { class: 'papers', start: offset + 1 }, r.data.map((x) => this.paper(x))),
        h('nav', { class: 'pager', 'aria-label': 'Result pages' },
          h('button', { type: 'button', disabled: st.pageNo === 0, onclick: () => void this.store.set({ pageNo: st.pageNo - 1 }) }, '‹ Previous'),
          h('span', {}, `Page ${st.pageNo + 1} of ${pages}`),
          h('button', { type: 'button', disabled: st.pageNo >= pages - 1, onclick: () => void this.store.set({ pageNo: st.pageNo + 1 }) }, 'Next ›')));
    } catch (err) {
      testHooks().literature = { ...testHooks().literature, error: errorText(err) };
      this.results.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }

  private paper(x: Hit): HTMLElement {
    const hl = h('p', { class: 'highlight' });
    for (const part of highlightParts(x.highlight ?? '')) hl.append(part.mark ? h('mark', {}, part.text) : document.createTextNode(part.text));
    return h('li', { class: 'paper', 'data-id': x.id },
      h('h3', {}, h('a', { href: apiUrl('/v1/literature/{id}', {}, { id: x.id }) }, x.title ?? '(no title)')),
      h('p', { class: 'paper-meta muted' },
        h('span', { class: 'date', title: x.placeholder ? 'A placeholder date (year only, or 31 December)' : null }, preciseDate(x.published, x.precision), x.placeholder ? ' (placeholder)' : ''),
        x.journal ? ` · ${x.journal}` : '',
        x.doi ? [' · ', h('a', { class: 'doi', href: doiUrl(x.doi), rel: 'noopener' }, `doi:${x.doi}`)] : ''),
      x.highlight ? hl : null);
  }
}

function isoPlus(iso: string, n: number): string {
  return new Date((dayNumber(iso) + n) * 86_400_000).toISOString().slice(0, 10);
}
const isoMinus = (iso: string, n: number) => isoPlus(iso, -n);
