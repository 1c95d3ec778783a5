import { apiUrl, getJson, type ApiJson } from '../api';
import { cdfOf, ageText, casesQuery, CASE_PAGE, CSV_ROWS, dayRange, daySeries, eventText, expectedCounts, MODEL_SAMPLES, pyramidOf, sourceLink, ticks, type DaySeries, type Pyramid } from '../cases';
import { esc, h, message } from '../dom';
import { formatDate, formatValue } from '../format';
import { t } from '../i18n';
import { errorText, testHooks } from '../shared';
import { apiError } from './api-error';
import { shortDate } from './svg';
import { CASE_CHART_STYLE } from '../figure-research';
import type { LegendItem, Run } from '../figure';
import { withChartDownloads } from './research-figure';
import { CASE_SOURCES, OUTCOMES, SEXES, type CaseFilter, type CaseSource, type Outcome, type Sex, type ViewState } from '../state';
import type { Store } from '../store';

type Summary = ApiJson<'/v1/cases/summary'>;
type Estimate = ApiJson<'/v1/models/delays'>;
type Fit = Estimate['fits'][number];

/** The catalogue's words for the line lists, sexes, outcomes and fitted families (a value the page does not know: as the API gives it). */
const sexText = (v: string | null) => (v === null ? '—' : (SEXES as readonly string[]).includes(v) ? t(`cases.sex.${v as Sex}`) : v);
const outcomeText = (v: string | null) => (v === null ? '—' : (OUTCOMES as readonly string[]).includes(v) ? t(`cases.outcome.${v as Outcome}`) : v);
const FAMILIES = ['gamma', 'lognormal', 'weibull'] as const;
const familyText = (v: string) => ((FAMILIES as readonly string[]).includes(v) ? t(`cases.family.${v as (typeof FAMILIES)[number]}`) : v);
/** Text the API wrote (its selection rule, reasons for leaving cases out): English, shown as it is. */
const apiText = (text: string) => h('span', { translate: 'no' }, text);
/** Fitted curves: colour and dash (never colour alone), in the order the API ranks them. */
const CURVE_STYLE = [{ colour: '#b3001b', dash: '' }, { colour: '#1a6b1a', dash: '6 3' }, { colour: '#6a1b9a', dash: '2 3' }];
const fixed = (v: number) => v.toFixed(2);
/** The API's selection rule as a sentence (capital, full stop). */
const sentence = (t: string) => (t.charAt(0).toUpperCase() + t.slice(1)).replace(/([^.])$/, '$1.');
const interval = (x: { lower: number; upper: number }) => `${fixed(x.lower)}–${fixed(x.upper)}`;

/** A chart's figure: caption, SVG (role img, title, description) and the same numbers in a table. */
function figure(id: string, title: string, description: string, svg: string, height: number, table: HTMLTableElement, extra?: HTMLElement): HTMLElement {
  const fig = h('figure', { class: 'case-chart', id });
  fig.innerHTML = `<svg role="img" aria-labelledby="${id}-t ${id}-d" width="100%" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(description)}</desc>${svg}</svg>`;
  fig.prepend(h('figcaption', {}, title));
  if (extra) fig.append(extra);
  table.prepend(h('caption', { class: 'sr-only' }, title));
  fig.append(h('details', { class: 'chart-table' }, h('summary', {}, t('cases.showTable')), h('div', { class: 'table-scroll' }, table)));
  return fig;
}

/** A dated event's cell: dates in the reader's language; the list's own text (no date could be read from it) as data. */
const eventCell = (row: Record<string, unknown>, event: string) => {
  const e = eventText(row, event);
  return h('td', { translate: e.raw ? 'no' : null }, e.text);
};

const th = (text: string, num = false) => h('th', { scope: 'col', class: num ? 'num' : null }, text);

