import { getJson } from '../api';
import { h } from '../dom';
import { formatValue } from '../format';
import { MAX_LOCATIONS, type ViewState } from '../state';
import type { Store } from '../store';
import { LINE_COLOURS } from './chart';
import { placeSummary } from './place-summary';

const LEVEL = { country: 'Country', subdivision: 'State / province', county: 'County' } as const;

/**
 * Above the chart: the chosen places as removable chips, and for one place its page — parent,
 * population, the subdivisions to drill into, and its sources side by side.
 */
export class LocationCard {
  readonly el = h('div', { class: 'location-card' });

  constructor(private readonly store: Store) {}

  async update(s: ViewState): Promise<void> {
    if (s.tab !== 'chart' || s.locations.length === 0) {
      this.el.replaceChildren();
      this.el.hidden = true;
      return;
    }
    this.el.hidden = false;
    const details = await Promise.all(s.locations.map((key) => getJson('/v1/locations/{key}', {}, { key }).then((r) => r.data).catch(() => null)));
    const set = (patch: Partial<ViewState>) => void this.store.set(patch);
    const chips = h('ul', { class: 'chips', 'aria-label': 'Places on the chart' },
      s.locations.map((key, i) => h('li', { style: `--c:${LINE_COLOURS[i % LINE_COLOURS.length]}` },
        h('span', {}, details[i]?.name ?? key),
        h('button', { type: 'button', 'aria-label': `Remove ${details[i]?.name ?? key}`, onclick: () => set({ locations: s.locations.filter((k) => k !== key) }) }, '×'))),
      s.locations.length >= MAX_LOCATIONS ? h('li', { class: 'muted' }, `At most ${MAX_LOCATIONS} places`) : null);
    const one = s.locations.length === 1 ? details[0] : null;
    if (!one) {
      this.el.replaceChildren(chips);
      return;
    }
    const children = one.children.slice(0, 80);
    this.el.replaceChildren(...[
      chips,
      placeSummary(one),
      h('div', { class: 'facts' },
        h('span', {}, LEVEL[one.level]),
        one.parent_location ? h('span', {}, 'in ', h('button', { type: 'button', class: 'link', onclick: () => set({ locations: [one.parent_location!.key] }) }, one.parent_location.name)) : null,
        one.population ? h('span', {}, `population ${formatValue(one.population)}`) : null,
        h('a', { href: `/?page=sources&loc=${encodeURIComponent(one.key)}&metric=${s.metric}` }, 'Sources side by side')),
      children.length
        ? h('details', { class: 'children' },
            h('summary', {}, `${one.children.length} ${one.level === 'country' ? 'subdivisions' : 'counties'}`),
            h('ul', {}, children.map((c) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => set({ locations: [c.key] }) }, c.name)))))
        : null,
    ].filter((x) => x !== null));
  }
}
