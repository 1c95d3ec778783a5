import { apiUrl, getJson } from '../api';
import { h, message } from '../dom';
import { formatDate, formatValue } from '../format';
import { t } from '../i18n';
import { daySpan, gappedPath, termValue, ticks } from '../research2';
import { errorText, testHooks } from '../shared';
import { apiError } from './api-error';
import { dataSpan } from './message-nodes';
import { NGRAM_KINDS, parseTerms, type ChatterFilter, type NgramKind, type ViewState } from '../state';
import type { Store } from '../store';
import { CATEGORY, s, timeFrame } from './svg';
import { CHATTER_SOURCES, TIME_CHART_STYLE } from '../figure-research';
import { withChartDownloads } from './research-figure';

export const TOP_N = 25;
const pct = (v: number) => t('chatter.percent', { value: (v * 100).toFixed(v && v < 0.001 ? 3 : 2) });
const kindText = (k: string) => ((NGRAM_KINDS as readonly string[]).includes(k) ? t(`chatter.kind.${k as NgramKind}`) : k);

/** Twitter chatter: chosen terms' daily share (or count) as lines, and one day's top list. */
export class ChatterPage {
  readonly el = h('div', { class: 'research2-page chatter-page' });
  private readonly form = h('form', { class: 'controls chatter-filters', 'aria-label': t('chatter.form') });
  private readonly lines = h('section', { class: 'chatter-lines', 'aria-labelledby': 'chatter-lines-h', 'aria-live': 'polite' });
  private readonly top = h('section', { class: 'chatter-top', 'aria-labelledby': 'chatter-top-h' });