/** The age pyramid: male bars to the left of the band labels, female to the right, widths in percent (any screen). */
export function pyramidChart(p: Pyramid): HTMLElement {
  const ROW = 22;
  const max = Math.max(1, ...p.bands.flatMap((b) => [b.male, b.female]));
  const half = 38; // percent of the width for each side's longest bar
  const rows = [...p.bands].reverse().map((b, i) => {
    const y = 18 + i * ROW;
    const wm = (b.male / max) * half;
    const wf = (b.female / max) * half;
    return `<g class="band" data-band="${b.band}">` +
      `<rect class="male" data-sex="male" data-cases="${b.male}" x="${(44 - wm).toFixed(2)}%" y="${y}" width="${wm.toFixed(2)}%" height="${ROW - 6}"></rect>` +
      `<text class="value" x="${(44 - wm).toFixed(2)}%" dx="-4" y="${y + 12}" text-anchor="end">${b.male ? formatValue(b.male) : ''}</text>` +
      `<text class="band-label" x="50%" y="${y + 12}" text-anchor="middle">${b.band}</text>` +
      `<rect class="female" data-sex="female" data-cases="${b.female}" x="56%" y="${y}" width="${wf.toFixed(2)}%" height="${ROW - 6}"></rect>` +
      `<text class="value" x="${(56 + wf).toFixed(2)}%" dx="4" y="${y + 12}">${b.female ? formatValue(b.female) : ''}</text></g>`;
  }).join('');
  const heads = `<text class="side" x="44%" y="12" text-anchor="end">${esc(t('cases.pyramidMale'))}</text><text class="side" x="56%" y="12">${esc(t('cases.pyramidFemale'))}</text>`;
  const male = p.bands.reduce((n, b) => n + b.male, 0);
  const female = p.bands.reduce((n, b) => n + b.female, 0);
  const table = h('table', {},
    h('thead', {}, h('tr', {}, th(t('cases.col.ageBand')), th(t('cases.col.male'), true), th(t('cases.col.female'), true))),
    h('tbody', {}, p.bands.map((b) => h('tr', {}, h('th', { scope: 'row' }, b.band), h('td', { class: 'num' }, formatValue(b.male)), h('td', { class: 'num' }, formatValue(b.female))))),
    h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('cases.total')), h('td', { class: 'num' }, formatValue(male)), h('td', { class: 'num' }, formatValue(female)))));
  const caption = h('p', { class: 'muted chart-note' }, t('cases.pyramidNote', { unknownSex: p.unknownSex, unknownAge: p.unknownAge, total: p.total }));
  return figure('age-pyramid', t('cases.pyramidTitle'), t('cases.pyramidDesc', { bands: p.bands.length, male, female }),
    heads + rows, 22 + p.bands.length * ROW, table, caption);
}

/** Plot geometry shared by the time chart and the histogram: an inner SVG stretched over the plot area, axes in the outer one. */
const PLOT = { left: 9, right: 2, top: 10, height: 190 };
const plotBox = (inner: string, w: number, max: number) =>
  `<svg class="plot" x="${PLOT.left}%" y="${PLOT.top}" width="${100 - PLOT.left - PLOT.right}%" height="${PLOT.height}" viewBox="0 0 ${w} ${max}" preserveAspectRatio="none">` +
  `<g transform="translate(0 ${max}) scale(1 -1)">${inner}</g></svg>`;
const yAxis = (tk: number[]) => tk.map((t) => {
  const y = PLOT.top + PLOT.height - (t / tk[tk.length - 1]) * PLOT.height;
  return `<line class="grid" x1="${PLOT.left}%" x2="${100 - PLOT.right}%" y1="${y}" y2="${y}"></line><text class="tick" x="${PLOT.left}%" dx="-4" y="${y + 4}" text-anchor="end">${formatValue(t)}</text>`;
}).join('');
const xAt = (i: number, n: number) => PLOT.left + ((i + 0.5) / n) * (100 - PLOT.left - PLOT.right);

