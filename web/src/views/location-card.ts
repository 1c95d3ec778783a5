import { getJson } from '../api';
import { h } from '../dom';
import { formatValue } from '../format';
import { placeName, t } from '../i18n';
import { MAX_LOCATIONS, type ViewState } from '../state';
import type { Store } from '../store';
import { LINE_COLOURS } from './chart';
import { data, tNodes } from './i18n-dom';
import { placeSummary } from './place-summary';

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
    const nameOf = (i: number) => (details[i] ? placeName(details[i]) : s.locations[i]);
    const chips = h('ul', { class: 'chips', 'aria-label': t('explorer.card.places') },
      s.locations.map((key, i) => h('li', { style: `--c:${LINE_COLOURS[i % LINE_COLOURS.length]}` },
        data(nameOf(i)),
        // Named by hidden text, so the place's name in it is marked as data.
        h('button', { type: 'button', onclick: () => set({ locations: s.locations.filter((k) => k !== key) }) },
          h('span', { 'aria-hidden': 'true' }, '×'), h('span', { class: 'sr-only' }, ...tNodes('explorer.card.remove', {}, { place: data(nameOf(i)) }))))),
      s.locations.length >= MAX_LOCATIONS ? h('li', { class: 'muted' }, t('explorer.card.atMost', { count: MAX_LOCATIONS })) : null);
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
        h('span', {}, t(`core.level.${one.level}`)),
        one.parent_location ? h('span', {}, ...tNodes('explorer.card.in', {}, { place: h('button', { type: 'button', class: 'link', translate: 'no', onclick: () => set({ locations: [one.parent_location!.key] }) }, placeName(one.parent_location)) })) : null,
        one.population ? h('span', {}, t('explorer.card.population', { count: formatValue(one.population) })) : null,
        h('a', { href: `/?page=sources&loc=${encodeURIComponent(one.key)}&metric=${s.metric}` }, t('explorer.card.sources'))),
      children.length
        ? h('details', { class: 'children' },
            h('summary', {}, t(one.level === 'country' ? 'explorer.card.subdivisions' : 'explorer.card.counties', { count: one.children.length })),
            h('ul', {}, children.map((c) => h('li', {}, h('button', { type: 'button', class: 'link', translate: 'no', onclick: () => set({ locations: [c.key] }) }, placeName(c))))))
        : null,
    ].filter((x) => x !== null));
  }
}
