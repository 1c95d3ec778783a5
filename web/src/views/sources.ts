import uPlot from 'uplot';
import { getJson } from '../api';
import { h, message } from '../dom';
import { dayOf, formatCompact, formatDate, formatValue, isoOf } from '../format';
import { errorText } from '../shared';
import type { ViewState } from '../state';
import type { Store } from '../store';
import { LINE_COLOURS, longGapsOnly } from './chart';

const DAY_S = 86_400;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** The sources page: every source (licence, coverage, freshness, last run), discrepancies, and one place's sources side by side. */
export class SourcesPage {
  readonly el = h('div', { class: 'sources-page' });
  private plot: uPlot | null = null;
  private drawPending: (() => void) | null = null;

  constructor(private readonly store: Store) {}

  async update(s: ViewState): Promise<void> {
    const [list, side, disc] = await Promise.all([this.sourceList(), s.locations[0] ? this.sideBySide(s.locations[0], s) : Promise.resolve(null), this.discrepancies(s)]);
    this.el.replaceChildren(...[side, list, disc].filter((x): x is HTMLElement => x !== null));
    // Drawn once in the page, so the chart takes the width it is given.
    this.drawPending?.();
    this.drawPending = null;
  }

  private async sourceList(): Promise<HTMLElement> {
    try {
      const { data } = await getJson('/v1/sources');
      return h('section', { 'aria-labelledby': 'sources-h' }, h('h2', { id: 'sources-h' }, 'Sources'),
        h('div', { class: 'table-scroll' }, h('table', { class: 'sources' },
          h('thead', {}, h('tr', {}, ['Source', 'Licence', 'Coverage', 'Data to', 'Last run'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, data.map((src) => {
            const run = src.last_run;
            return h('tr', {},
              h('th', { scope: 'row' }, h('a', { href: src.homepage, rel: 'noopener' }, src.title), h('div', { class: 'muted' }, `${src.publisher} · ${src.cadence}`)),
              h('td', {}, h('a', { href: src.license.url, rel: 'noopener' }, src.license.name), h('div', { class: 'muted' }, src.redistribution)),
              h('td', {}, `${src.levels.join(', ')}`, h('div', { class: 'muted' }, `${src.metrics.join(', ')} · ${formatValue(src.series_count)} series`)),
              h('td', {}, formatDate(src.data_end), h('div', { class: 'muted' }, `from ${formatDate(src.data_start)}`)),
              h('td', {}, run ? h('span', { class: `status ${run.status}` }, run.status) : '—',
                h('div', { class: 'muted' }, run ? formatDate(run.started_at.slice(0, 10)) : 'never run'),
                run?.error ? h('div', { class: 'error-text' }, run.error) : null),
            );
          })),
        )));
    } catch (err) {
      return message('error', errorText(err), () => void this.update(this.store.state));
    }
  }

  private async discrepancies(s: ViewState): Promise<HTMLElement> {
    try {
      const r = await getJson('/v1/discrepancies', { metric: s.metric, limit: 15 });
      return h('section', { 'aria-labelledby': 'disc-h' }, h('h2', { id: 'disc-h' }, `Where sources disagree most (${s.metric})`),
        r.data.length === 0 ? message('empty', 'No location has two sources of this metric to compare.') :
        h('div', { class: 'table-scroll' }, h('table', {},
          h('thead', {}, h('tr', {}, ['Location', 'Sources', 'Mean relative difference', 'Days differing', 'Largest difference'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, r.data.map((d) => h('tr', {},
            h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => void this.store.set({ locations: [d.location] }) }, d.name)),
            h('td', {}, `${d.reference} vs ${d.worst_source}`),
            h('td', { class: 'num' }, pct(d.mean_rel_diff)),
            h('td', { class: 'num' }, `${d.days_differing} of ${d.days_compared}`),
            h('td', { class: 'num' }, formatValue(d.max_abs_diff)))),
          ))));
    } catch (err) {
      return message('error', errorText(err));
    }
  }

  /** Every source's series for one place on one chart, with its agreement with the reference. */
  private async sideBySide(key: string, s: ViewState): Promise<HTMLElement> {
    const box = h('div', { class: 'chart-frame' });
    const section = h('section', { 'aria-labelledby': 'side-h' });
    try {
      const [r, loc] = await Promise.all([getJson('/v1/compare', { location: key, metric: s.metric }), getJson('/v1/locations/{key}', {}, { key })]);
      section.append(h('h2', { id: 'side-h' }, `${loc.data.name}: ${s.metric} from each source`));
      if (!r.start || r.sources.length === 0) {
        section.append(message('empty', `No source has ${s.metric} for ${loc.data.name}.`));
        return section;
      }
      const start = dayOf(r.start);
      const x = r.sources[0].values.map((_, i) => (start + i) * DAY_S);
      section.append(box, h('table', {},
        h('thead', {}, h('tr', {}, ['Source', 'Days compared', 'Days differing', 'Largest relative difference', 'First differing'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, r.sources.map((src, i) => h('tr', {},
          h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `background:${LINE_COLOURS[i]}` }), ` ${src.source}${i === 0 ? ' (reference)' : ''}`),
          h('td', { class: 'num' }, src.agreement ? String(src.agreement.days_compared) : '—'),
          h('td', { class: 'num' }, src.agreement ? String(src.agreement.days_differing) : '—'),
          h('td', { class: 'num' }, src.agreement ? pct(src.agreement.max_rel_diff) : '—'),
          h('td', {}, src.agreement ? formatDate(src.agreement.first_differing) : '—'))))));
      this.drawPending = () => {
        this.plot?.destroy();
        this.plot = new uPlot({
          width: Math.max(280, box.clientWidth), height: 300,
          scales: { x: { time: true } },
          series: [{ value: (_u, v) => (v == null ? '—' : formatDate(isoOf(v / DAY_S))) }, ...r.sources.map((src, i) => ({ label: src.source, stroke: LINE_COLOURS[i], width: 1.5, spanGaps: false, gaps: longGapsOnly }))],
          axes: [{}, { size: 60, values: (_u, v) => v.map(formatCompact) }],
        }, [x, ...r.sources.map((src) => src.values)], box);
      };
    } catch (err) {
      section.append(message('error', errorText(err)));
    }
    return section;
  }
}