/** Cases per day of onset and of confirmation: two lines (solid, dashed) on one time axis. */
export function dayChart(s: DaySeries): HTMLElement {
  const n = s.days.length;
  const tk = ticks(Math.max(1, ...s.onset, ...s.confirmation));
  const top = tk[tk.length - 1];
  const line = (values: number[], cls: string) => `<polyline class="series ${cls}" vector-effect="non-scaling-stroke" points="${values.map((v, i) => `${i + 0.5},${v}`).join(' ')}"></polyline>`;
  // About six date labels, at month starts where there are some.
  const every = Math.max(1, Math.ceil(n / 6));
  const labels = s.days.map((d, i) => (i % every === 0 ? `<text class="tick" x="${xAt(i, n).toFixed(2)}%" y="${PLOT.top + PLOT.height + 16}" text-anchor="middle">${esc(shortDate(d))}</text>` : '')).join('');
  const svg = yAxis(tk) + plotBox(line(s.onset, 'onset') + line(s.confirmation, 'confirmation'), n, top) + labels;
  const rows = s.days.map((d, i) => ({ d, o: s.onset[i], c: s.confirmation[i] })).filter((r) => r.o || r.c);
  const table = h('table', {},
    h('thead', {}, h('tr', {}, th(t('cases.col.day')), th(t('cases.col.onset'), true), th(t('cases.col.confirmation'), true))),
    h('tbody', {}, rows.map((r) => h('tr', { 'data-day': r.d }, h('th', { scope: 'row' }, formatDate(r.d)), h('td', { class: 'num' }, formatValue(r.o)), h('td', { class: 'num' }, formatValue(r.c))))));
  const total = (v: number[]) => v.reduce((a, b) => a + b, 0);
  const legend = h('ul', { class: 'legend' },
    h('li', {}, h('span', { class: 'key onset', 'aria-hidden': 'true' }), t('cases.legendOnset', { count: total(s.onset) })),
    h('li', {}, h('span', { class: 'key confirmation', 'aria-hidden': 'true' }), t('cases.legendConfirmation', { count: total(s.confirmation) })));
  return figure('by-day', t('cases.byDayTitle'), t('cases.byDayDesc', { from: formatDate(s.days[0]), to: formatDate(s.days[n - 1]) }),
    svg, PLOT.top + PLOT.height + 24, table, legend);
}

/** The onset→confirmation histogram with every fitted family's expected counts per whole day. */
export function delayChart(e: Estimate): HTMLElement {
  const hist = e.empirical!.histogram;
  const total = hist.reduce((n, b) => n + b.count, 0);
  // Curves reach the best fit's 99th percentile, so a long tail beyond the data shows.
  const days = dayRange(hist, Math.min(60, Math.ceil(e.fits[0]?.p99 ?? 0)));
  const lo = days[0];
  const curves = e.fits.map((f) => ({ fit: f, cdf: cdfOf(f) })).map(({ fit, cdf }) => ({ fit, points: cdf ? expectedCounts(cdf, days, total) : [] }));
  const tk = ticks(Math.max(1, ...hist.map((b) => b.count), ...curves.flatMap((c) => c.points.map((p) => p.count))));
  const top = tk[tk.length - 1];
  const n = days.length;
  const bars = hist.map((b) => `<rect class="bin" data-day="${b.day}" data-count="${b.count}" x="${b.day - lo + 0.08}" y="0" width="0.84" height="${b.count}"></rect>`).join('');
  const lines = curves.map((c, i) => c.points.length
    ? `<polyline class="curve" data-family="${esc(c.fit.family)}" vector-effect="non-scaling-stroke" stroke="${CURVE_STYLE[i % 3].colour}" stroke-dasharray="${CURVE_STYLE[i % 3].dash}" points="${c.points.map((p) => `${p.day - lo + 0.5},${p.count.toFixed(4)}`).join(' ')}"></polyline>`
    : '').join('');
  const every = Math.max(1, Math.ceil(n / 12));
  const labels = days.map((d, i) => (d % every === 0 ? `<text class="tick" x="${xAt(i, n).toFixed(2)}%" y="${PLOT.top + PLOT.height + 16}" text-anchor="middle">${d}</text>` : '')).join('');
  const svg = yAxis(tk) + plotBox(bars + lines, n, top) + labels +
    `<text class="tick" x="${100 - PLOT.right}%" y="${PLOT.top + PLOT.height + 32}" text-anchor="end">${esc(t('cases.delayAxis'))}</text>`;
  const legend = h('ol', { class: 'legend fits', 'aria-label': t('cases.fitsLabel') },
    e.fits.map((f, i) => h('li', { 'data-family': f.family },
      h('span', { class: 'curve-key', 'aria-hidden': 'true' }),
      h('strong', {}, familyText(f.family)), t('cases.fitLine', { mean: fixed(f.mean), interval: interval(f.intervals.mean), aic: f.aic.toFixed(1) }), i === 0 ? t('cases.best') : '', f.converged ? '' : t('cases.notConverged'))));
  legend.querySelectorAll('li').forEach((li, i) => {
    li.querySelector('.curve-key')!.innerHTML = `<svg class="key" width="28" height="10"><line x1="0" x2="28" y1="5" y2="5" stroke="${CURVE_STYLE[i % 3].colour}" stroke-width="2.5" stroke-dasharray="${CURVE_STYLE[i % 3].dash}"></line></svg>`;
  });
  const table = h('table', {},
    h('thead', {}, h('tr', {}, th(t('cases.col.days')), th(t('cases.col.cases'), true), e.fits.map((f) => th(t('cases.col.expected', { family: familyText(f.family) }), true)))),
    h('tbody', {}, days.map((d, i) => {
      const count = hist.find((b) => b.day === d)?.count;
      return count === undefined && curves.every((c) => (c.points[i]?.count ?? 0) < 0.005) ? null
        : h('tr', {}, h('th', { scope: 'row' }, String(d)), h('td', { class: 'num' }, formatValue(count ?? 0)), curves.map((c) => h('td', { class: 'num' }, c.points[i] ? c.points[i].count.toFixed(2) : '—')));
    })));
  return figure('delay-histogram', t('cases.delayTitle'),
    t('cases.delayDesc', { count: total, families: e.fits.map((f) => familyText(f.family)).join(t('cases.listSep')) }),
    svg, PLOT.top + PLOT.height + 38, table, legend);
}

