import './styles.css';
import { hasRoute } from './api';
import { h } from './dom';
import { LANG_NAME, LANGS, LOCALE, preferredLang, setLang, t, type Lang, type MessageKey } from './i18n';
import type { Page, ViewState } from './state';
import { Store } from './store';
import { AnomaliesPage } from './views/anomalies';
import { Explorer } from './views/explorer';
import { Search } from './views/search';
import { SourcesPage } from './views/sources';

/** The dashboard's entry: header (pages, search), then the page the URL names. */
const store = new Store();
const pageLabel = (p: Page) => t(`core.page.${p}` as MessageKey);
/** The id of the dataset page's JSON-LD script (views/datasets.ts), removed when another page is shown. */
const JSONLD_ID = 'glacier-dataset-jsonld';

const nav = h('nav', { class: 'pages' });
const main = h('main', { id: 'main' });
const switcher = h('div', { class: 'lang-switch', role: 'group' });
let search: Search;
/** The language on screen: every view is built anew when it changes (their texts are set when built). */
let shownLang: Lang | null = null;
/** Whether the frame on screen is the embed view's (no header, nav or footer: `embed=1`). */
let shownEmbed = false;

let modelsAvailable = false;
let pages: Partial<Record<Page, { el: HTMLElement; update(s: ViewState): Promise<void> }>> = {};

/** The frame in the current language: skip link, header (brand, pages, search, language switch), footer. */
function renderFrame(lang: Lang): void {
  document.documentElement.lang = LOCALE[lang];
  nav.setAttribute('aria-label', t('core.pages'));
  switcher.setAttribute('aria-label', t('core.language'));
  // Each language is named in itself; the switch writes `lang` into the URL (a link keeps it).
  switcher.replaceChildren(...LANGS.map((l) => h('button', { type: 'button', lang: LOCALE[l], translate: 'no', 'aria-pressed': String(l === lang), onclick: () => void store.set({ lang: l }) }, LANG_NAME[l])));
  search = new Search(store);
  document.getElementById('app')!.replaceChildren(
    h('a', { class: 'skip', href: '#main' }, t('core.skip')),
    h('header', {}, h('a', { class: 'brand', href: '/', translate: 'no' }, 'Glacier'), nav, search.el, switcher),
    main,
    h('footer', {}, `${t('core.footer')} `, h('a', { href: '/docs' }, t('core.footer.api')), ' · ', h('a', { href: '/?page=sources' }, t('core.footer.sources'))),
  );
}

function renderNav(s: ViewState): void {
  const shown: Page[] = ['explorer', 'sources', 'anomalies', ...(modelsAvailable ? (['models'] as Page[]) : []), 'datasets', 'imaging', 'cases', 'literature', 'sequences', 'chatter'];
  // A dataset's page belongs to Datasets.
  const current = s.page === 'dataset' ? 'datasets' : s.page;
  nav.replaceChildren(...shown.map((p) => h('button', { type: 'button', 'aria-current': current === p ? 'page' : null, onclick: () => void store.set({ page: p, pageNo: 0 }) }, pageLabel(p))));
}

async function pageFor(p: Page) {
  if (p === 'models') {
    // Loaded only when asked for: the model views are not part of the first load.
    const { ModelsPage } = await import('./views/models');
    return new ModelsPage(store);
  }
  // The research pages are rarely opened: loaded when asked for.
  if (p === 'datasets' || p === 'dataset') {
    const { DatasetsPage, DatasetPage } = await import('./views/datasets');
    return p === 'datasets' ? new DatasetsPage(store) : new DatasetPage(store);
  }
  if (p === 'imaging') {
    const { ImagingPage } = await import('./views/imaging');
    return new ImagingPage(store);
  }
  // The Cases page (and its statistics library) is loaded when asked for.
  if (p === 'cases') {
    const { CasesPage } = await import('./views/cases');
    return new CasesPage(store);
  }
  // Literature, Sequences and Chatter: loaded when asked for.
  if (p === 'literature') {
    const { LiteraturePage } = await import('./views/literature');
    return new LiteraturePage(store);
  }
  if (p === 'sequences') {
    const { SequencesPage } = await import('./views/sequences');
    return new SequencesPage(store);
  }
  if (p === 'chatter') {
    const { ChatterPage } = await import('./views/chatter');
    return new ChatterPage(store);
  }
  return p === 'sources' ? new SourcesPage(store) : p === 'anomalies' ? new AnomaliesPage(store) : new Explorer(store);
}

void store.start(async (s) => {
  const lang = s.lang ?? preferredLang(navigator.languages);
  if (lang !== shownLang || s.embed !== shownEmbed) {
    setLang(lang);
    shownLang = lang;
    shownEmbed = s.embed;
    pages = {};
    main.replaceChildren();
    renderFrame(lang);
    if (s.embed) document.getElementById('app')!.replaceChildren(main);
  }
  renderNav(s);
  if (s.page !== 'dataset') document.getElementById(JSONLD_ID)?.remove();
  const page = (pages[s.page] ??= await pageFor(s.page));
  if (main.firstChild !== page.el) main.replaceChildren(page.el);
  document.title = `${pageLabel(s.page)} · Glacier`;
  await page.update(s);
});

// The model views exist only where the API has their routes: shown when it does, hidden when not.
void hasRoute('/v1/models/rt').then((yes) => {
  modelsAvailable = yes;
  renderNav(store.state);
});
