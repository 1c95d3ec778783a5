import { getJson, type ApiJson } from '../api';
import { clear, esc, h, message } from '../dom';
import { dayOf, formatDate, formatValue, isoOf } from '../format';
import { countryKeys, keyOfShape, stateKeys, type ShapeKeys } from '../gazetteer';
import { geoLayer, mapSpec, type GeoLayer } from '../geo';
import { t } from '../i18n';
import { classOf, colourBreaks, coloursFor, NO_DATA } from '../scales';
import { mapScope, transformOf, type ViewState } from '../state';
import type { Store } from '../store';
import { errorText, markOnce, testHooks } from '../shared';
import { apiError } from './api-error';
import { data, tNodes } from './i18n-dom';
import { Timeline } from './timeline';

type MapJson = ApiJson<'/v1/map'>;
type Row = MapJson['data'][number];
/** Days sampled across the timeline to fix the colour classes (the same colours on every day). */
const BREAK_SAMPLES = 6;

/** Layers with at most this many shapes get focusable regions (the world, the US states). */
const MAX_FOCUSABLE_SHAPES = 400;

/** The map tab: regions coloured by the metric on a day, a legend, tooltips, a timeline, drill-down. */
export class MapView {
  readonly el = h('section', { class: 'map-view', 'aria-label': t('explorer.tab.map') });
  private readonly crumbs = h('nav', { class: 'crumbs', 'aria-label': t('explorer.map.region') });
  private readonly frame = h('div', { class: 'map-frame' });
  private readonly legend = h('ul', { class: 'legend', 'aria-label': t('explorer.map.legend') });
  private readonly tip = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });
  private readonly timeline: Timeline;
  private drawnLayer: string | null = null;
  private rows = new Map<string, Row>();
  /** Key → the place's name in the reader's language (the gazetteer's; /v1/map rows have English names). */
  private names = new Map<string, string>();
  private readonly breaks = new Map<string, Promise<number[]>>();
  /** What is drawn (figure-tools.ts makes the publication figure of it); null: nothing. */
  shown: { s: ViewState; snapshot: MapJson; breaks: number[]; colours: string[]; svg: SVGSVGElement } | null = null;

  constructor(private readonly store: Store) {
    this.timeline = new Timeline((date, replace) => store.set({ date }, { replace }));
    this.frame.addEventListener('mousemove', (e) => this.hover(e));
    this.frame.addEventListener('mouseleave', () => (this.tip.hidden = true));
    this.frame.addEventListener('click', (e) => this.click(e));
    // Keyboard: regions of the smaller layers are focusable; Enter or Space acts as a click.
    this.frame.addEventListener('focusin', (e) => this.showTip(e.target as Element, null));
    this.frame.addEventListener('focusout', () => (this.tip.hidden = true));
    this.frame.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      this.activate(e.target as Element);
    });
    this.el.append(this.crumbs, h('div', { class: 'map-stage' }, this.frame, this.tip), this.legend, this.timeline.el);
  }

  async update(s: ViewState): Promise<void> {
    const scope = mapScope(s);
    this.renderCrumbs(s);
    const usRegion = s.region === 'world' || s.region === 'US' || s.region.startsWith('US_');
    if (!usRegion) {
      this.shown = null;
      this.drawnLayer = null;
      const text = message('empty', '');
      text.querySelector('p')!.replaceChildren(...tNodes('explorer.map.noShapes', {}, { region: data(s.region) }));
      this.frame.replaceChildren(text);
      return;
    }
    const transform = transformOf(s.measure, s.perCapita);
    const query = { metric: s.metric, transform, level: scope.level, parent: scope.parent ?? undefined, date: s.date ?? undefined };
    try {
      const keysP = scope.level === 'country' ? countryKeys() : stateKeys();
      const fipsP = s.region.startsWith('US_') ? stateKeys().then((k) => [...k.byId].find(([, key]) => key === s.region)?.[0] ?? null) : Promise.resolve(null);
      const snapshotP = getJson('/v1/map', query);
      const spec = mapSpec(scope.level, await fipsP);
      const [keys, snapshot, layer] = await Promise.all([keysP, snapshotP, geoLayer(spec!)]);
      this.names = keys.names;
      const breaks = await this.breaksFor(s, snapshot);
      this.draw(`${spec!.url}|${spec!.prefix ?? ''}`, layer, scope.level, keys);
      this.colour(snapshot, breaks, s);
      this.timeline.set(snapshot.meta.first_date, snapshot.meta.last_date, snapshot.meta.date);
      markOnce(scope.level === 'county' ? 'glacier:county-map-drawn' : 'glacier:map-drawn');
    } catch (err) {
      this.shown = null;
      this.drawnLayer = null;
      this.frame.replaceChildren(apiError(err, () => void this.update(this.store.state)));
      testHooks().map = { error: errorText(err) };
    }
  }

  /** Colour classes from the values on days spread over the whole timeline, fixed while the day changes. */
  private breaksFor(s: ViewState, first: MapJson): Promise<number[]> {
    const scope = mapScope(s);
    const transform = transformOf(s.measure, s.perCapita);
    const key = JSON.stringify([s.metric, transform, scope]);
    let hit = this.breaks.get(key);
    if (!hit) {
      const { first_date: a, last_date: b } = first.meta;
      const days = a && b ? Array.from({ length: BREAK_SAMPLES }, (_, i) => isoOf(Math.round(dayOf(a) + ((dayOf(b) - dayOf(a)) * (i + 1)) / BREAK_SAMPLES))) : [];
      hit = Promise.all(days.map((date) => getJson('/v1/map', { metric: s.metric, transform, level: scope.level, parent: scope.parent ?? undefined, date })))
        .then((snaps) => colourBreaks(snaps.flatMap((r) => r.data.map((row) => row.value))));
      hit.catch(() => this.breaks.delete(key));
      this.breaks.set(key, hit);
    }
    return hit;
  }

  /** Builds the SVG once per geometry (one string: thousands of paths in one DOM update). */
  private draw(id: string, layer: GeoLayer, level: 'country' | 'subdivision' | 'county', keys: ShapeKeys): void {
    if (this.drawnLayer === id) return;
    // Countries and states can be tabbed through; 3,000 counties cannot sensibly (the table can).
    const focusable = layer.shapes.length <= MAX_FOCUSABLE_SHAPES;
    const paths = layer.shapes.map((shape) => {
      const key = keyOfShape(level, shape.id, shape.name, keys);
      // Place names are data (translate="no"), in the reader's language where the gazetteer has one.
      const focus = key && focusable ? ` tabindex="0" role="button" aria-label="${esc(keys.names.get(key) ?? shape.name)}"` : '';
      return `<path class="region" translate="no" d="${shape.d}"${key ? ` data-key="${esc(key)}"` : ''} data-name="${esc(shape.name)}"${focus}/>`;
    });
    const [x, y, w, hgt] = layer.viewBox.map((v) => Math.round(v * 10) / 10);
    this.frame.innerHTML =
      `<svg class="map" viewBox="${x} ${y} ${w} ${hgt}" role="${focusable ? 'group' : 'img'}" aria-label="${esc(t(level === 'country' ? 'explorer.map.ofWorld' : 'explorer.map.ofUS'))}" preserveAspectRatio="xMidYMid meet">` +
      `<g class="regions">${paths.join('')}</g><path class="borders" d="${layer.borders}"/></svg>`;
    this.drawnLayer = id;
  }

  private colour(snapshot: MapJson, breaks: number[], s: ViewState): void {
    const colours = coloursFor(breaks);
    this.rows = new Map(snapshot.data.map((r) => [r.location, r]));
    let coloured = 0;
    const paths = this.frame.querySelectorAll<SVGPathElement>('path.region');
    for (const p of paths) {
      const row = p.dataset.key ? this.rows.get(p.dataset.key) : undefined;
      const c = classOf(row?.value, breaks);
      p.style.fill = c < 0 ? NO_DATA : colours[c];
      p.classList.toggle('has-data', c >= 0);
      if (c >= 0) coloured++;
    }
    this.renderLegend(breaks, colours, s);
    const svg = this.frame.querySelector('svg');
    this.shown = svg ? { s, snapshot, breaks, colours, svg } : null;
    testHooks().map = { region: s.region, date: snapshot.meta.date, drawn: paths.length, coloured, rows: snapshot.data.length };
    this.frame.querySelector('svg')?.setAttribute('data-date', snapshot.meta.date ?? '');
  }

  private renderLegend(breaks: number[], colours: string[], s: ViewState): void {
    const frac = s.perCapita || s.measure === 'daily_7day_avg';
    const label = (i: number) => (i === 0 ? `≤ ${formatValue(breaks[0], { fractional: frac })}` : `${formatValue(breaks[i - 1], { fractional: frac })} – ${formatValue(breaks[i], { fractional: frac })}`);
    this.legend.replaceChildren(
      ...breaks.map((_, i) => h('li', {}, h('span', { class: 'swatch', style: `background:${colours[i]}` }), label(i))),
      h('li', {}, h('span', { class: 'swatch nodata', style: `background:${NO_DATA}` }), t('core.noData')),
    );
  }

  private renderCrumbs(s: ViewState): void {
    const go = (region: string, counties = false) => () => void this.store.set({ region, counties, pageNo: 0 });
    const items: HTMLElement[] = [h('button', { type: 'button', onclick: go('world'), 'aria-current': s.region === 'world' ? 'page' : null }, t('explorer.map.world'))];
    if (s.region !== 'world') {
      const us = s.region === 'US' || s.region.startsWith('US_');
      const country = h('button', { type: 'button', translate: 'no', onclick: go(us ? 'US' : s.region), 'aria-current': s.region.includes('_') ? null : 'page' }, us ? 'US' : s.region);
      items.push(country);
      void countryKeys().then((k) => (country.textContent = k.names.get(us ? 'US' : s.region) ?? country.textContent));
      if (s.region.startsWith('US_')) items.push(h('span', { 'aria-current': 'page', translate: 'no' }, s.region));
      if (s.region === 'US') {
        items.push(h('label', { class: 'toggle' }, h('input', { type: 'checkbox', checked: s.counties, onchange: (e) => void this.store.set({ counties: (e.target as HTMLInputElement).checked }) }), ` ${t('explorer.map.allCounties')}`));
      }
      void stateKeys().then((k) => {
        const span = items[2];
        if (span && s.region.startsWith('US_')) span.textContent = k.names.get(s.region) ?? s.region;
      });
    }
    items.push(h('span', { class: 'hint' }, t(s.region === 'world' ? 'explorer.map.hintWorld' : 'explorer.map.hintUS')));
    clear(this.crumbs);
    this.crumbs.append(...items);
  }

  private hover(e: MouseEvent): void {
    this.showTip(e.target as Element, e);
  }

  /** The tooltip of a region: beside the pointer, or below the focused region. */
  private showTip(target: Element, e: MouseEvent | null): void {
    const p = target.closest?.('path.region') as SVGPathElement | null;
    if (!p) {
      this.tip.hidden = true;
      return;
    }
    const row = p.dataset.key ? this.rows.get(p.dataset.key) : undefined;
    const frac = this.store.state.perCapita || this.store.state.measure === 'daily_7day_avg';
    this.tip.replaceChildren(...[
      h('strong', { translate: 'no' }, (p.dataset.key && this.names.get(p.dataset.key)) || row?.name || p.dataset.name || ''),
      h('div', {}, row ? formatValue(row.value, { fractional: frac }) : t('core.noData')),
      row ? h('div', { class: 'muted' }, `${formatDate(row.date)} · `, data(row.source ?? '')) : null,
    ].filter((x) => x !== null));
    const box = this.frame.getBoundingClientRect();
    const at = e ? { x: e.clientX, y: e.clientY } : (({ left, width, bottom }) => ({ x: left + width / 2, y: bottom }))(p.getBoundingClientRect());
    this.tip.style.left = `${Math.min(at.x - box.left + 12, box.width - 180)}px`;
    this.tip.style.top = `${at.y - box.top + 12}px`;
    this.tip.hidden = false;
  }

  private click(e: MouseEvent): void {
    this.activate(e.target as Element);
  }

  /** A region chosen (click, Enter, Space): drill down into the US or a state, else chart it. */
  private activate(target: Element): void {
    const key = (target.closest?.('path.region') as SVGPathElement | null)?.dataset.key;
    if (!key) return;
    const s = this.store.state;
    if (key === 'US' && s.region === 'world') void this.store.set({ region: 'US', counties: false });
    else if (s.region === 'US' && !s.counties && key.split('_').length === 2) void this.store.set({ region: key });
    else void this.store.set({ locations: [...new Set([key, ...s.locations])].slice(0, 10), tab: 'chart' });
  }
}