/** A case chart's legend for its figure: what is drawn, in its colours (as styles.css draws them). */
function figureLegend(fig: HTMLElement): LegendItem[] {
  if (fig.id === 'age-pyramid') return [{ label: t('cases.col.male'), colour: '#3b6ea5', kind: 'swatch' }, { label: t('cases.col.female'), colour: '#b5523b', kind: 'swatch' }];
  if (fig.id === 'by-day') return [{ label: t('cases.col.onset'), colour: '#0b5cad', kind: 'line' }, { label: t('cases.col.confirmation'), colour: '#a33a00', kind: 'dash' }];
  return [
    { label: t('cases.col.cases'), colour: '#9db7d5', kind: 'swatch' },
    ...[...fig.querySelectorAll<SVGPolylineElement>('polyline.curve')].map((p): LegendItem => ({ label: familyText(p.dataset.family ?? ''), colour: p.getAttribute('stroke') ?? '#000', kind: p.getAttribute('stroke-dasharray') ? 'dash' : 'line' })),
  ];
}

/** The Cases page: line-list records (age pyramid, days of onset and confirmation, delays, incubation, the records). */
export class CasesPage {
  readonly el = h('div', { class: 'cases-page' });
  private readonly form = h('form', { class: 'controls case-filters', role: 'search', 'aria-label': t('cases.filter') });
  private readonly headline = h('div', { class: 'case-headline', 'aria-live': 'polite' });
  private readonly pyramid = h('section', { class: 'case-panel pyramid-panel', 'aria-labelledby': 'pyramid-h' });
  private readonly days = h('section', { class: 'case-panel days-panel', 'aria-labelledby': 'days-h' });
  private readonly delays = h('section', { class: 'case-panel delays-panel', 'aria-labelledby': 'delays-h', 'aria-busy': 'false' });
  private readonly incubation = h('section', { class: 'case-panel incubation-panel', 'aria-labelledby': 'incubation-h', 'aria-busy': 'false' });
  private readonly table = h('section', { class: 'case-table', 'aria-labelledby': 'case-table-h' });

