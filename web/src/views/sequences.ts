import { apiUrl, getJson } from '../api';
import { h, message } from '../dom';
import { formatDate, formatValue } from '../format';
import { t } from '../i18n';
import { dayNumber, preciseDate, round, stackClades, weekRuns } from '../research2';
import { errorText, testHooks } from '../shared';
import { apiError } from './api-error';
import { dataSpan, tNodes } from './message-nodes';
import { placeLabel } from './place-label';
import type { SequenceFilter, ViewState } from '../state';
import type { Store } from '../store';
import { CATEGORY, s, timeFrame, UNASSIGNED } from './svg';
import { SEQUENCE_SOURCES, TIME_CHART_STYLE } from '../figure-research';
import { withChartDownloads } from './research-figure';

export const SEQ_PAGE = 25;
const KEY = /^[A-Z0-9]+(?:-[A-Z0-9]+)*(?:_[A-Z0-9]+(?:-[A-Z0-9]+)*){0,2}$/;
type Row = Record<string, string | number | null>;

/** A clade's key in data attributes (the tests and links read them): its name, or "unassigned". */
const cladeName = (c: string | null) => c ?? 'unassigned';
/** A clade as shown: Nextstrain's name (data, translate="no"), or the page's word for unassigned. */
const cladeNode = (c: string | null) => (c === null ? document.createTextNode(t('sequences.unassigned')) : dataSpan(c));
const cladeText = (c: string | null) => c ?? t('sequences.unassigned');
const QC = ['good', 'mediocre', 'bad'] as const;
const qcText = (v: unknown) => (v === null || v === undefined ? '—' : (QC as readonly unknown[]).includes(v) ? t(`sequences.qc.${v as (typeof QC)[number]}`) : String(v));
const percent = (v: number, digits: number) => t('sequences.percent', { value: (v * 100).toFixed(digits) });
const plusDays = (iso: string, n: number) => new Date((dayNumber(iso) + n) * 86_400_000).toISOString().slice(0, 10);
const words = (v: string | number | null) => (typeof v === 'string' && v.trim() ? v.trim().split(/\s+/) : []);

/** Genomes: clade frequencies per week (stacked), the sequences a page at a time, one strain's mutations. */
export class SequencesPage {
  readonly el = h('div', { class: 'research2-page sequences-page' });
  private readonly form = h('form', { class: 'controls seq-filters', role: 'search', 'aria-label': t('sequences.filter') });
  private readonly chart = h('section', { class: 'seq-chart', 'aria-labelledby': 'seq-chart-h', 'aria-live': 'polite' });
  private readonly table = h('section', { class: 'seq-table', 'aria-labelledby': 'seq-table-h' });
  private readonly panel = h('aside', { class: 'strain-panel', 'aria-labelledby': 'strain-h', 'aria-live': 'polite' });

  constructor(private readonly store: Store) {
    this.el.append(
      h('h2', {}, t('sequences.heading')),
      h('p', { class: 'muted' }, t('sequences.intro'),
        h('a', { href: '/docs', translate: 'no' }, '/v1/sequences'), t('sequences.fullStop')),
      this.form,
      h('h2', { id: 'seq-chart-h' }, t('sequences.chartHeading')), this.chart,
      h('h2', { id: 'seq-table-h' }, t('sequences.tableHeading')),
      h('div', { class: 'seq-layout' }, this.table, this.panel),
    );
  }

  async update(st: ViewState): Promise<void> {
    if (!this.form.firstChild) this.drawForm(st.sequences);
    const input = this.form.elements.namedItem('location') as HTMLInputElement | null;
    if (input && input !== document.activeElement) input.value = st.sequences.location ?? '';
    await Promise.all([this.drawChart(st.sequences), this.drawTable(st), this.drawStrain(st.sequences.strain)]);
    if (this.store.state === st) testHooks().sequences = { ...testHooks().sequences, rendered: location.search };
  }

  private drawForm(f: SequenceFilter): void {
    const error = h('span', { class: 'error-text', role: 'alert' });
    this.form.onsubmit = (e) => {
      e.preventDefault();
      const v = String(new FormData(this.form).get('location') ?? '').trim().toUpperCase();
      if (v && !KEY.test(v)) return void (error.textContent = t('sequences.placeError'));
      error.textContent = '';
      void this.store.set({ pageNo: 0, sequences: { location: v || null, strain: null } });
    };
    this.form.replaceChildren(
      h('label', {}, `${t('sequences.place')} `, h('input', { name: 'location', value: f.location ?? '', size: 10, placeholder: t('sequences.all'), 'aria-describedby': 'seq-place-help' })),
      h('button', { type: 'submit' }, t('sequences.show')),
      h('span', { id: 'seq-place-help', class: 'muted' }, t('sequences.placeHelp')),
      error,
    );
  }

