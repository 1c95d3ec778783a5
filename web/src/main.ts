import './styles.css';
import { hasRoute } from './api';
import { h } from './dom';
import type { Page, ViewState } from './state';
import { Store } from './store';
import { AnomaliesPage } from './views/anomalies';
import { Explorer } from './views/explorer';
import { Search } from './views/search';
import { SourcesPage } from './views/sources';

/** The dashboard's entry: header (pages, search), then the page the URL names. */
const store = new Store();
const PAGE_LABEL: Record<Page, string> = { explorer: 'Explorer', sources: 'Sources', anomalies: 'Anomalies', models: 'Models', datasets: 'Datasets', dataset: 'Dataset', imaging: 'Imaging', cases: 'Cases', literature: 'Literature', sequences: 'Sequences', chatter: 'Chatter' };
/** The id of the dataset page's JSON-LD script (views/datasets.ts), removed when another page is shown. */
const JSONLD_ID = 'glacier-dataset-jsonld';

const nav = h('nav', { class: 'pages', 'aria-label': 'Pages' });
const main = h('main', { id: 'main' });
const search = new Search(store);
document.getElementById('app')!.replaceChildren(
  h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
  h('header', {}, h('a', { class: 'brand', href: '/' }, 'Glacier'), nav, search.el),
  main,
  h('footer', {}, 'Data from every public source, versioned, with provenance. ', h('a', { href: '/docs' }, 'API'), ' · ', h('a', { href: '/?page=sources' }, 'Sources and licences')),
);

let modelsAvailable = false;
const pages: Partial<Record<Page, { el: HTMLElement; update(s: ViewState): Promise<void> }>> = {};

function renderNav(s: ViewState): void {
  const shown: Page[] = ['explorer', 'sources', 'anomalies', ...(modelsAvailable ? (['models'] as Page[]) : []), 'datasets', 'imaging', 'cases', 'literature', 'sequences', 'chatter'];
  // A dataset's page belongs to Datasets.
  const current = s.page === 'dataset' ? 'datasets' : s.page;
  nav.replaceChildren(...shown.map((p) => h('button', { type: 'button', 'aria-current': current === p ? 'page' : null, onclick: () => void store.set({ page: p, pageNo: 0 }) }, PAGE_LABEL[p])));
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
  renderNav(s);
  if (s.page !== 'dataset') document.getElementById(JSONLD_ID)?.remove();
  const page = (pages[s.page] ??= await pageFor(s.page));
  if (main.firstChild !== page.el) main.replaceChildren(page.el);
  document.title = `${PAGE_LABEL[s.page]} · Glacier`;
  await page.update(s);
});

// The model views exist only where the API has their routes: shown when it does, hidden when not.
void hasRoute('/v1/models/rt').then((yes) => {
  modelsAvailable = yes;
  renderNav(store.state);
});