  constructor(private readonly store: Store) {
    const heading = (id: string, text: string) => h('h2', { id }, text);
    this.pyramid.append(heading('pyramid-h', t('cases.ageSex')), h('div', { class: 'slot' }));
    this.days.append(heading('days-h', t('cases.byDayHeading')), h('div', { class: 'slot' }));
    this.delays.append(heading('delays-h', t('cases.delaysHeading')), h('div', { class: 'slot' }));
    this.incubation.append(heading('incubation-h', t('cases.incubationHeading')), h('div', { class: 'slot' }));
    this.el.append(
      h('h2', {}, t('cases.heading')),
      h('p', { class: 'muted' }, t('cases.intro'),
        h('a', { href: '/v1/cases/dictionary' }, t('cases.dictionary')), t('cases.api'), h('a', { href: '/docs', translate: 'no' }, '/v1/cases'), t('cases.listSep'), h('a', { href: '/docs', translate: 'no' }, '/v1/models/delays'), t('cases.fullStop')),
      this.form, this.headline,
      h('div', { class: 'case-grid' }, this.pyramid, this.days),
      h('div', { class: 'case-grid' }, this.delays, this.incubation),
      h('h2', { id: 'case-table-h' }, t('cases.records')), this.table,
    );
  }

  /**
   * "⬇ SVG" / "⬇ PNG" under a drawn chart: the chart as a publication figure (its caption as the
   * title; the line lists and filters as the subtitle; the lists' licences and last retrieval).
   */
  private withDownloads(fig: HTMLElement, f: CaseFilter): HTMLElement {
    const lists = f.sources.length ? f.sources : CASE_SOURCES;
    const subtitle = (): Run[] => {
      const days = fig.id === 'by-day' ? [...fig.querySelectorAll<HTMLElement>('tr[data-day]')].map((r) => r.dataset.day!) : [];
      const parts = [
        lists.map((x) => t(`cases.source.${x}`)).join(t('cases.listSep')),
        days.length ? t('story.subtitle.range', { from: formatDate(days[0]), to: formatDate(days[days.length - 1]) }) : null,
        f.location ? `${t('cases.place')}: ${f.location}` : null,
        f.sex ? `${t('cases.sex')}: ${sexText(f.sex)}` : null,
        f.outcome ? `${t('cases.outcome')}: ${outcomeText(f.outcome)}` : null,
        f.asOf ? `${t('cases.asOf')}: ${formatDate(f.asOf)}` : null,
      ];
      return [{ text: parts.filter(Boolean).join(' · ') }];
    };
    return withChartDownloads(fig, {
      style: CASE_CHART_STYLE, sources: () => lists, subtitle, legend: () => figureLegend(fig),
      name: () => ['glacier-cases', fig.id, ...f.sources, f.location, f.sex, f.outcome, f.asOf].filter(Boolean).join('-'),
    });
  }

  async update(s: ViewState): Promise<void> {
    if (!this.form.firstChild) this.drawForm(s.cases);
    this.syncForm(s.cases);
    const query = casesQuery(s.cases);
    const search = location.search;
    testHooks().cases = { ...testHooks().cases, query: search };
    // Only the table changes with the page: the charts and fits stay as drawn.
    const key = JSON.stringify(query);
    const charts = key === this.drawn ? [] : [this.drawSummary(query, s.cases), this.drawDelays(query, s.cases), this.drawIncubation(query)];
    this.drawn = key;
    await Promise.all([...charts, this.drawTable(query, s.pageNo)]);
    testHooks().cases = { ...testHooks().cases, rendered: search };
  }

