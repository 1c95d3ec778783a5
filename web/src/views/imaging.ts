import { apiUrl, getJson } from '../api';
import { esc, h, message } from '../dom';
import { formatValue } from '../format';
import { t } from '../i18n';
import { barsBy, findingPrefixes, fitBox, imagingQuery, modalityText, NONE, splitQuery, type Bar } from '../research';
import { preciseDate } from '../research2';
import type { ImageRow } from '../research-types';
import { errorText, testHooks } from '../shared';
import { apiError } from './api-error';
import { BAR_CHART_STYLE } from '../figure-research';
import { withChartDownloads } from './research-figure';
import { MODALITIES, parseRatios, parseSeed, type ImagingFilter, type SplitSpec, type ViewState } from '../state';
import type { Store } from '../store';

export const IMAGE_PAGE = 25;
const THUMB_BOX = 96;
const ROW_H = 30;
const SPLITS = ['train', 'val', 'test'] as const;
/** A split's name in the reader's language (the API's name where it is not one of the three). */
const splitName = (name: string) => ((SPLITS as readonly string[]).includes(name) ? t(`imaging.split.${name as (typeof SPLITS)[number]}`) : name);

/**
 * A horizontal bar chart drawn as SVG: a title and description for screen readers, and the same
 * numbers in a table below it. Bars are sized in percent of the width, so it fits any screen.
 */
export function barChart(id: string, title: string, column: string, bars: Bar[]): HTMLElement {
  // Findings and views are the datasets' words (data); "(none)" is the page's.
  const shown = (label: string) => (label === NONE ? t('imaging.none') : label);
  const no = (label: string) => (label === NONE ? null : 'no');
  const max = Math.max(1, ...bars.map((b) => b.images));
  const total = bars.reduce((n, b) => n + b.images, 0);
  const height = bars.length * ROW_H + 4;
  const rows = bars.map((b, i) => {
    const y = i * ROW_H;
    const w = (b.images / max) * 82;
    return `<g class="bar" data-label="${esc(b.label)}" data-images="${b.images}">` +
      `<text class="bar-label" x="0" y="${y + 11}"${no(b.label) ? ' translate="no"' : ''}>${esc(shown(b.label))}</text>` +
      `<rect x="0" y="${y + 14}" width="${w.toFixed(2)}%" height="12" rx="2"></rect>` +
      `<text class="bar-value" x="${w.toFixed(2)}%" dx="5" y="${y + 25}">${esc(formatValue(b.images))}</text></g>`;
  }).join('');
  const figure = h('figure', { class: 'bar-chart', id });
  const svg = `<svg role="img" aria-labelledby="${id}-t ${id}-d" width="100%" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(t('imaging.chartDesc', { count: bars.length, total: formatValue(total) }))}</desc>${rows}</svg>`;
  figure.innerHTML = svg;
  figure.prepend(h('figcaption', {}, title));
  figure.append(h('details', { class: 'chart-table' }, h('summary', {}, t('imaging.showTable')),
    h('table', {}, h('caption', { class: 'sr-only' }, title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, column), h('th', { scope: 'col', class: 'num' }, t('imaging.imagesCol')))),
      h('tbody', {}, bars.map((b) => h('tr', {}, h('th', { scope: 'row', translate: no(b.label) }, shown(b.label)), h('td', { class: 'num' }, formatValue(b.images))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('imaging.total')), h('td', { class: 'num' }, formatValue(total)))))));
  return figure;
}


/** The imaging index: counts by finding and view, the images a page at a time, and a patient-level split builder. */
export class ImagingPage {
  readonly el = h('div', { class: 'imaging-page' });
  private readonly filterForm = h('form', { class: 'controls imaging-filters', role: 'search', 'aria-label': t('imaging.filter') });
  private readonly charts = h('section', { class: 'imaging-charts', 'aria-labelledby': 'img-counts-h', 'aria-live': 'polite' });
  private readonly table = h('section', { class: 'imaging-table', 'aria-labelledby': 'img-table-h' });
  private readonly splitForm = h('form', { class: 'split-form', 'aria-label': t('imaging.splitForm') });
  private readonly splitOut = h('div', { class: 'split-out', 'aria-live': 'polite' });
  private choices: { datasets: string[]; findings: string[]; views: string[] } | null = null;

  constructor(private readonly store: Store) {
    this.el.append(
      h('h2', {}, t('imaging.heading')),
      h('p', { class: 'muted' }, t('imaging.intro1'),
        h('code', { translate: 'no' }, 'Pneumonia/Viral/COVID-19'), t('imaging.intro2'),
        h('a', { href: '/?page=datasets&type=imaging' }, t('imaging.intro3')), t('imaging.intro4'), h('a', { href: '/docs', translate: 'no' }, '/v1/imaging'), t('imaging.fullStop')),
      this.filterForm,
      h('h2', { id: 'img-counts-h' }, t('imaging.countsHeading')), this.charts,
      h('h2', { id: 'img-table-h' }, t('imaging.tableHeading')), this.table,
      h('section', { class: 'split-builder', 'aria-labelledby': 'split-h' }, h('h2', { id: 'split-h' }, t('imaging.splitHeading')),
        h('p', { class: 'muted' }, t('imaging.splitIntro')),
        this.splitForm, this.splitOut),
    );
  }

