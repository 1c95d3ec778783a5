import { apiUrl, getJson } from '../api';
import { h, message } from '../dom';
import { formatDate, formatValue } from '../format';
import { daySpan, gappedPath, termValue, ticks } from '../research2';
import { errorText, testHooks } from '../shared';
import { apiError } from './api-error';
import { NGRAM_KINDS, parseTerms, type ChatterFilter, type NgramKind, type ViewState } from '../state';
import type { Store } from '../store';
import { CATEGORY, s, timeFrame } from './svg';

export const TOP_N = 25;
const pct = (v: number) => `${(v * 100).toFixed(v && v < 0.001 ? 3 : 2)} %`;

/** Twitter chatter: chosen terms' daily share (or count) as lines, and one day's top list. */
export class ChatterPage {
  readonly el = h('div', { class: 'research2-page chatter-page' });
  private readonly form = h('form', { class: 'controls chatter-filters', 'aria-label': 'Terms and day' });
  private readonly lines = h('section', { class: 'chatter-lines', 'aria-labelledby': 'chatter-lines-h', 'aria-live': 'polite' });
  private readonly top = h('section', { class: 'chatter-top', 'aria-labelledby': 'chatter-top-h' });

  constructor(private readonly store: Store) {
    this.el.append(
      h('h2', {}, 'Chatter'),
      h('p', { class: 'muted' }, 'The most used terms, bigrams and trigrams of COVID-19 tweets per day (Panacea Lab’s daily top 1,000). A term not in a day’s list is a gap in its line: its count is below the last listed, not 0. API: ',
        h('a', { href: '/docs' }, '/v1/chatter'), '.'),
      this.form,
      h('h2', { id: 'chatter-lines-h' }, 'Terms per day'), this.lines,
      h('h2', { id: 'chatter-top-h' }, 'A day’s top list'), this.top,
    );
  }

  async update(st: ViewState): Promise<void> {
    if (!this.form.firstChild) this.drawForm(st.chatter);
    this.syncForm(st.chatter);
    await Promise.all([this.drawLines(st.chatter), this.drawTop(st.chatter)]);
    if (this.store.state === st) testHooks().chatter = { ...testHooks().chatter, rendered: location.search };
  }

  private drawForm(f: ChatterFilter): void {
    const apply = () => {
      const fd = new FormData(this.form);
      void this.store.set({ chatter: {
        terms: parseTerms(String(fd.get('terms') ?? '')), share: fd.get('measure') !== 'count', date: String(fd.get('date') ?? '') || null,
        kind: (String(fd.get('kind') ?? 'terms') as NgramKind), noise: fd.get('noise') === 'on',
      } });
    };
    this.form.onsubmit = (e) => (e.preventDefault(), apply());
    this.form.onchange = (e) => {
      if ((e.target as HTMLElement).getAttribute('name') !== 'terms') apply();
    };
    this.form.replaceChildren(
      h('label', { class: 'grow' }, 'Terms ', h('input', { name: 'terms', value: f.terms.join(', '), maxlength: 500, 'aria-describedby': 'terms-help' })),
      h('label', {}, 'Show ', h('select', { name: 'measure' }, h('option', { value: 'share' }, 'share of the day'), h('option', { value: 'count' }, 'count'))),
      h('button', { type: 'submit' }, 'Draw'),
      h('span', { id: 'terms-help', class: 'muted' }, 'Comma-separated; a phrase of two or three words is a bigram or trigram.'),
      h('label', {}, 'Day ', h('input', { type: 'date', name: 'date', value: f.date ?? '' })),
      h('label', {}, 'List ', h('select', { name: 'kind' }, NGRAM_KINDS.map((k) => h('option', { value: k }, k)))),
      h('label', { class: 'toggle' }, h('input', { type: 'checkbox', name: 'noise', checked: f.noise }), ' Leave out stop words and noise'),
    );
  }

  private syncForm(f: ChatterFilter): void {
    const el = (name: string) => this.form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const put = (name: string, v: string) => {
      const x = el(name);
      if (x && x !== document.activeElement) x.value = v;
    };
    put('terms', f.terms.join(', '));
    put('measure', f.share ? 'share' : 'count');
    put('date', f.date ?? '');
    put('kind', f.kind);
    const noise = el('noise') as HTMLInputElement | null;
    if (noise) noise.checked = f.noise;
  }