  private async drawChart(f: SequenceFilter): Promise<void> {
    try {
      const [r, place] = await Promise.all([getJson('/v1/sequences/clades', { interval: 'week', location: f.location ?? undefined }), f.location ? placeLabel(f.location) : null]);
      testHooks().sequences = { ...testHooks().sequences, clades: r.data.map((x) => ({ clade: x.clade, period: x.period, frequency: x.frequency })) };
      if (r.data.length === 0) {
        const empty = message('empty', t('sequences.noDated'));
        if (place) empty.querySelector('p')!.replaceChildren(...tNodes('sequences.noDatedIn', {}, { place: place.node }));
        return void this.chart.replaceChildren(empty);
      }
      const st = stackClades(r.data);
      const first = st.periods[0];
      const last = plusDays(st.periods[st.periods.length - 1], 7);
      // The place is named in the caption and the description (the SVG title has the catalogue's words only).
      const title = t('sequences.title');
      const caption = place ? tNodes('sequences.titleIn', {}, { place: place.node }) : [title];
      const desc = `${place ? `${t('sequences.titleIn', { place: place.text })}: ` : ''}${t('sequences.desc', { clades: st.clades.length, weeks: st.periods.length })}`;
      const fr = timeFrame({ id: 'clades', title, desc,
        from: first, to: last, yMax: 1, height: 240, yFormat: (v) => percent(v, 0), yTicks: [0, 0.25, 0.5, 0.75, 1] });
      // Each week is drawn over its whole width (a step, so a week alone is still visible); weeks
      // without a dated sequence are left empty, never bridged.
      const runs = weekRuns(st.periods);
      st.clades.forEach((c, i) => {
        const d = runs.map(([a, b]) => {
          const ks = Array.from({ length: b - a + 1 }, (_, j) => a + j);
          const xs = ks.flatMap((k) => [fr.x(st.periods[k]), fr.x(plusDays(st.periods[k], 7))]);
          const tops = ks.flatMap((k) => [st.top[i][k], st.top[i][k]]);
          const bottoms = ks.flatMap((k) => (i ? [st.top[i - 1][k], st.top[i - 1][k]] : [0, 0]));
          const up = xs.map((x, j) => `${round(x)},${round(fr.y(tops[j]))}`);
          const down = xs.map((x, j) => `${round(x)},${round(fr.y(bottoms[j]))}`).reverse();
          return `M${up.join(' L')} L${down.join(' L')} Z`;
        }).join(' ');
        fr.plot.append(s('path', { class: 'band', 'data-clade': cladeName(c), 'data-values': st.freq[i].join(','), fill: c === null ? UNASSIGNED : CATEGORY[i % CATEGORY.length], d },
          s('title', { translate: c === null ? null : 'no' }, cladeText(c))));
      });
      const legend = h('ul', { class: 'legend clades' }, st.clades.map((c, i) => h('li', { 'data-clade': cladeName(c) },
        h('span', { class: 'swatch', style: `background:${c === null ? UNASSIGNED : CATEGORY[i % CATEGORY.length]}` }), cladeNode(c))));
      const figure = h('figure', { class: 'time-figure', id: 'clade-chart' }, h('figcaption', {}, ...caption), fr.svg, legend,
        h('details', { class: 'chart-table' }, h('summary', {}, t('sequences.showTable')),
          h('div', { class: 'table-scroll short' }, h('table', { class: 'clade-table' }, h('caption', { class: 'sr-only' }, t('sequences.tableCaption', { title })),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('sequences.weekOf')), st.clades.map((c) => h('th', { scope: 'col', class: 'num' }, cladeNode(c))))),
            h('tbody', {}, st.periods.map((p, k) => h('tr', { 'data-period': p }, h('th', { scope: 'row' }, formatDate(p)),
              st.clades.map((_, i) => h('td', { class: 'num' }, st.freq[i][k] ? percent(st.freq[i][k], 1) : '—')))))))));
      this.chart.replaceChildren(withChartDownloads(figure, {
        style: TIME_CHART_STYLE, sources: () => SEQUENCE_SOURCES,
        subtitle: () => [...(place ? [{ text: place.text, data: true }, { text: ' · ' }] : []), { text: t('story.subtitle.range', { from: formatDate(first), to: formatDate(last) }) }],
        legend: () => st.clades.map((c, i) => ({ label: cladeText(c), colour: c === null ? UNASSIGNED : CATEGORY[i % CATEGORY.length], kind: 'swatch', data: c !== null })),
        name: () => ['glacier-clades', f.location, first, last].filter(Boolean).join('-'),
      }));
    } catch (err) {
      testHooks().sequences = { ...testHooks().sequences, error: errorText(err) };
      this.chart.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }

  private async drawTable(st: ViewState): Promise<void> {
    const f = st.sequences;
    const offset = st.pageNo * SEQ_PAGE;
    const filter = { location: f.location ?? undefined };
    try {
      const r = await getJson('/v1/sequences', { ...filter, limit: SEQ_PAGE, offset });
      testHooks().sequences = { ...testHooks().sequences, strains: r.data.map((x) => String(x.strain)), total: r.meta.total };
      const pages = Math.max(1, Math.ceil(r.meta.total / SEQ_PAGE));
      const links = h('p', { class: 'result-count' }, t('sequences.count', { count: r.meta.total }),
        h('a', { class: 'button csv-link', href: apiUrl('/v1/sequences', { ...filter, limit: 5000, format: 'csv' }), download: 'glacier-sequences.csv' }, t('sequences.downloadCsv')), ' ',
        h('a', { class: 'button fasta-link', href: apiUrl('/v1/sequences', filter).replace(/^\/v1\/sequences/, '/v1/sequences/fasta'), download: 'glacier-sequences.fasta' }, t('sequences.downloadFasta')));
      if (r.data.length === 0) return void this.table.replaceChildren(links, message('empty', t(r.meta.total ? 'sequences.noPageSequence' : 'sequences.noneHere')));
      this.table.replaceChildren(links,
        h('div', { class: 'table-scroll' }, h('table', { class: 'sequences' },
          h('thead', {}, h('tr', {}, (['strain', 'collected', 'place', 'clade', 'qc'] as const).map((c) => h('th', { scope: 'col' }, t(`sequences.col.${c}`))))),
          h('tbody', {}, r.data.map((x: Row) => h('tr', { 'data-strain': String(x.strain), class: String(x.strain) === f.strain ? 'chosen' : null },
            h('td', { translate: 'no' }, h('button', { type: 'button', class: 'link strain', 'aria-pressed': String(String(x.strain) === f.strain), onclick: () => void this.store.set({ sequences: { ...this.store.state.sequences, strain: String(x.strain) } }) }, String(x.strain))),
            h('td', {}, preciseDate(x.date as string | null, x.date_precision as string | null)),
            // The sequence's own place names (its metadata, in English) and location key are data.
            h('td', { translate: 'no' }, [...new Set([x.division, x.country].filter(Boolean))].join(', ') || '—', x.location_key ? h('div', { class: 'muted' }, String(x.location_key)) : null),
            h('td', {}, cladeNode(x.clade === null ? null : String(x.clade))),
            h('td', {}, qcText(x.qc_status))))))),
        h('nav', { class: 'pager', 'aria-label': t('sequences.pages') },
          h('button', { type: 'button', disabled: st.pageNo === 0, onclick: () => void this.store.set({ pageNo: st.pageNo - 1 }) }, t('sequences.previous')),
          h('span', {}, t('sequences.page', { page: st.pageNo + 1, pages })),
          h('button', { type: 'button', disabled: st.pageNo >= pages - 1, onclick: () => void this.store.set({ pageNo: st.pageNo + 1 }) }, t('sequences.next'))));
    } catch (err) {
      this.table.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }

  private async drawStrain(strain: string | null): Promise<void> {
    if (!strain) return void this.panel.replaceChildren(h('h3', { id: 'strain-h' }, t('sequences.mutations')), h('p', { class: 'muted' }, t('sequences.chooseStrain')));
    try {
      const r = await getJson('/v1/sequences/{strain}', {}, { strain });
      const d = r.data as Row;
      testHooks().sequences = { ...testHooks().sequences, strain };
      const list = (label: string, cls: string, items: string[]) => [
        h('dt', {}, t('sequences.listLabel', { label, count: items.length })),
        h('dd', { class: cls }, items.length ? h('ul', { class: 'mutations', translate: 'no' }, items.map((m) => h('li', {}, m))) : t('sequences.none')),
      ];
      const clade = d.clade === null ? null : String(d.clade);
      this.panel.replaceChildren(
        h('h3', { id: 'strain-h', translate: 'no' }, strain),
        h('p', { class: 'muted' }, ...tNodes('sequences.clade', {}, { clade: cladeNode(clade) }), ` · ${t('sequences.qc', { status: qcText(d.qc_status) })}${d.qc_score === null ? '' : t('sequences.score', { score: formatValue(Number(d.qc_score)) })} · ${preciseDate(d.date as string | null, d.date_precision as string | null)}`,
          d.analysis_failure ? [t('sequences.failed'), dataSpan(String(d.analysis_failure))] : ''),
        h('dl', { class: 'mutation-list' },
          list(t('sequences.nuc'), 'nuc', words(d.substitutions)),
          list(t('sequences.aa'), 'aa', words(d.aa_substitutions)),
          list(t('sequences.del'), 'del', words(d.deletions)),
          list(t('sequences.fs'), 'fs', words(d.frame_shifts))),
        h('p', {}, h('a', { href: apiUrl('/v1/sequences/{strain}', {}, { strain }) }, t('sequences.inApi')), ' · ',
          h('button', { type: 'button', onclick: () => void this.store.set({ sequences: { ...this.store.state.sequences, strain: null } }) }, t('sequences.close'))),
      );
    } catch (err) {
      this.panel.replaceChildren(h('h3', { id: 'strain-h', translate: 'no' }, strain), apiError(err, () => void this.update(this.store.state)));
    }
  }
}
