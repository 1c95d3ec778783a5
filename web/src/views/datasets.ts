import { apiUrl, getJson, getText } from '../api';
import { h, message } from '../dom';
import { formatDate, formatValue } from '../format';
import { currentLang, t } from '../i18n';
import { accessText, commercialText, datasetTypeText, modalityText, redistributionLabel, unitText } from '../research';
import type { Dataset } from '../research-types';
import { errorText, testHooks } from '../shared';
import { apiError } from './api-error';
import { tNodes } from './message-nodes';
import { DATASET_TYPES, MODALITIES, REDISTRIBUTION_CLASSES, type DatasetFilter, type ViewState } from '../state';
import type { Store } from '../store';

/** The id of the JSON-LD script the dataset page puts in the document's head (one at a time). */
export const JSONLD_ID = 'glacier-dataset-jsonld';

/** Not a JSON route (BibTeX or RIS text), so not one of the typed client's paths. */
const citationUrl = (id: string, format: 'bibtex' | 'ris') => `/v1/datasets/${encodeURIComponent(id)}/citation?format=${format}`;
const datasetHref = (id: string) => `/?page=dataset&id=${encodeURIComponent(id)}`;
const tri = (v: string): boolean | null => (v === '1' ? true : v === '0' ? false : null);
const triText = (b: boolean | null) => (b === null ? '' : b ? '1' : '0');

/** A link that navigates inside the page (history entry, no reload) but is still a real link (open in a new tab). */
function pageLink(store: Store, href: string, patch: Partial<ViewState>, ...children: (Node | string)[]): HTMLAnchorElement {
  return h('a', {
    href,
    onclick: (e) => {
      const m = e as MouseEvent;
      if (m.ctrlKey || m.metaKey || m.shiftKey || m.button !== 0) return;
      e.preventDefault();
      void store.set({ ...patch, pageNo: 0 });
      scrollTo(0, 0);
    },
  }, ...children);
}

/** The redistribution badge: its own colour, and always its words. */
export function redistributionBadge(cls: string, note?: string): HTMLElement {
  const l = redistributionLabel(cls) ?? { text: cls, help: '', warn: false };
  // The tooltip: the catalog's note where the reader reads its language (English), else the
  // class's help in the reader's language (an attribute cannot mark data apart; the note is on
  // the dataset's page, marked translate="no").
  return h('span', { class: `badge redist redist-${cls}${l.warn ? ' warn' : ''}`, title: note && currentLang() === 'en' ? note : l.help }, l.warn ? '⚠ ' : '', l.text);
}

function badges(d: Dataset): HTMLElement {
  return h('div', { class: 'badges' },
    redistributionBadge(d.redistribution, d.redistribution_note),
    h('span', { class: `badge commercial-${d.commercial_use === null ? 'unknown' : d.commercial_use ? 'yes' : 'no'}` }, commercialText(d.commercial_use)),
    d.status === 'frozen' ? h('span', { class: 'badge frozen' }, t('datasets.frozenBadge', { date: formatDate(d.last_update) })) : h('span', { class: 'badge active' }, t('datasets.active')),
  );
}

const licence = (d: Dataset) => h('a', { href: d.license.url, rel: 'noopener', title: d.license.name, translate: 'no' }, d.license.spdx ?? d.license.name);
/** "imaging (X-ray, CT)": the type and modalities in the reader's language. */
const kind = (d: Dataset) => (d.modalities.length ? t('datasets.kindWith', { type: datasetTypeText(d.type), modalities: d.modalities.map(modalityText).join(t('datasets.listSep')) }) : datasetTypeText(d.type));

function counts(d: Dataset): HTMLElement | string {
  if (d.counts.length === 0) return t('datasets.noCount');
  return h('ul', { class: 'counts' }, d.counts.map((c) => h('li', {},
    h('strong', {}, formatValue(c.value)), ` ${unitText(c.unit)} `,
    // The publisher's note is data (English), inside the sentence as its own element.
    h('span', { class: 'muted' }, ...tNodes('datasets.stated', { date: formatDate(c.stated_on) }, { note: c.note ? h('span', {}, t('datasets.noteSep'), h('span', { translate: 'no' }, c.note)) : document.createTextNode('') })))));
}

function holdings(d: Dataset): HTMLElement {
  const held = d.local.filter((x) => x.rows > 0);
  if (held.length === 0) return h('p', { class: 'held none' }, t('datasets.notHeld'));
  return h('ul', { class: 'held' }, held.map((x) => h('li', {}, ...tNodes('datasets.rowsIn', { count: x.rows }, { table: h('code', { translate: 'no' }, x.table), source: h('span', { translate: 'no' }, x.source) }))));
}

