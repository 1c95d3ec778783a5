import uPlot from 'uplot';
import { getJson } from '../api';
import { h, message } from '../dom';
import { dayOf, formatCompact, formatDate, formatValue, isoOf } from '../format';
import { currentLocale, placeName, t, type MessageKey } from '../i18n';
import type { ViewState } from '../state';
import type { Store } from '../store';
import { apiError } from './api-error';
import { LINE_COLOURS, longGapsOnly, markLegendData, timeAxisDates } from './chart';
import { figureButtons, pageUrl, sourceLine } from './figure-button';
import { data, metricTitle, tNodes } from './i18n-dom';
import { compareFigure } from './page-figures';

const DAY_S = 86_400;
const pct = (v: number) => `${formatValue(v * 100, { fractional: true })}%`;
/** "a, b and c" / "a、b和c". */
const list = (items: string[]) => new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(items);
/** A catalogue message for a value of the API's vocabulary (cadence, run status); a value it lacks, as data. */
const word = (prefix: string, value: string): string | Node => {
  const text = t(`${prefix}.${value}` as MessageKey);
  return text === `${prefix}.${value}` ? data(value) : text;
};

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
      const { data: sources } = await getJson('/v1/sources');
      return h('section', { 'aria-labelledby': 'sources-h' }, h('h2', { id: 'sources-h' }, t('sources.title')),
        h('div', { class: 'table-scroll' }, h('table', { class: 'sources' },
          h('thead', {}, h('tr', {}, (['source', 'licence', 'coverage', 'dataTo', 'lastRun'] as const).map((c) => h('th', { scope: 'col' }, t(`sources.col.${c}`))))),
          h('tbody', {}, sources.map((src) => {
            const run = src.last_run;
            return h('tr', {},
              // Titles, publishers, licences and the redistribution terms are the sources' own words: data.
              h('th', { scope: 'row' }, h('a', { href: src.homepage, rel: 'noopener', translate: 'no' }, src.title), h('div', { class: 'muted' }, data(src.publisher), ' · ', word('sources.cadence', src.cadence))),
              h('td', {}, h('a', { href: src.license.url, rel: 'noopener', translate: 'no' }, src.license.name), h('div', { class: 'muted', translate: 'no' }, src.redistribution)),
              h('td', {}, list(src.levels.map((l) => t(`core.level.${l}` as MessageKey))),
                h('div', { class: 'muted' }, list(src.metrics.map(metricTitle)), ' · ', t('sources.series', { count: src.series_count }))),
              h('td', {}, formatDate(src.data_end), h('div', { class: 'muted' }, t('sources.from', { date: formatDate(src.data_start) }))),
              h('td', {}, run ? h('span', { class: `status ${run.status}` }, word('sources.status', run.status)) : '—',
                h('div', { class: 'muted' }, run ? formatDate(run.started_at.slice(0, 10)) : t('sources.neverRun')),
                run?.error ? h('div', { class: 'error-text', translate: 'no' }, run.error) : null),
            );
          })),
        )));
    } catch (err) {
      return apiError(err, () => void this.update(this.store.state));
    }
  }

  private async discrepancies(s: ViewState): Promise<HTMLElement> {
    try {
      const r = await getJson('/v1/discrepancies', { metric: s.metric, limit: 15 });
      return h('section', { 'aria-labelledby': 'disc-h' }, h('h2', { id: 'disc-h' }, t('sources.disagree', { metric: metricTitle(s.metric) })),
        r.data.length === 0 ? message('empty', t('sources.disagree.none')) :
        h('div', { class: 'table-scroll' }, h('table', {},
          h('thead', {}, h('tr', {}, (['location', 'sources', 'meanRelDiff', 'daysDiffering', 'largestDiff'] as const).map((c) => h('th', { scope: 'col' }, t(`sources.col.${c}`))))),
          h('tbody', {}, r.data.map((d) => h('tr', {},
            h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', translate: 'no', onclick: () => void this.store.set({ locations: [d.location] }) }, placeName(d))),
            h('td', {}, ...tNodes('sources.versus', {}, { reference: data(d.reference), other: data(d.worst_source) })),
            h('td', { class: 'num' }, pct(d.mean_rel_diff)),
            h('td', { class: 'num' }, t('sources.daysOf', { differing: d.days_differing, compared: d.days_compared })),
            h('td', { class: 'num' }, formatValue(d.max_abs_diff)))),
          ))));
    } catch (err) {
      return apiError(err);
    }
  }

  /** Every source's series for one place on one chart, with its agreement with the reference. */
  private async sideBySide(key: string, s: ViewState): Promise<HTMLElement> {
    const box = h('div', { class: 'chart-frame' });
    const section = h('section', { 'aria-labelledby': 'side-h' });
    try {
      const [r, loc] = await Promise.all([getJson('/v1/compare', { location: key, metric: s.metric }), getJson('/v1/locations/{key}', {}, { key })]);
      const where = () => data(placeName(loc.data));
      section.append(h('h2', { id: 'side-h' }, ...tNodes('sources.side', { metric: metricTitle(s.metric) }, { place: where() })));
      if (!r.start || r.sources.length === 0) {
        const empty = message('empty', '');
        empty.querySelector('p')!.replaceChildren(...tNodes('sources.side.none', { metric: metricTitle(s.metric) }, { place: where() }));
        section.append(empty);
        return section;
      }
      const start = dayOf(r.start);
      const x = r.sources[0].values.map((_, i) => (start + i) * DAY_S);
      section.append(box, h('table', {},
        h('thead', {}, h('tr', {}, (['source', 'daysCompared', 'daysDiffering', 'largestRelDiff', 'firstDiffering'] as const).map((c) => h('th', { scope: 'col' }, t(`sources.col.${c}`))))),
        h('tbody', {}, r.sources.map((src, i) => h('tr', {},
          h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `background:${LINE_COLOURS[i]}` }), ' ', ...(i === 0 ? tNodes('sources.reference', {}, { source: data(src.source) }) : [data(src.source)])),
          h('td', { class: 'num' }, src.agreement ? formatValue(src.agreement.days_compared) : '—'),
          h('td', { class: 'num' }, src.agreement ? formatValue(src.agreement.days_differing) : '—'),
          h('td', { class: 'num' }, src.agreement ? pct(src.agreement.max_rel_diff) : '—'),
          h('td', {}, src.agreement ? formatDate(src.agreement.first_differing) : '—'))))));
      // The figure of the chart: every source drawn (those with a value) named with its licence.
      const drawn = r.sources.filter((src) => src.values.some((v) => v !== null));
      box.after(figureButtons('compare-figure', async () => compareFigure({
        place: placeName(loc.data), metric: s.metric, start: r.start!, sources: r.sources, colours: LINE_COLOURS, line: await sourceLine(drawn.map((src) => src.source)), url: pageUrl(),
      }), () => `glacier-sources-${s.metric}-${key}-${r.start}-${r.end ?? ''}`));
      this.drawPending = () => {
        this.plot?.destroy();
        this.plot = new uPlot({
          width: Math.max(280, box.clientWidth), height: 300, ...timeAxisDates(),
          scales: { x: { time: true } },
          series: [{ label: t('explorer.chart.date'), value: (_u, v) => (v == null ? '—' : formatDate(isoOf(v / DAY_S))) }, ...r.sources.map((src, i) => ({ label: src.source, stroke: LINE_COLOURS[i], width: 1.5, spanGaps: false, gaps: longGapsOnly }))],
          axes: [{}, { size: 60, values: (_u, v) => v.map(formatCompact) }],
        }, [x, ...r.sources.map((src) => src.values)], box);
        markLegendData(this.plot);
      };
    } catch (err) {
      section.append(apiError(err));
    }
    return section;
  }
}
