import { apiUrl, getJson } from '../api';
import { h, message } from '../dom';
import { formatDate, formatValue } from '../format';
import { dayNumber, preciseDate, round, stackClades, weekRuns } from '../research2';
import { errorText, testHooks } from '../shared';
import { apiError } from './api-error';
import type { SequenceFilter, ViewState } from '../state';
import type { Store } from '../store';
import { CATEGORY, s, timeFrame, UNASSIGNED } from './svg';

export const SEQ_PAGE = 25;
const KEY = /^[A-Z0-9]+(?:-[A-Z0-9]+)*(?:_[A-Z0-9]+(?:-[A-Z0-9]+)*){0,2}$/;
type Row = Record<string, string | number | null>;

const cladeName = (c: string | null) => c ?? 'unassigned';
const plusDays = (iso: string, n: number) => new Date((dayNumber(iso) + n) * 86_400_000).toISOString().slice(0, 10);
const words = (v: string | number | null) => (typeof v === 'string' && v.trim() ? v.trim().split(/\s+/) : []);

/** Genomes: clade frequencies per week (stacked), the sequences a page at a time, one strain's mutations. */
export class SequencesPage {
  readonly el = h('div', { class: 'research2-page sequences-page' });
  private readonly form = h('form', { class: 'controls seq-filters', role: 'search', 'aria-label': 'Filter sequences' });
  private readonly chart = h('section', { class: 'seq-chart', 'aria-labelledby': 'seq-chart-h', 'aria-live': 'polite' });
  private readonly table = h('section', { class: 'seq-table', 'aria-labelledby': 'seq-table-h' });
  private readonly panel = h('aside', { class: 'strain-panel', 'aria-labelledby': 'strain-h', 'aria-live': 'polite' });

  constructor(private readonly store: Store) {
    this.el.append(
      h('h2', {}, 'Sequences'),
      h('p', { class: 'muted' }, 'SARS-CoV-2 genomes (Nextstrain’s open example data), aligned to the reference at ingest: mutations, Nextstrain clade and quality. API: ',
        h('a', { href: '/docs' }, '/v1/sequences'), '.'),
      this.form,
      h('h2', { id: 'seq-chart-h' }, 'Clade frequencies per week'), this.chart,
      h('h2', { id: 'seq-table-h' }, 'Sequences'),
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
      if (v && !KEY.test(v)) return void (error.textContent = 'Place: a location key such as AU, CN_HB or US_WA, or empty for all.');
      error.textContent = '';
      void this.store.set({ pageNo: 0, sequences: { location: v || null, strain: null } });
    };
    this.form.replaceChildren(
      h('label', {}, 'Place ', h('input', { name: 'location', value: f.location ?? '', size: 10, placeholder: 'all', 'aria-describedby': 'seq-place-help' })),
      h('button', { type: 'submit' }, 'Show'),
      h('span', { id: 'seq-place-help', class: 'muted' }, 'A location key: sequences there and in every place under it.'),
      error,
    );
  }

