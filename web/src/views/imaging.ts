import { apiUrl, getJson } from '../api';
import { esc, h, message } from '../dom';
import { formatDate, formatValue } from '../format';
import { barsBy, findingPrefixes, fitBox, imagingQuery, splitQuery, type Bar } from '../research';
import type { ImageRow } from '../research-types';
import { errorText, testHooks } from '../shared';
import { apiError } from './api-error';
import { MODALITIES, parseRatios, parseSeed, type ImagingFilter, type SplitSpec, type ViewState } from '../state';
import type { Store } from '../store';

export const IMAGE_PAGE = 25;
const THUMB_BOX = 96;
const ROW_H = 30;
const SPLITS = ['train', 'val', 'test'] as const;

/**
 * A horizontal bar chart drawn as SVG: a title and description for screen readers, and the same
 * numbers in a table below it. Bars are sized in percent of the width, so it fits any screen.
 */
export function barChart(id: string, title: string, bars: Bar[]): HTMLElement {
  const max = Math.max(1, ...bars.map((b) => b.images));
  const total = bars.reduce((n, b) => n + b.images, 0);
  const height = bars.length * ROW_H + 4;
  const rows = bars.map((b, i) => {
    const y = i * ROW_H;
    const w = (b.images / max) * 82;
    return `<g class="bar" data-label="${esc(b.label)}" data-images="${b.images}">` +
      `<text class="bar-label" x="0" y="${y + 11}">${esc(b.label)}</text>` +
      `<rect x="0" y="${y + 14}" width="${w.toFixed(2)}%" height="12" rx="2"></rect>` +
      `<text class="bar-value" x="${w.toFixed(2)}%" dx="5" y="${y + 25}">${esc(formatValue(b.images))}</text></g>`;
  }).join('');
  const figure = h('figure', { class: 'bar-chart', id });
  const svg = `<svg role="img" aria-labelledby="${id}-t ${id}-d" width="100%" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(`${bars.length} bars, ${formatValue(total)} images in all. The numbers are in the table below.`)}</desc>${rows}</svg>`;
  figure.innerHTML = svg;
  figure.prepend(h('figcaption', {}, title));
  figure.append(h('details', { class: 'chart-table' }, h('summary', {}, 'Show as a table'),
    h('table', {}, h('caption', { class: 'sr-only' }, title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, title.startsWith('Images by view') ? 'View' : 'Finding'), h('th', { scope: 'col', class: 'num' }, 'Images'))),
      h('tbody', {}, bars.map((b) => h('tr', {}, h('th', { scope: 'row' }, b.label), h('td', { class: 'num' }, formatValue(b.images))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Total'), h('td', { class: 'num' }, formatValue(total)))))));
  return figure;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A study date as precise as the dataset gave it ("2020", "Mar 2020", "21 Mar 2020"). */
function studyDate(x: ImageRow): string {
  const d = x.study_date;
  if (!d) return '—';
  if (x.study_date_precision === 'year') return d.slice(0, 4);
  if (x.study_date_precision === 'month') return `${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
  return formatDate(d);
}

/** The imaging index: counts by finding and view, the images a page at a time, and a patient-level split builder. */
export class ImagingPage {
  readonly el = h('div', { class: 'imaging-page' });
  private readonly filterForm = h('form', { class: 'controls imaging-filters', role: 'search', 'aria-label': 'Filter images' });
  private readonly charts = h('section', { class: 'imaging-charts', 'aria-labelledby': 'img-counts-h', 'aria-live': 'polite' });
  private readonly table = h('section', { class: 'imaging-table', 'aria-labelledby': 'img-table-h' });
  private readonly splitForm = h('form', { class: 'split-form', 'aria-label': 'Build a split' });
  private readonly splitOut = h('div', { class: 'split-out', 'aria-live': 'polite' });
  private choices: { datasets: string[]; findings: string[]; views: string[] } | null = null;

  constructor(private readonly store: Store) {
    this.el.append(
      h('h2', {}, 'Medical imaging'),
      h('p', { class: 'muted' }, 'The chest images of the COVID-19 imaging datasets Glacier indexes (X-ray, CT, ultrasound): findings on one hierarchy (',
        h('code', {}, 'Pneumonia/Viral/COVID-19'), '), normalised views, patients. Licences differ per image: see each dataset’s entry on the ',
        h('a', { href: '/?page=datasets&type=imaging' }, 'Datasets'), ' page. API: ', h('a', { href: '/docs' }, '/v1/imaging'), '.'),
      this.filterForm,
      h('h2', { id: 'img-counts-h' }, 'Images by finding and by view'), this.charts,
      h('h2', { id: 'img-table-h' }, 'Images'), this.table,
      h('section', { class: 'split-builder', 'aria-labelledby': 'split-h' }, h('h2', { id: 'split-h' }, 'Split builder: train / validation / test by patient'),
        h('p', { class: 'muted' }, 'Each patient, and any image filed under two patients, goes to one split only; per finding the patients are shared out by the ratios. The same seed gives the same split.'),
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
    return h('fieldset', { class: 'dataset-boxes' }, h('legend', {}, 'Datasets (none ticked: all)'),
      list.map((d) => h('label', { class: 'toggle' }, h('input', { type: 'checkbox', name, value: d, checked: chosen.includes(d) }), ` ${d}`)));
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
      h('label', {}, 'Finding ', h('input', { name: 'finding', list: 'finding-list', value: f.finding, size: 22, placeholder: 'e.g. Pneumonia/Viral', 'aria-describedby': 'finding-help' }),
        h('datalist', { id: 'finding-list' }, (c?.findings ?? []).map((x) => h('option', { value: x })))),
      h('label', {}, 'Modality ', h('select', { name: 'modality' }, h('option', { value: '' }, 'any'), MODALITIES.map((m) => h('option', { value: m, selected: f.modality === m }, m)))),
      h('label', {}, 'View ', h('select', { name: 'view' }, h('option', { value: '' }, 'any'), [...new Set([...(c?.views ?? []), ...(f.view ? [f.view] : [])])].map((v) => h('option', { value: v, selected: f.view === v }, v)))),
      h('button', { type: 'submit' }, 'Apply'),
      h('span', { id: 'finding-help', class: 'muted' }, 'A finding matches everything under it.'),
    );
  }

  private async drawCharts(f: ImagingFilter): Promise<void> {
    try {
      const r = await getJson('/v1/imaging/summary', imagingQuery(f));
      const byFinding = barsBy(r.data, 'finding');
      const byView = barsBy(r.data, 'view');
      testHooks().imaging = { ...testHooks().imaging, query: location.search, byFinding, byView };
      if (r.data.length === 0) return void this.charts.replaceChildren(message('empty', 'No image matches this filter.'));
      this.charts.replaceChildren(
        h('p', { class: 'result-count' }, `${formatValue(r.meta.images)} images`),
        h('div', { class: 'chart-pair' }, barChart('by-finding', 'Images by finding', byFinding), barChart('by-view', 'Images by view', byView)),
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
      if (r.data.length === 0) return void this.table.replaceChildren(message('empty', r.meta.total ? 'No image on this page.' : 'No image matches this filter.'));
      this.table.replaceChildren(
        h('p', { class: 'muted' }, `Images ${formatValue(offset + 1)}–${formatValue(offset + r.data.length)} of ${formatValue(r.meta.total)}.`),
        h('div', { class: 'table-scroll' }, h('table', { class: 'images' },
          h('thead', {}, h('tr', {}, ['Image', 'Dataset / file', 'Patient', 'Finding', 'View', 'Sex, age', 'Study date', 'Licence'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, r.data.map((x) => this.imageRow(x))))),
        h('nav', { class: 'pager', 'aria-label': 'Image pages' },
          h('button', { type: 'button', disabled: s.pageNo === 0, onclick: () => void this.store.set({ pageNo: s.pageNo - 1 }) }, '‹ Previous'),
          h('span', {}, `Page ${s.pageNo + 1} of ${pages}`),
          h('button', { type: 'button', disabled: s.pageNo >= pages - 1, onclick: () => void this.store.set({ pageNo: s.pageNo + 1 }) }, 'Next ›')),
      );
    } catch (err) {
      this.table.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }

  private imageRow(x: ImageRow): HTMLElement {
    const size = fitBox(x.width, x.height, THUMB_BOX);
    const alt = `${x.modality} ${x.view ?? ''} image, ${x.finding ?? 'no finding given'} (${x.image_id})`.replace(/\s+/g, ' ');
    return h('tr', {},
      h('td', { class: 'thumb-cell' }, x.thumbnail
        ? h('img', { class: 'thumb', src: `${x.thumbnail}?size=128`, alt, loading: 'lazy', decoding: 'async', width: size.width, height: size.height })
        : h('span', { class: 'thumb none', title: 'The image file is not held here' }, 'not held')),
      h('td', {}, x.dataset, h('div', { class: 'muted file' }, x.image_id, x.listing > 1 ? ` (listing ${x.listing})` : '')),
      h('td', {}, x.patient ?? '—'),
      h('td', {}, x.finding ?? '—', x.also_findings.length ? h('div', { class: 'muted' }, `also ${x.also_findings.join(', ')}`) : null),
      h('td', {}, `${x.view ?? '—'}`, h('div', { class: 'muted' }, x.modality)),
      h('td', {}, `${x.sex ?? '—'}, ${x.age ?? '—'}`),
      h('td', {}, studyDate(x)),
      h('td', {}, x.license ?? '—'),
    );
  }

  /** The forms show the URL's state (back/forward, links), without rebuilding them (focus stays put). */
  private syncForms(s: ViewState): void {
    const put = (form: HTMLFormElement, name: string, value: string) => {
      const el = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (!el || el === document.activeElement) return;
      if (el instanceof HTMLSelectElement && value && ![...el.options].some((o) => o.value === value)) el.append(h('option', { value }, value));
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
      if (!ratios) return void (error.textContent = 'Ratios: one to three fractions separated by commas, adding up to 1 (e.g. 0.7,0.15,0.15).');
      if (seed === null) return void (error.textContent = 'Seed: a whole number from 0 to 4294967295.');
      error.textContent = '';
      void this.store.set({ split: { built: true, datasets: fd.getAll('splitset').map(String), finding: String(fd.get('splitfinding') ?? '').trim(), ratios: ratios.join(','), seed } });
    };
    this.splitForm.replaceChildren(
      this.datasetBoxes('splitset', sp.datasets),
      h('div', { class: 'controls' },
        h('label', {}, 'Finding prefix ', h('input', { name: 'splitfinding', list: 'finding-list', value: sp.finding, size: 22, placeholder: 'all findings' })),
        h('label', {}, 'Ratios (train,val,test) ', h('input', { name: 'ratios', value: sp.ratios, size: 14, inputmode: 'decimal', required: true })),
        h('label', {}, 'Seed ', h('input', { name: 'seed', value: String(sp.seed), size: 10, inputmode: 'numeric', required: true })),
        h('button', { type: 'submit' }, 'Build split')),
      error,
    );
  }

  private async drawSplit(sp: SplitSpec): Promise<void> {
    if (!sp.built) return void this.splitOut.replaceChildren(h('p', { class: 'muted' }, 'Choose datasets, a finding, ratios and a seed, then “Build split”.'));
    const query = splitQuery(sp);
    this.splitOut.replaceChildren(message('loading', 'Building the split…'));
    try {
      const r = await getJson('/v1/imaging/splits', query);
      if (this.store.state.split !== sp) return;
      const csv = apiUrl('/v1/imaging/splits', { ...query, format: 'csv' });
      testHooks().imaging = { ...testHooks().imaging, split: { query: apiUrl('/v1/imaging/splits', query), summary: r.summary } };
      if (r.data.length === 0) return void this.splitOut.replaceChildren(message('empty', 'No image matches these datasets and this finding: nothing to split.'));
      const findings = [...new Set(r.summary.flatMap((x) => Object.keys(x.findings)))].sort();
      const of = (name: string) => r.summary.find((x) => x.split === name);
      const shown = SPLITS.filter((n) => of(n));
      this.splitOut.replaceChildren(
        h('p', {}, `${formatValue(r.data.length)} images in ${formatValue(r.meta.groups)} groups; ratios ${r.meta.ratios.join(' / ')}, seed ${r.meta.seed}. `,
          h('a', { class: 'button', href: csv, download: `glacier-split-seed${sp.seed}.csv` }, 'Download CSV'),
          ' ', h('span', { class: 'muted' }, '(dataset, image_id, patient, finding, split)')),
        h('div', { class: 'table-scroll' }, h('table', { class: 'split-summary' },
          h('caption', {}, 'Per split'),
          h('thead', {}, h('tr', {}, ['Split', 'Images', 'Patients', 'Groups'].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
          h('tbody', {}, r.summary.map((x) => h('tr', { 'data-split': x.split }, h('th', { scope: 'row' }, x.split),
            h('td', { class: 'num' }, formatValue(x.images)), h('td', { class: 'num' }, formatValue(x.patients)), h('td', { class: 'num' }, formatValue(x.groups))))))),
        h('div', { class: 'table-scroll' }, h('table', { class: 'split-findings' },
          h('caption', {}, 'Findings per split: images (patients)'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Finding'), shown.map((n) => h('th', { scope: 'col', class: 'num' }, n)))),
          h('tbody', {}, findings.map((f) => h('tr', {}, h('th', { scope: 'row' }, f), shown.map((n) => {
            const c = of(n)!.findings[f];
            return h('td', { class: 'num' }, c ? `${formatValue(c.images)} (${formatValue(c.patients)})` : '—');
          })))))),
      );
    } catch (err) {
      this.splitOut.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }
}