/** Copies text: the Clipboard API, else a selected textarea and execCommand, else the textarea left selected for Ctrl+C. */
async function copyText(text: string, near: HTMLElement): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    const area = h('textarea', { class: 'copy-fallback', readonly: true, rows: 6, 'aria-label': t('datasets.copyFallback') });
    area.value = text;
    near.after(area);
    area.focus();
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    if (ok) area.remove();
    return ok ? 'copied' : 'selected';
  }
}

/** "Copy citation": fetches the API's BibTeX and copies it; says what happened in a live region. */
export function copyCitationButton(d: Dataset): HTMLElement | null {
  if (!d.citation) return null;
  const status = h('span', { class: 'copy-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', {
    type: 'button', class: 'copy-citation', 'data-id': d.id,
    onclick: async () => {
      status.textContent = '';
      try {
        const text = await getText(citationUrl(d.id, 'bibtex'));
        const how = await copyText(text, wrap);
        status.textContent = t(how === 'copied' ? 'datasets.copied' : 'datasets.selected');
        (testHooks().datasets ??= {}).copied = how === 'copied' ? text : undefined;
      } catch (err) {
        status.replaceChildren(h('span', { translate: 'no' }, errorText(err)));
      }
    },
  }, t('datasets.copy'));
  const wrap = h('span', { class: 'copy' }, button, ' ', status);
  return wrap;
}

/** The catalog: every dataset the API lists for the filters, as cards. */
export class DatasetsPage {
  readonly el = h('div', { class: 'datasets-page' });
  private readonly list = h('section', { class: 'dataset-list', 'aria-labelledby': 'datasets-h', 'aria-live': 'polite' });
  private readonly form: HTMLFormElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private typing = false;

  constructor(private readonly store: Store) {
    const select = (name: keyof DatasetFilter, label: string, options: [string, string][]) =>
      h('label', {}, `${label} `, h('select', { name, onchange: () => this.apply() }, options.map(([v, text]) => h('option', { value: v }, text))));
    const any: [string, string] = ['', t('datasets.any')];
    this.form = h('form', { class: 'controls dataset-filters', role: 'search', 'aria-label': t('datasets.filter'), onsubmit: (e) => (e.preventDefault(), this.apply()) },
      select('type', t('datasets.filter.type'), [any, ...DATASET_TYPES.map((x): [string, string] => [x, datasetTypeText(x)])]),
      select('modality', t('datasets.filter.modality'), [any, ...MODALITIES.map((x): [string, string] => [x, modalityText(x)])]),
      select('redistribution', t('datasets.filter.redistribution'), [any, ...REDISTRIBUTION_CLASSES.map((x): [string, string] => [x, redistributionLabel(x)?.text ?? x])]),
      select('commercial', t('datasets.filter.commercial'), [any, ['1', t('datasets.commercial.allowed')], ['0', t('datasets.commercial.notAllowed')]]),
      select('local', t('datasets.filter.local'), [any, ['1', t('datasets.local.held')], ['0', t('datasets.local.notHeld')]]),
      h('label', { class: 'grow' }, `${t('datasets.filter.search')} `, h('input', { type: 'search', name: 'q', maxlength: 200, placeholder: t('datasets.filter.searchPlaceholder'), oninput: () => this.debounce() })),
    );
    this.el.append(h('h2', { id: 'datasets-h' }, t('datasets.heading')),
      h('p', { class: 'muted' }, t('datasets.intro'), h('a', { href: '/v1/datasets', translate: 'no' }, '/v1/datasets'), t('datasets.fullStop')),
      this.form, this.list);
  }

  /** Typing: one history entry for the search, updated (replaced) while the words are typed. */
  private debounce(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.apply(this.typing);
      this.typing = true;
    }, 350);
  }

  private apply(replace = false): void {
    clearTimeout(this.timer);
    if (!replace) this.typing = false;
    const f = new FormData(this.form);
    const v = (k: string) => String(f.get(k) ?? '');
    const next: DatasetFilter = {
      type: (v('type') || null) as DatasetFilter['type'], modality: (v('modality') || null) as DatasetFilter['modality'],
      redistribution: (v('redistribution') || null) as DatasetFilter['redistribution'], commercial: tri(v('commercial')), local: tri(v('local')),
      q: v('q').trim().replace(/\s+/g, ' ').slice(0, 200),
    };
    void this.store.set({ datasets: next }, { replace });
  }

  private fill(f: DatasetFilter): void {
    const set = (name: string, value: string) => {
      const el = this.form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (el && el !== document.activeElement) el.value = value;
    };
    set('type', f.type ?? '');
    set('modality', f.modality ?? '');
    set('redistribution', f.redistribution ?? '');
    set('commercial', triText(f.commercial));
    set('local', triText(f.local));
    set('q', f.q);
  }

  async update(s: ViewState): Promise<void> {
    const f = s.datasets;
    this.fill(f);
    try {
      const r = await getJson('/v1/datasets', {
        type: f.type ?? undefined, modality: f.modality ?? undefined, redistribution: f.redistribution ?? undefined,
        commercial: f.commercial === null ? undefined : String(f.commercial), local: f.local === null ? undefined : String(f.local), q: f.q || undefined,
      });
      if (this.store.state.datasets !== f) return; // a newer filter is on its way
      this.list.replaceChildren(
        h('p', { class: 'result-count' }, t('datasets.count', { count: r.meta.total })),
        r.data.length === 0 ? message('empty', t('datasets.noMatch')) : h('ul', { class: 'dataset-cards' }, r.data.map((d) => this.card(d))),
      );
      const hooks = (testHooks().datasets ??= {});
      hooks.ids = r.data.map((d) => d.id);
      hooks.query = location.search;
    } catch (err) {
      this.list.replaceChildren(apiError(err, () => void this.update(this.store.state)));
    }
  }

  private card(d: Dataset): HTMLElement {
    return h('li', { class: 'dataset-card', 'data-id': d.id },
      h('h3', { translate: 'no' }, pageLink(this.store, datasetHref(d.id), { page: 'dataset', datasetId: d.id }, d.title)),
      h('p', { class: 'muted' }, h('span', { translate: 'no' }, d.publisher), ` · ${kind(d)}`),
      badges(d),
      h('dl', { class: 'facts-grid' },
        h('dt', {}, t('datasets.licence')), h('dd', {}, licence(d)),
        h('dt', {}, t('datasets.counts')), h('dd', {}, counts(d)),
        h('dt', {}, t('datasets.holds')), h('dd', {}, holdings(d))),
      h('div', { class: 'actions' }, pageLink(this.store, datasetHref(d.id), { page: 'dataset', datasetId: d.id }, t('datasets.fullEntry')), copyCitationButton(d)),
    );
  }
}