  private drawForm(f: CaseFilter): void {
    const apply = () => {
      const fd = new FormData(this.form);
      const place = String(fd.get('place') ?? '').trim().toUpperCase();
      const next: CaseFilter = {
        sources: CASE_SOURCES.filter((x) => fd.getAll('source').includes(x)),
        location: place || null,
        sex: (String(fd.get('sex') ?? '') || null) as Sex | null,
        outcome: (String(fd.get('outcome') ?? '') || null) as Outcome | null,
        asOf: String(fd.get('asof') ?? '') || null,
      };
      // Both lists ticked, or none: both (the API's default).
      if (next.sources.length === CASE_SOURCES.length) next.sources = [];
      void this.store.set({ cases: next, pageNo: 0 });
    };
    this.form.onsubmit = (e) => (e.preventDefault(), apply());
    this.form.onchange = (e) => {
      if ((e.target as HTMLElement).getAttribute('name') !== 'place') apply();
    };
    this.form.replaceChildren(
      h('fieldset', { class: 'source-boxes' }, h('legend', {}, t('cases.lineLists')),
        CASE_SOURCES.map((x) => h('label', { class: 'toggle' }, h('input', { type: 'checkbox', name: 'source', value: x, checked: f.sources.length === 0 || f.sources.includes(x) }), ` ${t(`cases.source.${x}`)}`))),
      h('label', {}, `${t('cases.place')} `, h('input', { name: 'place', value: f.location ?? '', size: 14, placeholder: t('cases.placePlaceholder'), autocapitalize: 'characters', 'aria-describedby': 'place-help' })),
      h('label', {}, `${t('cases.sex')} `, h('select', { name: 'sex' }, h('option', { value: '' }, t('cases.any')), SEXES.map((x) => h('option', { value: x }, sexText(x))))),
      h('label', {}, `${t('cases.outcome')} `, h('select', { name: 'outcome' }, h('option', { value: '' }, t('cases.any')), OUTCOMES.map((x) => h('option', { value: x }, outcomeText(x))))),
      h('label', {}, `${t('cases.asOf')} `, h('input', { type: 'date', name: 'asof', value: f.asOf ?? '', min: '2020-01-01' })),
      h('button', { type: 'submit' }, t('cases.apply')),
      h('span', { id: 'place-help', class: 'muted' }, t('cases.placeHelp')),
    );
  }

  /** The form shows the URL's state (back/forward, links) without being rebuilt (focus stays put). */
  private syncForm(f: CaseFilter): void {
    const put = (name: string, value: string) => {
      const el = this.form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (el && el !== document.activeElement) el.value = value;
    };
    for (const box of this.form.querySelectorAll<HTMLInputElement>('input[name="source"]')) box.checked = f.sources.length === 0 || f.sources.includes(box.value as CaseSource);
    put('place', f.location ?? '');
    put('sex', f.sex ?? '');
    put('outcome', f.outcome ?? '');
    put('asof', f.asOf ?? '');
  }

  private slot(panel: HTMLElement): HTMLElement {
    return panel.querySelector('.slot')!;
  }

  /** The filters the charts show (JSON of the query); cleared when a panel fails, so "Try again" asks again. */
  private drawn = '';
  private retry = () => {
    this.drawn = '';
    void this.update(this.store.state);
  };

  private async drawSummary(query: Record<string, string | undefined>, f: CaseFilter): Promise<void> {
    try {
      const r: Summary = await getJson('/v1/cases/summary', query);
      const p = pyramidOf(r.age_sex);
      const series = daySeries(r.by_day);
      testHooks().cases = { ...testHooks().cases, total: r.total, pyramid: p, byDay: series };
      const csv = Array.from({ length: Math.max(1, Math.ceil(r.total / CSV_ROWS)) }, (_, i) => apiUrl('/v1/cases', { ...query, limit: CSV_ROWS, offset: i ? i * CSV_ROWS : undefined, format: 'csv' }));
      this.headline.replaceChildren(
        h('p', { class: 'result-count' }, t('cases.count', { count: r.total }), r.travel_history.share !== null ? h('span', { class: 'muted' }, t('cases.travel', { count: r.travel_history.cases, share: (r.travel_history.share * 100).toFixed(1) })) : null),
        h('p', { class: 'downloads' }, ...csv.map((u, i) => [
          h('a', { class: 'button csv-link', href: u, download: `glacier-cases${i ? `-${i + 1}` : ''}.csv` }, csv.length > 1 ? t('cases.csvRows', { from: i * CSV_ROWS + 1, to: Math.min(r.total, (i + 1) * CSV_ROWS) }) : t('cases.downloadCsv')), ' ',
        ]), h('span', { class: 'muted' }, t('cases.csvNote'))),
      );
      if (r.total === 0) {
        this.slot(this.pyramid).replaceChildren(message('empty', t('cases.noMatch')));
        this.slot(this.days).replaceChildren(message('empty', t('cases.noMatch')));
        return;
      }
      this.slot(this.pyramid).replaceChildren(p.bands.length ? this.withDownloads(pyramidChart(p), f) : message('empty', t('cases.noPyramid', { count: r.total })));
      this.slot(this.days).replaceChildren(series.days.length ? this.withDownloads(dayChart(series), f) : message('empty', t('cases.noDays')));
    } catch (err) {
      testHooks().cases = { ...testHooks().cases, error: errorText(err) };
      this.headline.replaceChildren();
      this.slot(this.pyramid).replaceChildren(apiError(err, this.retry));
      this.slot(this.days).replaceChildren(apiError(err, this.retry));
    }
  }