  private async drawChart(f: SequenceFilter): Promise<void> {
    try {
      const r = await getJson('/v1/sequences/clades', { interval: 'week', location: f.location ?? undefined });
      testHooks().sequences = { ...testHooks().sequences, clades: r.data.map((x) => ({ clade: x.clade, period: x.period, frequency: x.frequency })) };
      if (r.data.length === 0) return void this.chart.replaceChildren(message('empty', `No dated sequence${f.location ? ` in ${f.location}` : ''}.`));
      const st = stackClades(r.data);
      const first = st.periods[0];
      const last = plusDays(st.periods[st.periods.length - 1], 7);
      const title = `Clade frequencies per week${f.location ? `, ${f.location}` : ''}`;
      const fr = timeFrame({ id: 'clades', title, desc: `${st.clades.length} clades (unassigned as its own band) over ${st.periods.length} weeks; each week's frequencies add up to 1. The numbers are in the table below.`,
        from: first, to: last, yMax: 1, height: 240, yFormat: (v) => `${Math.round(v * 100)} %`, yTicks: [0, 0.25, 0.5, 0.75, 1] });
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
          s('title', {}, cladeName(c))));
      });
      const legend = h('ul', { class: 'legend clades' }, st.clades.map((c, i) => h('li', { 'data-clade': cladeName(c) },
        h('span', { class: 'swatch', style: `background:${c === null ? UNASSIGNED : CATEGORY[i % CATEGORY.length]}` }), cladeName(c))));
      const figure = h('figure', { class: 'time-figure', id: 'clade-chart' }, h('figcaption', {}, title), fr.svg, legend,
        h('details', { class: 'chart-table' }, h('summary', {}, 'Show as a table'),
          h('div', { class: 'table-scroll short' }, h('table', { class: 'clade-table' }, h('caption', { class: 'sr-only' }, `${title} (share of the week's sequences)`),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Week of'), st.clades.map((c) => h('th', { scope: 'col', class: 'num' }, cladeName(c))))),
            h('tbody', {}, st.periods.map((p, k) => h('tr', { 'data-period': p }, h('th', { scope: 'row' }, formatDate(p)),
              st.clades.map((_, i) => h('td', { class: 'num' }, st.freq[i][k] ? `${(st.freq[i][k] * 100).toFixed(1)} %` : '—')))))))));
      this.chart.replaceChildren(figure);
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
      const links = h('p', { class: 'result-count' }, `${formatValue(r.meta.total)} sequences. `,
        h('a', { class: 'button csv-link', href: apiUrl('/v1/sequences', { ...filter, limit: 5000, format: 'csv' }), download: 'glacier-sequences.csv' }, 'Download CSV'), ' ',
        h('a', { class: 'button fasta-link', href: apiUrl('/v1/sequences', filter).replace(/^\/v1\/sequences/, '/v1/sequences/fasta'), download: 'glacier-sequences.fasta' }, 'Download FASTA'));
      if (r.data.length === 0) return void this.table.replaceChildren(links, message('empty', r.meta.total ? 'No sequence on this page.' : 'No sequence here.'));
      this.table.replaceChildren(links,
        h('div', { class: 'table-scroll' }, h('table', { class: 'sequences' },
          h('thead', {}, h('tr', {}, ['Strain', 'Collected', 'Place', 'Clade', 'QC'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, r.data.map((x: Row) => h('tr', { 'data-strain': String(x.strain), class: String(x.strain) === f.strain ? 'chosen' : null },
            h('td', {}, h('button', { type: 'button', class: 'link strain', 'aria-pressed': String(String(x.strain) === f.strain), onclick: () => void this.store.set({ sequences: { ...this.store.state.sequences, strain: String(x.strain) } }) }, String(x.strain))),
            h('td', {}, preciseDate(x.date as string | null, x.date_precision as string | null)),
            h('td', {}, [...new Set([x.division, x.country].filter(Boolean))].join(', ') || '—', x.location_key ? h('div', { class: 'muted' }, String(x.location_key)) : null),
            h('td', {}, x.clade === null ? 'unassigned' : String(x.clade)),
            h('td', {}, x.qc_status === null ? '—' : String(x.qc_status))))))),
        h('nav', { class: 'pager', 'aria-label': 'Sequence pages' },
          h('button', { type: 'button', disabled: st.pageNo === 0, onclick: () => void this.store.set({ pageNo: st.pageNo - 1 }) }, '‹ Previous'),
          h('span', {}, `Page ${st.pageNo + 1} of ${pages}`),
          h('button', { type: 'button', disabled: st.pageNo >= pages - 1, onclick: () => void this.store.set({ pageNo: st.pageNo + 1 }) }, 'Next ›')));
    } catch (err) {
      this.table.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }

  private async drawStrain(strain: string | null): Promise<void> {
    if (!strain) return void this.panel.replaceChildren(h('h3', { id: 'strain-h' }, 'Mutations'), h('p', { class: 'muted' }, 'Choose a strain in the table to see its mutations.'));
    try {
      const r = await getJson('/v1/sequences/{strain}', {}, { strain });
      const d = r.data as Row;
      testHooks().sequences = { ...testHooks().sequences, strain };
      const list = (label: string, cls: string, items: string[]) => [
        h('dt', {}, `${label} (${items.length})`),
        h('dd', { class: cls }, items.length ? h('ul', { class: 'mutations' }, items.map((m) => h('li', {}, m))) : 'none'),
      ];
      this.panel.replaceChildren(
        h('h3', { id: 'strain-h' }, strain),
        h('p', { class: 'muted' }, `Clade ${d.clade ?? 'unassigned'} · QC ${d.qc_status ?? '—'}${d.qc_score === null ? '' : ` (score ${d.qc_score})`} · ${preciseDate(d.date as string | null, d.date_precision as string | null)}`,
          d.analysis_failure ? ` · analysis failed: ${d.analysis_failure}` : ''),
        h('dl', { class: 'mutation-list' },
          list('Nucleotide substitutions', 'nuc', words(d.substitutions)),
          list('Amino-acid changes', 'aa', words(d.aa_substitutions)),
          list('Deletions', 'del', words(d.deletions)),
          list('Frame shifts', 'fs', words(d.frame_shifts))),
        h('p', {}, h('a', { href: apiUrl('/v1/sequences/{strain}', {}, { strain }) }, 'This sequence in the API'), ' · ',
          h('button', { type: 'button', onclick: () => void this.store.set({ sequences: { ...this.store.state.sequences, strain: null } }) }, 'Close')),
      );
    } catch (err) {
      this.panel.replaceChildren(h('h3', { id: 'strain-h' }, strain), apiError(err, () => void this.update(this.store.state)));
    }
  }
}
