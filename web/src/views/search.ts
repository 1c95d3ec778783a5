import { getJson, type ApiJson } from '../api';
import { h } from '../dom';
import { t } from '../i18n';
import { MAX_LOCATIONS } from '../state';
import type { Store } from '../store';
import { data, place, tNodes } from './i18n-dom';

type Loc = ApiJson<'/v1/locations'>['data'][number];
/** Location search with autocomplete (ARIA combobox): name (English or Chinese), alias or code; choosing one charts it. */
export class Search {
  readonly el = h('div', { class: 'search' });
  private readonly input = h('input', {
    type: 'search', id: 'search', placeholder: t('explorer.search.placeholder'), autocomplete: 'off',
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'search-options', 'aria-label': t('explorer.search.label'),
  });
  private readonly list = h('ul', { id: 'search-options', role: 'listbox', hidden: true });
  private options: Loc[] = [];
  private active = -1;
  private timer = 0;
  private asked = 0;

  constructor(private readonly store: Store) {
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.lookup(), 120);
    });
    this.input.addEventListener('keydown', (e) => this.key(e));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.el.append(this.input, this.list);
  }

  private async lookup(): Promise<void> {
    const q = this.input.value.trim();
    const ask = ++this.asked;
    if (!q) return this.close();
    try {
      const r = await getJson('/v1/locations', { q, limit: 8 });
      if (ask !== this.asked) return;
      this.options = r.data;
      this.active = r.data.length ? 0 : -1;
      this.render(r.data.length ? null : tNodes('explorer.search.none', {}, { q: data(q) }));
    } catch {
      this.options = [];
      this.render([t('explorer.search.unavailable')]);
    }
  }

  private render(empty: (string | Node)[] | null): void {
    this.list.replaceChildren(
      ...(empty ? [h('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, ...empty)] : []),
      ...this.options.map((o, i) =>
        h('li', { id: `search-option-${i}`, role: 'option', 'aria-selected': String(i === this.active), 'data-key': o.key, onmousedown: (e: Event) => (e.preventDefault(), this.choose(i)) },
          place(o), h('span', { class: 'muted' }, ` ${t(`core.level.${o.level}`)}`, ...(o.parent ? [' · ', data(o.parent)] : []), ' · ', data(o.key))),
      ),
    );
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.input.setAttribute('aria-activedescendant', this.active >= 0 ? `search-option-${this.active}` : '');
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.options.length) return;
      e.preventDefault();
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : -1) + this.options.length) % this.options.length;
      this.render(null);
    } else if (e.key === 'Enter' && this.active >= 0) {
      e.preventDefault();
      this.choose(this.active);
    } else if (e.key === 'Escape') this.close();
  }

  private choose(i: number): void {
    const o = this.options[i];
    if (!o) return;
    const s = this.store.state;
    this.input.value = '';
    this.close();
    void this.store.set({ page: 'explorer', tab: 'chart', locations: [...new Set([o.key, ...s.locations])].slice(0, MAX_LOCATIONS), from: null, to: null });
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.options = [];
  }
}