  private async drawDelays(query: Record<string, string | undefined>, f: CaseFilter): Promise<void> {
    const slot = this.slot(this.delays);
    slot.replaceChildren(message('loading', t('cases.fittingDelays', { samples: MODEL_SAMPLES })));
    this.delays.setAttribute('aria-busy', 'true');
    try {
      const r = await getJson('/v1/models/delays', { ...query, from_event: 'onset', to_event: 'confirmation', samples: MODEL_SAMPLES });
      testHooks().cases = { ...testHooks().cases, delays: { n: r.n, histogram: r.empirical?.histogram ?? [], fits: r.fits.map((f) => f.family) } };
      if (!r.empirical || r.empirical.histogram.length === 0 || r.fits.length === 0) {
        return void slot.replaceChildren(message('empty', t('cases.tooFewDelays', { count: r.n })));
      }
      slot.replaceChildren(this.withDownloads(delayChart(r), f),
        h('p', { class: 'muted chart-note' }, t('cases.selection'), apiText(sentence(r.selection)), t('cases.casesUsed', { count: r.n }),
          r.excluded.length ? [t('cases.notUsedLower'), apiText(r.excluded.map((x) => `${formatValue(x.cases)} ${x.reason}`).join(', '))] : '',
          t('cases.empirical', { mean: fixed(r.empirical.mean), median: fixed(r.empirical.median), samples: r.bootstrap.samples, asked: MODEL_SAMPLES })));
    } catch (err) {
      slot.replaceChildren(apiError(err, this.retry));
    } finally {
      this.delays.setAttribute('aria-busy', 'false');
    }
  }

  private async drawIncubation(query: Record<string, string | undefined>): Promise<void> {
    const slot = this.slot(this.incubation);
    slot.replaceChildren(message('loading', t('cases.fittingIncubation', { samples: MODEL_SAMPLES })));
    this.incubation.setAttribute('aria-busy', 'true');
    try {
      const r = await getJson('/v1/models/incubation', { ...query, samples: MODEL_SAMPLES });
      const best: Fit | undefined = r.fits[0];
      testHooks().cases = { ...testHooks().cases, incubation: { n: r.n, family: best?.family ?? null, median: best?.median ?? null, mean: best?.mean ?? null, p95: best?.p95 ?? null } };
      if (!best) return void slot.replaceChildren(message('empty', t('cases.tooFewIncubation', { count: r.n })));
      const row = (label: string, key: 'median' | 'mean' | 'p95') => h('tr', { 'data-stat': key },
        h('th', { scope: 'row' }, label), h('td', { class: 'num value' }, fixed(best[key])), h('td', { class: 'num' }, interval(best.intervals[key])));
      slot.replaceChildren(
        h('p', { class: 'incubation-lead' }, t('cases.bestFit'), h('strong', { class: 'family' }, familyText(best.family)), t('cases.fromCases', { count: r.n })),
        h('table', { class: 'incubation' },
          h('caption', { class: 'sr-only' }, t('cases.incubationCaption')),
          h('thead', {}, h('tr', {}, th(t('cases.col.days')), th(t('cases.col.estimate'), true), th(t('cases.col.interval'), true))),
          h('tbody', {}, row(t('cases.stat.median'), 'median'), row(t('cases.stat.mean'), 'mean'), row(t('cases.stat.p95'), 'p95'))),
        h('p', { class: 'muted chart-note selection' }, t('cases.selection'), apiText(sentence(r.selection)),
          r.excluded.length ? [t('cases.notUsed'), apiText(r.excluded.map((x) => `${formatValue(x.cases)} ${x.reason}`).join(', ')), t('cases.fullStop')] : ''),
        h('p', { class: 'muted chart-note' }, t('cases.otherFamilies'),
          r.fits.slice(1).map((f) => t('cases.otherFit', { family: familyText(f.family), median: fixed(f.median), aic: f.aic.toFixed(1) })).join(t('cases.otherSep')) || t('cases.none'),
          t('cases.intervals', { samples: r.bootstrap.samples })),
      );
    } catch (err) {
      slot.replaceChildren(apiError(err, this.retry));
    } finally {
      this.incubation.setAttribute('aria-busy', 'false');
    }
  }