  constructor(private readonly store: Store) {
    this.el.append(
      h('h2', {}, t('chatter.heading')),
      h('p', { class: 'muted' }, t('chatter.intro'),
        h('a', { href: '/docs', translate: 'no' }, '/v1/chatter'), t('chatter.fullStop')),
      this.form,
      h('h2', { id: 'chatter-lines-h' }, t('chatter.linesHeading')), this.lines,
      h('h2', { id: 'chatter-top-h' }, t('chatter.topHeading')), this.top,
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
      h('label', { class: 'grow' }, `${t('chatter.terms')} `, h('input', { name: 'terms', value: f.terms.join(', '), maxlength: 500, 'aria-describedby': 'terms-help' })),
      h('label', {}, `${t('chatter.show')} `, h('select', { name: 'measure' }, h('option', { value: 'share' }, t('chatter.share')), h('option', { value: 'count' }, t('chatter.count')))),
      h('button', { type: 'submit' }, t('chatter.draw')),
      h('span', { id: 'terms-help', class: 'muted' }, t('chatter.termsHelp')),
      h('label', {}, `${t('chatter.day')} `, h('input', { type: 'date', name: 'date', value: f.date ?? '' })),
      h('label', {}, `${t('chatter.list')} `, h('select', { name: 'kind' }, NGRAM_KINDS.map((k) => h('option', { value: k }, kindText(k))))),
      h('label', { class: 'toggle' }, h('input', { type: 'checkbox', name: 'noise', checked: f.noise }), ` ${t('chatter.noise')}`),
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
      return void this.lines.replaceChildren(message('empty', t('chatter.typeTerms')));
    }
    try {
      const all = await Promise.all(f.terms.map((term) => getJson('/v1/chatter/terms', { term })));
      const days = daySpan(all.flatMap((r) => r.data.map((x) => x.date)));
      const series = f.terms.map((term, i) => {
        const by = new Map(all[i].data.map((x) => [x.date, termValue(x, f.share)]));
        return { term, dates: days, values: days.map((d) => by.get(d) ?? null) };
      });
      testHooks().chatter = { ...testHooks().chatter, terms: series };
      if (days.length === 0) return void this.lines.replaceChildren(message('empty', t('chatter.noDay')));
      const max = Math.max(0, ...series.flatMap((x) => x.values.filter((v): v is number => v !== null)));
      const fmt = f.share ? pct : (v: number) => formatValue(v);
      // The terms are data: named in the caption (marked) and the description, not in the SVG title.
      const title = t(f.share ? 'chatter.shareTitle' : 'chatter.countTitle');
      const fr = timeFrame({ id: 'terms', title, desc: t('chatter.desc', { terms: f.terms.join(', '), count: f.terms.length, days: days.length }),
        from: days[0], to: days[days.length - 1], yMax: max, height: 220, yFormat: fmt, yTicks: ticks(max) });
      series.forEach((x, i) => {
        const colour = CATEGORY[i % CATEGORY.length];
        const pts = x.values.map((v, k) => ({ x: fr.x(days[k]), y: v === null ? null : fr.y(v) }));
        fr.plot.append(s('path', { class: 'term-line', 'data-term': x.term, 'data-values': x.values.map((v) => (v === null ? '' : v)).join(','), stroke: colour, d: gappedPath(pts) }));
        pts.forEach((p, k) => {
          if (p.y !== null) fr.plot.append(s('circle', { class: 'term-point', cx: p.x.toFixed(2), cy: p.y.toFixed(2), r: 3.5, fill: colour }, s('title', { translate: 'no' }, `${x.term}, ${formatDate(days[k])}: ${fmt(x.values[k]!)}`)));
        });
      });
      const legend = h('ul', { class: 'legend terms' }, series.map((x, i) => h('li', { 'data-term': x.term }, h('span', { class: 'swatch', style: `background:${CATEGORY[i % CATEGORY.length]}` }), dataSpan(x.term),
        x.values.every((v) => v === null) ? h('span', { class: 'muted' }, t('chatter.neverListed')) : null)));
      const caption = [t('chatter.titleTerms', { title }), dataSpan(f.terms.join(', '))];
      this.lines.replaceChildren(withChartDownloads(h('figure', { class: 'time-figure', id: 'terms-chart' }, h('figcaption', {}, ...caption), fr.svg, legend,
        h('details', { class: 'chart-table' }, h('summary', {}, t('chatter.showTable')),
          h('div', { class: 'table-scroll' }, h('table', { class: 'term-table' }, h('caption', { class: 'sr-only' }, title),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('chatter.day')), series.map((x) => h('th', { scope: 'col', class: 'num', translate: 'no' }, x.term)))),
            h('tbody', {}, days.map((d, k) => h('tr', {}, h('th', { scope: 'row' }, formatDate(d)), series.map((x) => h('td', { class: 'num' }, x.values[k] === null ? t('chatter.notListed') : fmt(x.values[k]!)))))))))), {
        style: TIME_CHART_STYLE, sources: () => CHATTER_SOURCES,
        subtitle: () => [{ text: t('story.subtitle.range', { from: formatDate(days[0]), to: formatDate(days[days.length - 1]) }) }],
        legend: () => series.map((x, i) => ({ label: x.term, colour: CATEGORY[i % CATEGORY.length], kind: 'line', data: true })),
        name: () => ['glacier-chatter', f.share ? 'share' : 'count', days[0], days[days.length - 1]].join('-'),
      }));
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
      const head = h('p', { class: 'result-count' }, `${t('chatter.topHead', { date: formatDate(r.meta.date), kind: kindText(r.meta.kind) })}${f.noise ? t('chatter.leftOut', { count: r.meta.removed }) : ''}${t('chatter.topEnd')}`,
        h('a', { href: apiUrl('/v1/chatter/top', query) }, t('chatter.json')));
      if (r.data.length === 0) return void this.top.replaceChildren(head, message('empty', t('chatter.nothing')));
      this.top.replaceChildren(head, h('ol', { class: 'top-list' }, r.data.map((x) => h('li', { 'data-token': x.token, 'data-count': x.count },
        h('span', { class: 'rank muted' }, `#${x.rank}`), h('span', { class: 'token', translate: 'no' }, x.token),
        h('span', { class: 'bar', style: `width:${((x.count / max) * 100).toFixed(1)}%`, 'aria-hidden': 'true' }),
        h('span', { class: 'count' }, formatValue(x.count))))));
    } catch (err) {
      this.top.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }
}
