import { apiUrl, getJson, type ApiJson } from '../api';
import { cdfOf, ageText, casesQuery, CASE_PAGE, CSV_ROWS, dayRange, daySeries, eventText, expectedCounts, MODEL_SAMPLES, pyramidOf, sourceLink, ticks, type DaySeries, type Pyramid } from '../cases';
import { esc, h, message } from '../dom';
import { formatDate, formatValue } from '../format';
import { errorText, testHooks } from '../shared';
import { apiError } from './api-error';
import { CASE_SOURCES, OUTCOMES, SEXES, type CaseFilter, type CaseSource, type Outcome, type Sex, type ViewState } from '../state';
import type { Store } from '../store';

type Summary = ApiJson<'/v1/cases/summary'>;
type Estimate = ApiJson<'/v1/models/delays'>;
type Fit = Estimate['fits'][number];

const SOURCE_LABEL: Record<CaseSource, string> = { 'linelist-open': 'Open line list (beoutbreakprepared)', 'linelist-kudos': 'Kudos line list' };
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
  fig.append(h('details', { class: 'chart-table' }, h('summary', {}, 'Show as a table'), h('div', { class: 'table-scroll' }, table)));
  return fig;
}

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
  const heads = `<text class="side" x="44%" y="12" text-anchor="end">◀ Male</text><text class="side" x="56%" y="12">Female ▶</text>`;
  const male = p.bands.reduce((n, b) => n + b.male, 0);
  const female = p.bands.reduce((n, b) => n + b.female, 0);
  const table = h('table', {},
    h('thead', {}, h('tr', {}, th('Age band'), th('Male', true), th('Female', true))),
    h('tbody', {}, p.bands.map((b) => h('tr', {}, h('th', { scope: 'row' }, b.band), h('td', { class: 'num' }, formatValue(b.male)), h('td', { class: 'num' }, formatValue(b.female))))),
    h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Total'), h('td', { class: 'num' }, formatValue(male)), h('td', { class: 'num' }, formatValue(female)))));
  const caption = h('p', { class: 'muted chart-note' },
    `Not in the pyramid: ${formatValue(p.unknownSex)} cases of unknown sex and ${formatValue(p.unknownAge)} of known sex whose age is unknown or spans two bands (of ${formatValue(p.total)}).`);
  return figure('age-pyramid', 'Cases by age band and sex', `${p.bands.length} ten-year bands; ${formatValue(male)} male and ${formatValue(female)} female cases. The numbers are in the table below.`,
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
  const labels = s.days.map((d, i) => (i % every === 0 ? `<text class="tick" x="${xAt(i, n).toFixed(2)}%" y="${PLOT.top + PLOT.height + 16}" text-anchor="middle">${esc(formatDate(d).replace(/ \d{4}$/, ''))}</text>` : '')).join('');
  const svg = yAxis(tk) + plotBox(line(s.onset, 'onset') + line(s.confirmation, 'confirmation'), n, top) + labels;
  const rows = s.days.map((d, i) => ({ d, o: s.onset[i], c: s.confirmation[i] })).filter((r) => r.o || r.c);
  const table = h('table', {},
    h('thead', {}, h('tr', {}, th('Day'), th('Onset', true), th('Confirmation', true))),
    h('tbody', {}, rows.map((r) => h('tr', { 'data-day': r.d }, h('th', { scope: 'row' }, r.d), h('td', { class: 'num' }, formatValue(r.o)), h('td', { class: 'num' }, formatValue(r.c))))));
  const total = (v: number[]) => v.reduce((a, b) => a + b, 0);
  const legend = h('ul', { class: 'legend' },
    h('li', {}, h('span', { class: 'key onset', 'aria-hidden': 'true' }), `Onset (${formatValue(total(s.onset))} cases dated to the day)`),
    h('li', {}, h('span', { class: 'key confirmation', 'aria-hidden': 'true' }), `Confirmation (${formatValue(total(s.confirmation))})`));
  return figure('by-day', 'Cases by day of onset and of confirmation',
    `${formatDate(s.days[0])} to ${formatDate(s.days[n - 1])}; onset solid, confirmation dashed. Only dates known to the day. The numbers are in the table below.`,
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
    `<text class="tick" x="${100 - PLOT.right}%" y="${PLOT.top + PLOT.height + 32}" text-anchor="end">days from onset to confirmation</text>`;
  const legend = h('ol', { class: 'legend fits', 'aria-label': 'Fitted families, best AIC first' },
    e.fits.map((f, i) => h('li', { 'data-family': f.family },
      h('span', { class: 'curve-key', 'aria-hidden': 'true' }),
      h('strong', {}, f.family), ` mean ${fixed(f.mean)} days (95 % interval ${interval(f.intervals.mean)}), AIC ${f.aic.toFixed(1)}${i === 0 ? ' — best' : ''}${f.converged ? '' : ' (did not converge)'}`)));
  legend.querySelectorAll('li').forEach((li, i) => {
    li.querySelector('.curve-key')!.innerHTML = `<svg class="key" width="28" height="10"><line x1="0" x2="28" y1="5" y2="5" stroke="${CURVE_STYLE[i % 3].colour}" stroke-width="2.5" stroke-dasharray="${CURVE_STYLE[i % 3].dash}"></line></svg>`;
  });
  const table = h('table', {},
    h('thead', {}, h('tr', {}, th('Days'), th('Cases', true), e.fits.map((f) => th(`${f.family} (expected)`, true)))),
    h('tbody', {}, days.map((d, i) => {
      const count = hist.find((b) => b.day === d)?.count;
      return count === undefined && curves.every((c) => (c.points[i]?.count ?? 0) < 0.005) ? null
        : h('tr', {}, h('th', { scope: 'row' }, String(d)), h('td', { class: 'num' }, formatValue(count ?? 0)), curves.map((c) => h('td', { class: 'num' }, c.points[i] ? c.points[i].count.toFixed(2) : '—')));
    })));
  return figure('delay-histogram', 'Days from symptom onset to confirmation',
    `${formatValue(total)} cases with both dates known to the day (bars), and the expected count per whole day of each fitted family (lines, best AIC first: ${e.fits.map((f) => f.family).join(', ')}). The numbers are in the table below.`,
    svg, PLOT.top + PLOT.height + 38, table, legend);
}

/** The Cases page: line-list records (age pyramid, days of onset and confirmation, delays, incubation, the records). */
export class CasesPage {
  readonly el = h('div', { class: 'cases-page' });
  private readonly form = h('form', { class: 'controls case-filters', role: 'search', 'aria-label': 'Filter cases' });
  private readonly headline = h('div', { class: 'case-headline', 'aria-live': 'polite' });
  private readonly pyramid = h('section', { class: 'case-panel pyramid-panel', 'aria-labelledby': 'pyramid-h' });
  private readonly days = h('section', { class: 'case-panel days-panel', 'aria-labelledby': 'days-h' });
  private readonly delays = h('section', { class: 'case-panel delays-panel', 'aria-labelledby': 'delays-h', 'aria-busy': 'false' });
  private readonly incubation = h('section', { class: 'case-panel incubation-panel', 'aria-labelledby': 'incubation-h', 'aria-busy': 'false' });
  private readonly table = h('section', { class: 'case-table', 'aria-labelledby': 'case-table-h' });

  constructor(private readonly store: Store) {
    const heading = (id: string, text: string) => h('h2', { id }, text);
    this.pyramid.append(heading('pyramid-h', 'Age and sex'), h('div', { class: 'slot' }));
    this.days.append(heading('days-h', 'Onset and confirmation by day'), h('div', { class: 'slot' }));
    this.delays.append(heading('delays-h', 'Onset to confirmation'), h('div', { class: 'slot' }));
    this.incubation.append(heading('incubation-h', 'Incubation period'), h('div', { class: 'slot' }));
    this.el.append(
      h('h2', {}, 'Case records'),
      h('p', { class: 'muted' }, 'Patient-level records from two public line lists of early 2020, normalised (ages as ranges, dates with their precision, the raw text kept). Columns: ',
        h('a', { href: '/v1/cases/dictionary' }, 'the data dictionary'), '. API: ', h('a', { href: '/docs' }, '/v1/cases'), ', ', h('a', { href: '/docs' }, '/v1/models/delays'), '.'),
      this.form, this.headline,
      h('div', { class: 'case-grid' }, this.pyramid, this.days),
      h('div', { class: 'case-grid' }, this.delays, this.incubation),
      h('h2', { id: 'case-table-h' }, 'Records'), this.table,
    );
  }

  async update(s: ViewState): Promise<void> {
    if (!this.form.firstChild) this.drawForm(s.cases);
    this.syncForm(s.cases);
    const query = casesQuery(s.cases);
    const search = location.search;
    testHooks().cases = { ...testHooks().cases, query: search };
    // Only the table changes with the page: the charts and fits stay as drawn.
    const key = JSON.stringify(query);
    const charts = key === this.drawn ? [] : [this.drawSummary(query), this.drawDelays(query), this.drawIncubation(query)];
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
      h('fieldset', { class: 'source-boxes' }, h('legend', {}, 'Line lists'),
        CASE_SOURCES.map((x) => h('label', { class: 'toggle' }, h('input', { type: 'checkbox', name: 'source', value: x, checked: f.sources.length === 0 || f.sources.includes(x) }), ` ${SOURCE_LABEL[x]}`))),
      h('label', {}, 'Place ', h('input', { name: 'place', value: f.location ?? '', size: 14, placeholder: 'e.g. CN or CN_HB', autocapitalize: 'characters', 'aria-describedby': 'place-help' })),
      h('label', {}, 'Sex ', h('select', { name: 'sex' }, h('option', { value: '' }, 'any'), SEXES.map((x) => h('option', { value: x }, x)))),
      h('label', {}, 'Outcome ', h('select', { name: 'outcome' }, h('option', { value: '' }, 'any'), OUTCOMES.map((x) => h('option', { value: x }, x)))),
      h('label', {}, 'As of ', h('input', { type: 'date', name: 'asof', value: f.asOf ?? '', min: '2020-01-01' })),
      h('button', { type: 'submit' }, 'Apply'),
      h('span', { id: 'place-help', class: 'muted' }, 'A location key: the place and every place under it.'),
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

  private async drawSummary(query: Record<string, string | undefined>): Promise<void> {
    try {
      const r: Summary = await getJson('/v1/cases/summary', query);
      const p = pyramidOf(r.age_sex);
      const series = daySeries(r.by_day);
      testHooks().cases = { ...testHooks().cases, total: r.total, pyramid: p, byDay: series };
      const csv = Array.from({ length: Math.max(1, Math.ceil(r.total / CSV_ROWS)) }, (_, i) => apiUrl('/v1/cases', { ...query, limit: CSV_ROWS, offset: i ? i * CSV_ROWS : undefined, format: 'csv' }));
      this.headline.replaceChildren(
        h('p', { class: 'result-count' }, `${formatValue(r.total)} cases`, r.travel_history.share !== null ? h('span', { class: 'muted' }, ` · ${formatValue(r.travel_history.cases)} with a travel history (${(r.travel_history.share * 100).toFixed(1)} %)`) : null),
        h('p', { class: 'downloads' }, ...csv.map((u, i) => [
          h('a', { class: 'button csv-link', href: u, download: `glacier-cases${i ? `-${i + 1}` : ''}.csv` }, csv.length > 1 ? `CSV, rows ${formatValue(i * CSV_ROWS + 1)}–${formatValue(Math.min(r.total, (i + 1) * CSV_ROWS))}` : 'Download CSV'), ' ',
        ]), h('span', { class: 'muted' }, 'the records with these filters, every column (the API’s CSV)')),
      );
      if (r.total === 0) {
        this.slot(this.pyramid).replaceChildren(message('empty', 'No case matches these filters.'));
        this.slot(this.days).replaceChildren(message('empty', 'No case matches these filters.'));
        return;
      }
      this.slot(this.pyramid).replaceChildren(p.bands.length ? pyramidChart(p) : message('empty', `None of the ${formatValue(r.total)} cases has both a known sex and an age within one 10-year band.`));
      this.slot(this.days).replaceChildren(series.days.length ? dayChart(series) : message('empty', 'No case has an onset or confirmation date known to the day.'));
    } catch (err) {
      testHooks().cases = { ...testHooks().cases, error: errorText(err) };
      this.headline.replaceChildren();
      this.slot(this.pyramid).replaceChildren(apiError(err, this.retry));
      this.slot(this.days).replaceChildren(apiError(err, this.retry));
    }
  }

  private async drawDelays(query: Record<string, string | undefined>): Promise<void> {
    const slot = this.slot(this.delays);
    slot.replaceChildren(message('loading', `Fitting gamma, lognormal and Weibull delays (${MODEL_SAMPLES} bootstrap resamples; a few seconds)…`));
    this.delays.setAttribute('aria-busy', 'true');
    try {
      const r = await getJson('/v1/models/delays', { ...query, from_event: 'onset', to_event: 'confirmation', samples: MODEL_SAMPLES });
      testHooks().cases = { ...testHooks().cases, delays: { n: r.n, histogram: r.empirical?.histogram ?? [], fits: r.fits.map((f) => f.family) } };
      if (!r.empirical || r.empirical.histogram.length === 0 || r.fits.length === 0) {
        return void slot.replaceChildren(message('empty', `Too few cases with both an onset and a confirmation date to fit a delay (${formatValue(r.n)} usable).`));
      }
      slot.replaceChildren(delayChart(r),
        h('p', { class: 'muted chart-note' }, `Selection: ${sentence(r.selection)} ${formatValue(r.n)} cases used`,
          r.excluded.length ? `; not used: ${r.excluded.map((x) => `${formatValue(x.cases)} ${x.reason}`).join(', ')}` : '',
          `. Empirical mean ${fixed(r.empirical.mean)}, median ${fixed(r.empirical.median)} days. Intervals: ${r.bootstrap.samples} bootstrap resamples (the dashboard asks for ${MODEL_SAMPLES}, the API’s default is 1000).`));
    } catch (err) {
      slot.replaceChildren(apiError(err, this.retry));
    } finally {
      this.delays.setAttribute('aria-busy', 'false');
    }
  }

  private async drawIncubation(query: Record<string, string | undefined>): Promise<void> {
    const slot = this.slot(this.incubation);
    slot.replaceChildren(message('loading', `Fitting the incubation period (${MODEL_SAMPLES} bootstrap resamples; a few seconds)…`));
    this.incubation.setAttribute('aria-busy', 'true');
    try {
      const r = await getJson('/v1/models/incubation', { ...query, samples: MODEL_SAMPLES });
      const best: Fit | undefined = r.fits[0];
      testHooks().cases = { ...testHooks().cases, incubation: { n: r.n, family: best?.family ?? null, median: best?.median ?? null, mean: best?.mean ?? null, p95: best?.p95 ?? null } };
      if (!best) return void slot.replaceChildren(message('empty', `Too few cases with an exposure window and an onset date to estimate the incubation period (${formatValue(r.n)} usable).`));
      const row = (label: string, key: 'median' | 'mean' | 'p95') => h('tr', { 'data-stat': key },
        h('th', { scope: 'row' }, label), h('td', { class: 'num value' }, fixed(best[key])), h('td', { class: 'num' }, interval(best.intervals[key])));
      slot.replaceChildren(
        h('p', { class: 'incubation-lead' }, 'Best fit (lowest AIC): ', h('strong', { class: 'family' }, best.family), `, from ${formatValue(r.n)} cases.`),
        h('table', { class: 'incubation' },
          h('caption', { class: 'sr-only' }, 'Incubation period, days'),
          h('thead', {}, h('tr', {}, th('Days'), th('Estimate', true), th('95 % interval', true))),
          h('tbody', {}, row('Median', 'median'), row('Mean', 'mean'), row('95th percentile', 'p95'))),
        h('p', { class: 'muted chart-note selection' }, `Selection: ${sentence(r.selection)}`,
          r.excluded.length ? ` Not used: ${r.excluded.map((x) => `${formatValue(x.cases)} ${x.reason}`).join(', ')}.` : ''),
        h('p', { class: 'muted chart-note' }, `Other families: ${r.fits.slice(1).map((f) => `${f.family} median ${fixed(f.median)} (AIC ${f.aic.toFixed(1)})`).join('; ') || 'none'}. Intervals: ${r.bootstrap.samples} bootstrap resamples.`),
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
      if (r.data.length === 0) return void this.table.replaceChildren(message('empty', r.meta.total ? 'No case on this page.' : 'No case matches these filters.'));
      this.table.replaceChildren(
        h('p', { class: 'muted' }, `Cases ${formatValue(offset + 1)}–${formatValue(offset + r.data.length)} of ${formatValue(r.meta.total)}.`),
        h('div', { class: 'table-scroll' }, h('table', { class: 'cases' },
          h('thead', {}, h('tr', {}, ['Case', 'List', 'Place', 'Age', 'Sex', 'Onset', 'Confirmation', 'Outcome', 'Source'].map((c) => th(c)))),
          h('tbody', {}, r.data.map((x) => {
            const link = sourceLink(x.source_urls);
            return h('tr', { 'data-case': `${x.source}/${x.case_id}` },
              h('td', {}, h('a', { href: apiUrl('/v1/cases/{source}/{id}', {}, { source: String(x.source), id: String(x.case_id) }) }, String(x.case_id))),
              h('td', {}, String(x.source)),
              h('td', {}, x.location_key ? String(x.location_key) : '—'),
              h('td', {}, ageText(x.age_start, x.age_end)),
              h('td', {}, String(x.sex ?? '—')),
              h('td', {}, eventText(x, 'onset')),
              h('td', {}, eventText(x, 'confirmation')),
              h('td', {}, String(x.outcome ?? '—')),
              h('td', {}, link ? h('a', { class: 'source-link', href: link, rel: 'noopener noreferrer nofollow', target: '_blank' }, new URL(link).hostname) : '—'));
          })))),
        h('nav', { class: 'pager', 'aria-label': 'Case pages' },
          h('button', { type: 'button', disabled: pageNo === 0, onclick: () => void this.store.set({ pageNo: pageNo - 1 }) }, '‹ Previous'),
          h('span', {}, `Page ${formatValue(pageNo + 1)} of ${formatValue(pages)}`),
          h('button', { type: 'button', disabled: pageNo >= pages - 1, onclick: () => void this.store.set({ pageNo: pageNo + 1 }) }, 'Next ›')),
      );
    } catch (err) {
      this.table.replaceChildren(apiError(err, this.retry));
    }
  }
}