/** One dataset's full entry, with its JSON-LD (schema.org Dataset) in the document's head. */
export class DatasetPage {
  readonly el = h('article', { class: 'dataset-page', 'aria-live': 'polite' });

  constructor(private readonly store: Store) {}

  async update(s: ViewState): Promise<void> {
    const id = s.datasetId;
    if (!id) {
      removeJsonLd();
      this.el.replaceChildren(message('empty', t('datasets.noneChosen')), pageLink(this.store, '/?page=datasets', { page: 'datasets' }, t('datasets.all')));
      return;
    }
    try {
      // The JSON first: an unknown id is reported with the API's own message.
      const { data: d } = await getJson('/v1/datasets/{id}', {}, { id });
      const ld = await getText(apiUrl('/v1/datasets/{id}', { format: 'jsonld' }, { id }));
      if (this.store.state.datasetId !== id) return;
      setJsonLd(ld);
      (testHooks().datasets ??= {}).jsonld = ld;
      document.title = `${d.title} · Glacier`;
      this.el.replaceChildren(...this.entry(d));
    } catch (err) {
      removeJsonLd();
      this.el.replaceChildren(pageLink(this.store, '/?page=datasets', { page: 'datasets' }, t('datasets.all')), apiError(err, () => void this.update(this.store.state)));
    }
  }