  async update(s: ViewState): Promise<void> {
    await this.loadChoices();
    if (!this.filterForm.firstChild) this.drawFilter(s.imaging);
    if (!this.splitForm.firstChild) this.drawSplitForm(s.split);
    this.syncForms(s);
    await Promise.all([this.drawCharts(s.imaging), this.drawTable(s), this.drawSplit(s.split)]);
  }

  /** The filter's choices: every dataset, finding (and prefix) and view of the unfiltered summary. */
  private async loadChoices(): Promise<void> {
    if (this.choices) return;
    try {
      const all = await getJson('/v1/imaging/summary');
      const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
      this.choices = { datasets: uniq(all.data.map((r) => r.dataset)), findings: findingPrefixes(all.data.map((r) => r.finding)), views: uniq(all.data.map((r) => r.view)) };
    } catch {
      this.choices = null; // the charts show the API's error
    }
  }

  private datasetBoxes(name: string, chosen: string[]): HTMLElement {
    const list = this.choices?.datasets ?? chosen;
    return h('fieldset', { class: 'dataset-boxes' }, h('legend', {}, t('imaging.datasets')),
      list.map((d) => h('label', { class: 'toggle' }, h('input', { type: 'checkbox', name, value: d, checked: chosen.includes(d) }), ' ', h('span', { translate: 'no' }, d))));
  }

  private drawFilter(f: ImagingFilter): void {
    const c = this.choices;
    const apply = () => {
      const fd = new FormData(this.filterForm);
      const next: ImagingFilter = {
        datasets: fd.getAll('dataset').map(String), finding: String(fd.get('finding') ?? '').trim(),
        modality: (String(fd.get('modality') ?? '') || null) as ImagingFilter['modality'], view: String(fd.get('view') ?? ''),
      };
      void this.store.set({ imaging: next, pageNo: 0 });
    };
    this.filterForm.onsubmit = (e) => (e.preventDefault(), apply());
    this.filterForm.onchange = (e) => {
      if ((e.target as HTMLElement).getAttribute('name') !== 'finding') apply();
    };
    this.filterForm.replaceChildren(
      this.datasetBoxes('dataset', f.datasets),
      h('label', {}, `${t('imaging.finding')} `, h('input', { name: 'finding', list: 'finding-list', value: f.finding, size: 22, placeholder: t('imaging.findingPlaceholder'), 'aria-describedby': 'finding-help' }),
        h('datalist', { id: 'finding-list' }, (c?.findings ?? []).map((x) => h('option', { value: x })))),
      h('label', {}, `${t('imaging.modality')} `, h('select', { name: 'modality' }, h('option', { value: '' }, t('imaging.any')), MODALITIES.map((m) => h('option', { value: m, selected: f.modality === m }, modalityText(m))))),
      h('label', {}, `${t('imaging.view')} `, h('select', { name: 'view' }, h('option', { value: '' }, t('imaging.any')), [...new Set([...(c?.views ?? []), ...(f.view ? [f.view] : [])])].map((v) => h('option', { value: v, selected: f.view === v, translate: 'no' }, v)))),
      h('button', { type: 'submit' }, t('imaging.apply')),
      h('span', { id: 'finding-help', class: 'muted' }, t('imaging.findingHelp')),
    );
  }