  private async drawTable(query: Record<string, string | undefined>, pageNo: number): Promise<void> {
    try {
      const offset = pageNo * CASE_PAGE;
      const r = await getJson('/v1/cases', { ...query, limit: CASE_PAGE, offset });
      const pages = Math.max(1, Math.ceil(r.meta.total / CASE_PAGE));
      testHooks().cases = { ...testHooks().cases, table: { total: r.meta.total, offset, ids: r.data.map((x) => `${x.source}/${x.case_id}`) } };
      if (r.data.length === 0) return void this.table.replaceChildren(message('empty', t(r.meta.total ? 'cases.noPageCase' : 'cases.noMatch')));
      this.table.replaceChildren(
        h('p', { class: 'muted' }, t('cases.range', { from: offset + 1, to: offset + r.data.length, total: r.meta.total })),
        h('div', { class: 'table-scroll' }, h('table', { class: 'cases' },
          h('thead', {}, h('tr', {}, (['case', 'list', 'place', 'age', 'sex', 'onset', 'confirmation', 'outcome', 'source'] as const).map((c) => th(t(`cases.col.${c}`))))),
          h('tbody', {}, r.data.map((x) => {
            const link = sourceLink(x.source_urls);
            return h('tr', { 'data-case': `${x.source}/${x.case_id}` },
              // Ids, list ids, location keys, the lists' raw date text and the source's address are data.
              h('td', { translate: 'no' }, h('a', { href: apiUrl('/v1/cases/{source}/{id}', {}, { source: String(x.source), id: String(x.case_id) }) }, String(x.case_id))),
              h('td', { translate: 'no' }, String(x.source)),
              h('td', { translate: 'no' }, x.location_key ? String(x.location_key) : '—'),
              h('td', {}, ageText(x.age_start, x.age_end)),
              h('td', {}, sexText(x.sex === null ? null : String(x.sex))),
              eventCell(x, 'onset'),
              eventCell(x, 'confirmation'),
              h('td', {}, outcomeText(x.outcome === null ? null : String(x.outcome))),
              h('td', { translate: 'no' }, link ? h('a', { class: 'source-link', href: link, rel: 'noopener noreferrer nofollow', target: '_blank' }, new URL(link).hostname) : '—'));
          })))),
        h('nav', { class: 'pager', 'aria-label': t('cases.pages') },
          h('button', { type: 'button', disabled: pageNo === 0, onclick: () => void this.store.set({ pageNo: pageNo - 1 }) }, t('cases.previous')),
          h('span', {}, t('cases.page', { page: pageNo + 1, pages })),
          h('button', { type: 'button', disabled: pageNo >= pages - 1, onclick: () => void this.store.set({ pageNo: pageNo + 1 }) }, t('cases.next'))),
      );
    } catch (err) {
      this.table.replaceChildren(apiError(err, this.retry));
    }
  }
}