  private entry(d: Dataset): HTMLElement[] {
    const c = d.citation;
    const imagingHere = d.type === 'imaging' && d.local.some((x) => x.rows > 0);
    const row = (label: string, ...value: (Node | string | null)[]) => [h('dt', {}, label), h('dd', {}, ...value.filter((x): x is Node | string => x !== null))];
    const no = (text: string) => h('span', { translate: 'no' }, text);
    return [
      h('nav', { class: 'crumbs', 'aria-label': t('datasets.breadcrumb') }, pageLink(this.store, '/?page=datasets', { page: 'datasets' }, t('datasets.all'))),
      h('h2', { id: 'dataset-h', translate: 'no' }, d.title),
      h('p', { class: 'muted' }, no(d.publisher), ` · ${kind(d)} · ${t('datasets.idLabel')} `, h('code', { translate: 'no' }, d.id)),
      badges(d),
      h('p', { translate: 'no' }, d.description),
      h('dl', { class: 'facts-grid wide' },
        ...row(t('datasets.homepage'), h('a', { href: d.homepage, rel: 'noopener', translate: 'no' }, d.homepage)),
        ...row(t('datasets.licence'), licence(d), d.license.spdx ? no(` (${d.license.name})`) : null),
        ...row(t('datasets.redistribution'), redistributionBadge(d.redistribution), ' ', no(d.redistribution_note)),
        ...row(t('datasets.commercialUse'), commercialText(d.commercial_use)),
        ...row(t('datasets.access'), d.access.map(accessText).join(t('datasets.listSep')) || '—'),
        ...row(t('datasets.counts'), counts(d)),
        ...row(t('datasets.timeCovered'), d.temporal_coverage ? `${formatDate(d.temporal_coverage.start)} – ${d.temporal_coverage.end ? formatDate(d.temporal_coverage.end) : t('datasets.ongoing')}` : '—'),
        ...row(t('datasets.placesCovered'), no(d.spatial_coverage)),
        ...row(t('datasets.status'), d.status === 'frozen' ? t('datasets.frozen', { date: formatDate(d.last_update) }) : t('datasets.active')),
        ...row(t('datasets.connectors'), d.connectors.length ? no(d.connectors.join(', ')) : t('datasets.notIngested')),
        ...row(t('datasets.holds'), holdings(d), imagingHere ? pageLink(this.store, `/?page=imaging&imgset=${encodeURIComponent(d.id)}`, { page: 'imaging', imaging: { ...this.store.state.imaging, datasets: [d.id] } }, t('datasets.browseImages')) : null),
        ...(d.keywords.length ? row(t('datasets.keywords'), no(d.keywords.join(', '))) : []),
      ),
      d.downloads.length ? h('section', { 'aria-labelledby': 'dl-h' }, h('h3', { id: 'dl-h' }, t('datasets.downloads')),
        h('ul', {}, d.downloads.map((x) => h('li', {}, h('a', { href: x.url, rel: 'noopener', translate: 'no' }, x.title), x.format ? h('span', { class: 'muted', translate: 'no' }, ` (${x.format})`) : null)))) : h('span'),
      h('section', { 'aria-labelledby': 'cite-h' }, h('h3', { id: 'cite-h' }, t('datasets.howToCite')),
        // A reference is data: authors, title and journal as published.
        c ? h('p', { class: 'citation', translate: 'no' }, `${c.authors.join('; ')} (${c.year}). ${c.title}.`, c.container ? h('em', {}, ` ${c.container}.`) : null,
          c.doi ? [' ', h('a', { href: `https://doi.org/${c.doi}`, rel: 'noopener' }, `doi:${c.doi}`)] : c.url ? [' ', h('a', { href: c.url, rel: 'noopener' }, c.url)] : null)
          : h('p', {}, t('datasets.noPaper'), h('a', { href: d.homepage, rel: 'noopener', translate: 'no' }, d.homepage), t('datasets.fullStop')),
        c ? h('div', { class: 'actions' },
          copyCitationButton(d),
          h('a', { href: citationUrl(d.id, 'bibtex'), download: `${d.id}.bib`, class: 'button' }, t('datasets.downloadBibtex')),
          h('a', { href: citationUrl(d.id, 'ris'), download: `${d.id}.ris`, class: 'button' }, t('datasets.downloadRis'))) : null),
      h('p', { class: 'muted' }, t('datasets.machine'), h('a', { href: apiUrl('/v1/datasets/{id}', {}, { id: d.id }) }, t('datasets.json')), ' · ',
        h('a', { href: apiUrl('/v1/datasets/{id}', { format: 'jsonld' }, { id: d.id }) }, t('datasets.jsonld')), t('datasets.embedded')),
    ];
  }
}

/** Puts the dataset's JSON-LD in the head, replacing the previous dataset's. */
export function setJsonLd(text: string): void {
  let script = document.getElementById(JSONLD_ID) as HTMLScriptElement | null;
  if (!script) {
    script = h('script', { type: 'application/ld+json', id: JSONLD_ID });
    document.head.append(script);
  }
  script.textContent = text;
}

export function removeJsonLd(): void {
  document.getElementById(JSONLD_ID)?.remove();
}