  private async drawCharts(f: ImagingFilter): Promise<void> {
    try {
      const r = await getJson('/v1/imaging/summary', imagingQuery(f));
      const byFinding = barsBy(r.data, 'finding');
      const byView = barsBy(r.data, 'view');
      testHooks().imaging = { ...testHooks().imaging, query: location.search, byFinding, byView };
      if (r.data.length === 0) return void this.charts.replaceChildren(message('empty', t('imaging.noMatch')));
      // The figures' source line: the datasets the counted images come from.
      const withFigure = (fig: HTMLElement) => withChartDownloads(fig, {
        style: BAR_CHART_STYLE, sources: () => r.data.filter((x) => x.images > 0).map((x) => x.dataset),
        subtitle: () => [{ text: t('imaging.images', { count: r.meta.images }) }],
        name: () => ['glacier-imaging', fig.id, ...Object.values(imagingQuery(f)).filter((v): v is string => typeof v === 'string')].join('-'),
      });
      this.charts.replaceChildren(
        h('p', { class: 'result-count' }, t('imaging.images', { count: r.meta.images })),
        h('div', { class: 'chart-pair' }, withFigure(barChart('by-finding', t('imaging.byFinding'), t('imaging.col.finding'), byFinding)), withFigure(barChart('by-view', t('imaging.byView'), t('imaging.col.view'), byView))),
      );
    } catch (err) {
      testHooks().imaging = { ...testHooks().imaging, error: errorText(err) };
      this.charts.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }

  private async drawTable(s: ViewState): Promise<void> {
    try {
      const offset = s.pageNo * IMAGE_PAGE;
      const r = await getJson('/v1/imaging/images', { ...imagingQuery(s.imaging), limit: IMAGE_PAGE, offset });
      const pages = Math.max(1, Math.ceil(r.meta.total / IMAGE_PAGE));
      testHooks().imaging = { ...testHooks().imaging, images: { total: r.meta.total, offset, ids: r.data.map((x) => `${x.dataset}/${x.image_id}`) } };
      if (r.data.length === 0) return void this.table.replaceChildren(message('empty', t(r.meta.total ? 'imaging.noPageImage' : 'imaging.noMatch')));
      this.table.replaceChildren(
        h('p', { class: 'muted' }, t('imaging.range', { from: offset + 1, to: offset + r.data.length, total: r.meta.total })),
        h('div', { class: 'table-scroll' }, h('table', { class: 'images' },
          h('thead', {}, h('tr', {}, (['image', 'file', 'patient', 'finding', 'view', 'sexAge', 'date', 'licence'] as const).map((c) => h('th', { scope: 'col' }, t(`imaging.col.${c}`))))),
          h('tbody', {}, r.data.map((x) => this.imageRow(x))))),
        h('nav', { class: 'pager', 'aria-label': t('imaging.pages') },
          h('button', { type: 'button', disabled: s.pageNo === 0, onclick: () => void this.store.set({ pageNo: s.pageNo - 1 }) }, t('imaging.previous')),
          h('span', {}, t('imaging.page', { page: s.pageNo + 1, pages })),
          h('button', { type: 'button', disabled: s.pageNo >= pages - 1, onclick: () => void this.store.set({ pageNo: s.pageNo + 1 }) }, t('imaging.next'))),
      );
    } catch (err) {
      this.table.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }

  private imageRow(x: ImageRow): HTMLElement {
    const size = fitBox(x.width, x.height, THUMB_BOX);
    // The alt text is the catalogue's words around the dataset's (view, finding, file name): marked
    // translate="no" as a whole, since an attribute cannot mark its data apart.
    const alt = t('imaging.alt', { modality: modalityText(x.modality), view: x.view ?? '—', finding: x.finding ?? t('imaging.noFinding'), id: x.image_id });
    const no = (text: string) => h('span', { translate: 'no' }, text);
    const sex = x.sex === 'M' || x.sex === 'F' ? t(`imaging.sex.${x.sex}`) : (x.sex ?? '—');
    return h('tr', {},
      h('td', { class: 'thumb-cell' }, x.thumbnail
        ? h('img', { class: 'thumb', src: `${x.thumbnail}?size=128`, alt, translate: 'no', loading: 'lazy', decoding: 'async', width: size.width, height: size.height })
        : h('span', { class: 'thumb none', title: t('imaging.notHeldTitle') }, t('imaging.notHeld'))),
      h('td', {}, no(x.dataset), h('div', { class: 'muted file' }, no(x.image_id), x.listing > 1 ? t('imaging.listing', { n: x.listing }) : '')),
      h('td', { translate: 'no' }, x.patient ?? '—'),
      h('td', {}, no(x.finding ?? '—'), x.also_findings.length ? h('div', { class: 'muted' }, t('imaging.also'), no(x.also_findings.join(', '))) : null),
      h('td', {}, no(x.view ?? '—'), h('div', { class: 'muted' }, modalityText(x.modality))),
      h('td', {}, t('imaging.sexAge', { sex, age: x.age === null ? '—' : formatValue(x.age) })),
      h('td', {}, preciseDate(x.study_date, x.study_date_precision)),
      h('td', { translate: 'no' }, x.license ?? '—'),
    );
  }

  /** The forms show the URL's state (back/forward, links), without rebuilding them (focus stays put). */
  private syncForms(s: ViewState): void {
    const put = (form: HTMLFormElement, name: string, value: string) => {
      const el = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (!el || el === document.activeElement) return;
      if (el instanceof HTMLSelectElement && value && ![...el.options].some((o) => o.value === value)) el.append(h('option', { value, translate: 'no' }, value));
      el.value = value;
    };
    const tick = (form: HTMLFormElement, name: string, chosen: string[]) => {
      for (const box of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) box.checked = chosen.includes(box.value);
    };
    tick(this.filterForm, 'dataset', s.imaging.datasets);
    put(this.filterForm, 'finding', s.imaging.finding);
    put(this.filterForm, 'modality', s.imaging.modality ?? '');
    put(this.filterForm, 'view', s.imaging.view);
    tick(this.splitForm, 'splitset', s.split.datasets);
    put(this.splitForm, 'splitfinding', s.split.finding);
    put(this.splitForm, 'ratios', s.split.ratios);
    put(this.splitForm, 'seed', String(s.split.seed));
  }

  private drawSplitForm(sp: SplitSpec): void {
    const error = h('p', { class: 'error-text', role: 'alert' });
    this.splitForm.onsubmit = (e) => {
      e.preventDefault();
      const fd = new FormData(this.splitForm);
      const ratios = parseRatios(String(fd.get('ratios') ?? ''));
      const seed = parseSeed(String(fd.get('seed') ?? ''));
      if (!ratios) return void (error.textContent = t('imaging.ratiosError'));
      if (seed === null) return void (error.textContent = t('imaging.seedError'));
      error.textContent = '';
      void this.store.set({ split: { built: true, datasets: fd.getAll('splitset').map(String), finding: String(fd.get('splitfinding') ?? '').trim(), ratios: ratios.join(','), seed } });
    };
    this.splitForm.replaceChildren(
      this.datasetBoxes('splitset', sp.datasets),
      h('div', { class: 'controls' },
        h('label', {}, `${t('imaging.findingPrefix')} `, h('input', { name: 'splitfinding', list: 'finding-list', value: sp.finding, size: 22, placeholder: t('imaging.allFindings') })),
        h('label', {}, `${t('imaging.ratios')} `, h('input', { name: 'ratios', value: sp.ratios, size: 14, inputmode: 'decimal', required: true })),
        h('label', {}, `${t('imaging.seed')} `, h('input', { name: 'seed', value: String(sp.seed), size: 10, inputmode: 'numeric', required: true })),
        h('button', { type: 'submit' }, t('imaging.build'))),
      error,
    );
  }

  private async drawSplit(sp: SplitSpec): Promise<void> {
    if (!sp.built) return void this.splitOut.replaceChildren(h('p', { class: 'muted' }, t('imaging.choose')));
    const query = splitQuery(sp);
    this.splitOut.replaceChildren(message('loading', t('imaging.building')));
    try {
      const r = await getJson('/v1/imaging/splits', query);
      if (this.store.state.split !== sp) return;
      const csv = apiUrl('/v1/imaging/splits', { ...query, format: 'csv' });
      testHooks().imaging = { ...testHooks().imaging, split: { query: apiUrl('/v1/imaging/splits', query), summary: r.summary } };
      if (r.data.length === 0) return void this.splitOut.replaceChildren(message('empty', t('imaging.nothingToSplit')));
      const findings = [...new Set(r.summary.flatMap((x) => Object.keys(x.findings)))].sort();
      const of = (name: string) => r.summary.find((x) => x.split === name);
      const shown = SPLITS.filter((n) => of(n));
      this.splitOut.replaceChildren(
        h('p', {}, t('imaging.splitLead', { images: r.data.length, groups: r.meta.groups, ratios: r.meta.ratios.join(' / '), seed: String(r.meta.seed) }),
          h('a', { class: 'button', href: csv, download: `glacier-split-seed${sp.seed}.csv` }, t('imaging.downloadCsv')),
          ' ', h('span', { class: 'muted' }, '(', t('imaging.csvColumns'), h('span', { translate: 'no' }, 'dataset, image_id, patient, finding, split'), ')')),
        h('div', { class: 'table-scroll' }, h('table', { class: 'split-summary' },
          h('caption', {}, t('imaging.perSplit')),
          h('thead', {}, h('tr', {}, [t('imaging.col.split'), t('imaging.imagesCol'), t('imaging.col.patients'), t('imaging.col.groups')].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
          h('tbody', {}, r.summary.map((x) => h('tr', { 'data-split': x.split }, h('th', { scope: 'row' }, splitName(x.split)),
            h('td', { class: 'num' }, formatValue(x.images)), h('td', { class: 'num' }, formatValue(x.patients)), h('td', { class: 'num' }, formatValue(x.groups))))))),
        h('div', { class: 'table-scroll' }, h('table', { class: 'split-findings' },
          h('caption', {}, t('imaging.findingsPerSplit')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('imaging.col.finding')), shown.map((n) => h('th', { scope: 'col', class: 'num' }, splitName(n))))),
          h('tbody', {}, findings.map((f) => h('tr', {}, h('th', { scope: 'row', translate: 'no' }, f), shown.map((n) => {
            const c = of(n)!.findings[f];
            return h('td', { class: 'num' }, c ? `${formatValue(c.images)} (${formatValue(c.patients)})` : '—');
          })))))),
      );
    } catch (err) {
      this.splitOut.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }
}