  private async drawLines(f: ChatterFilter): Promise<void> {
    if (f.terms.length === 0) {
      testHooks().chatter = { ...testHooks().chatter, terms: [] };
      return void this.lines.replaceChildren(message('empty', 'Type one or more terms, separated by commas.'));
    }
    try {
      const all = await Promise.all(f.terms.map((term) => getJson('/v1/chatter/terms', { term })));
      const days = daySpan(all.flatMap((r) => r.data.map((x) => x.date)));
      const series = f.terms.map((term, i) => {
        const by = new Map(all[i].data.map((x) => [x.date, termValue(x, f.share)]));
        return { term, dates: days, values: days.map((d) => by.get(d) ?? null) };
      });
      testHooks().chatter = { ...testHooks().chatter, terms: series };
      if (days.length === 0) return void this.lines.replaceChildren(message('empty', 'No day is held.'));
      const max = Math.max(0, ...series.flatMap((x) => x.values.filter((v): v is number => v !== null)));
      const fmt = f.share ? pct : (v: number) => formatValue(v);
      const title = `${f.share ? 'Share of the day’s listed counts' : 'Count'} per day: ${f.terms.join(', ')}`;
      const fr = timeFrame({ id: 'terms', title, desc: `${f.terms.length} terms over ${days.length} days; gaps where a term is not listed. The numbers are in the table below.`,
        from: days[0], to: days[days.length - 1], yMax: max, height: 220, yFormat: fmt, yTicks: ticks(max) });
      series.forEach((x, i) => {
        const colour = CATEGORY[i % CATEGORY.length];
        const pts = x.values.map((v, k) => ({ x: fr.x(days[k]), y: v === null ? null : fr.y(v) }));
        fr.plot.append(s('path', { class: 'term-line', 'data-term': x.term, 'data-values': x.values.map((v) => (v === null ? '' : v)).join(','), stroke: colour, d: gappedPath(pts) }));
        pts.forEach((p, k) => {
          if (p.y !== null) fr.plot.append(s('circle', { class: 'term-point', cx: p.x.toFixed(2), cy: p.y.toFixed(2), r: 3.5, fill: colour }, s('title', {}, `${x.term}, ${formatDate(days[k])}: ${fmt(x.values[k]!)}`)));
        });
      });
      const legend = h('ul', { class: 'legend terms' }, series.map((x, i) => h('li', { 'data-term': x.term }, h('span', { class: 'swatch', style: `background:${CATEGORY[i % CATEGORY.length]}` }), x.term,
        x.values.every((v) => v === null) ? h('span', { class: 'muted' }, ' (never listed)') : null)));
      this.lines.replaceChildren(h('figure', { class: 'time-figure', id: 'terms-chart' }, h('figcaption', {}, title), fr.svg, legend,
        h('details', { class: 'chart-table' }, h('summary', {}, 'Show as a table'),
          h('div', { class: 'table-scroll' }, h('table', { class: 'term-table' }, h('caption', { class: 'sr-only' }, title),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), series.map((x) => h('th', { scope: 'col', class: 'num' }, x.term)))),
            h('tbody', {}, days.map((d, k) => h('tr', {}, h('th', { scope: 'row' }, formatDate(d)), series.map((x) => h('td', { class: 'num' }, x.values[k] === null ? 'not listed' : fmt(x.values[k]!)))))))))));
    } catch (err) {
      testHooks().chatter = { ...testHooks().chatter, error: errorText(err) };
      this.lines.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }

  private async drawTop(f: ChatterFilter): Promise<void> {
    const query = { date: f.date ?? undefined, kind: f.kind, n: TOP_N, filter: f.noise ? 'noise' : 'none' };
    try {
      const r = await getJson('/v1/chatter/top', query);
      testHooks().chatter = { ...testHooks().chatter, top: r.data.map((x) => ({ token: x.token, count: x.count })) };
      const max = Math.max(1, ...r.data.map((x) => x.count));
      const head = h('p', { class: 'result-count' }, `${formatDate(r.meta.date)}, ${r.meta.kind}${f.noise ? `: ${formatValue(r.meta.removed)} left out as noise` : ''}. `,
        h('a', { href: apiUrl('/v1/chatter/top', query) }, 'JSON'));
      if (r.data.length === 0) return void this.top.replaceChildren(head, message('empty', 'Nothing listed that day.'));
      this.top.replaceChildren(head, h('ol', { class: 'top-list' }, r.data.map((x) => h('li', { 'data-token': x.token, 'data-count': x.count },
        h('span', { class: 'rank muted' }, `#${x.rank}`), h('span', { class: 'token' }, x.token),
        h('span', { class: 'bar', style: `width:${((x.count / max) * 100).toFixed(1)}%`, 'aria-hidden': 'true' }),
        h('span', { class: 'count' }, formatValue(x.count))))));
    } catch (err) {
      this.top.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }
}
