import { getJson } from '../api';
import { download, h } from '../dom';
import { FIGURE_WIDTH, seriesSourceIds, layoutFigure, plainText, tRuns, type Figure, type FigureInput, type LegendItem, type Run } from '../figure';
import { linePlot, mapPlot } from '../figure-plot';
import { formatCompact, formatDate, formatValue, isoOf } from '../format';
import { currentLang, currentLocale, t } from '../i18n';
import { NO_DATA } from '../scales';
import { errorText } from '../shared';
import { mapScope, permalinkState, serializeState, transformOf, type ViewState } from '../state';
import type { Store } from '../store';
import { LINE_COLOURS, type ChartView } from './chart';
import { pngOf, saveBlob, sourceLine } from './figure-button';
import { metricTitle } from './i18n-dom';
import { placeNameOf } from './place-label';
import type { MapView } from './map';

const DAY_S = 86_400;
/** Height of the embedded view's link back under the figure (the iframe's height adds it). */
const EMBED_LINK_HEIGHT = 36;

/** A figure ready to save: the SVG document, its file name without extension, the permalink. */
export interface MadeFigure {
  figure: Figure;
  name: string;
  permalink: string;
  title: string;
}

type Views = () => { map?: MapView; chart?: ChartView };

const measureText = (s: ViewState) => t(s.measure === 'daily' ? 'core.measure.daily' : s.measure === 'daily_7day_avg' ? 'core.measure.daily7' : 'core.measure.cumulative');

/** The metric in the reader's language (the catalogue's title, as the explorer shows it; else the API's, as data). */
function metricRun(metric: string, apiTitle: string | undefined): Run {
  const title = metricTitle(metric);
  return title !== metric ? { text: title } : { text: apiTitle ?? metric, data: true };
}

const urlOf = (s: ViewState) => `${location.origin}${location.pathname}${serializeState(s)}`;

/** The chart's figure: the values drawn, as vector lines, over the days shown. */
async function chartFigure(view: ChartView, metricTitle: string | undefined): Promise<MadeFigure> {
  const shown = view.shown!;
  const { s, x, ys, series } = shown;
  const n = s.locations.length;
  const first = isoOf(x[0] / DAY_S);
  const last = isoOf(x[x.length - 1] / DAY_S);
  const from = s.from ?? first;
  const to = s.to ?? last;
  const places = await Promise.all(s.locations.map(placeNameOf));
  const list = new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(places);
  const metric = metricRun(s.metric, metricTitle);
  const title = tRuns('story.title.chart', { measure: measureText(s) }, { metric: [metric], places: list });
  const subtitle: Run[] = [{ text: [s.perCapita ? t('story.subtitle.per100k') : null, t('story.subtitle.range', { from: formatDate(from), to: formatDate(to) }), s.log ? t('story.subtitle.log') : null].filter(Boolean).join(' · ') }];
  const monthYear = new Intl.DateTimeFormat(currentLocale(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const long = x.length > 0 && Date.parse(to) - Date.parse(from) >= 62 * 86_400_000;
  const body = linePlot({
    start: first, from, to, log: s.log, yFormat: formatCompact,
    xFormat: (iso) => (long ? monthYear.format(new Date(`${iso}T00:00:00Z`)) : formatDate(iso)),
    series: ys.map((values, i) => ({ values, colour: LINE_COLOURS[i % n], dashed: i >= n })),
    // The latest series' flags, when the chart shows them.
    flags: s.anomalies ? series.slice(0, n).flatMap((ser, i) => ser.flags.map((f) => ({ series: i, date: f.date }))) : [],
  });
  const legend: LegendItem[] = places.map((p, i) => ({ label: p, colour: LINE_COLOURS[i % n], kind: 'line', data: true }));
  if (body.markup.includes('class="flags"')) legend.push({ label: t('story.legend.flag'), colour: '#c00', kind: 'mark' });
  const ids = seriesSourceIds(series, from, to);
  const permalink = permalinkState(s, { lang: currentLang(), chartFrom: first, chartTo: last });
  const input: FigureInput = {
    // The note on dashed lines only when one is drawn (an "as of" day before every issue has none).
    title, subtitle, body, legend, note: s.asOf && ys.slice(n).some((v) => v.some((x) => x !== null)) ? [{ text: t('story.note.asOf', { date: formatDate(s.asOf) }) }] : undefined,
    ...(await sourceLine(ids)), url: urlOf(permalink),
  };
  const transform = transformOf(s.measure, s.perCapita);
  return { figure: layoutFigure(input), name: `glacier-${s.metric}-${transform}-${s.locations.join('-')}-${from}-${to}`, permalink: urlOf(permalink), title: plainText(title) };
}

/** The map's figure: its shapes as coloured, the legend of its classes. */
async function mapFigure(view: MapView, metricTitle: string | undefined): Promise<MadeFigure> {
  const { s, snapshot, breaks, colours, svg } = view.shown!;
  const paths = [...svg.querySelectorAll<SVGPathElement>('path.region')];
  const drawn = new Set(paths.map((p) => p.dataset.key).filter(Boolean));
  const vb = svg.viewBox.baseVal;
  const body = mapPlot({
    viewBox: [vb.x, vb.y, vb.width, vb.height],
    regions: paths.map((p) => ({ d: p.getAttribute('d') ?? '', fill: p.style.fill || NO_DATA })),
    borders: svg.querySelector('path.borders')?.getAttribute('d') ?? '',
  });
  const scope = mapScope(s);
  const region: Run[] =
    s.region === 'world' ? [{ text: t('story.region.world') }]
      : scope.level === 'subdivision' ? [{ text: t('story.region.usStates') }]
        : scope.parent === null ? [{ text: t('story.region.usCounties') }]
          : tRuns('story.region.counties', {}, { place: await placeNameOf(s.region) });
  const title = tRuns('story.title.map', { measure: measureText(s) }, { metric: [metricRun(s.metric, metricTitle)], region });
  const date = snapshot.meta.date;
  const subtitle: Run[] = [{ text: [s.perCapita ? t('story.subtitle.per100k') : null, date ? t('story.subtitle.day', { date: formatDate(date) }) : null].filter(Boolean).join(' · ') }];
  const frac = s.perCapita || s.measure === 'daily_7day_avg';
  const fmt = (v: number) => formatValue(v, { fractional: frac });
  const legend: LegendItem[] = [
    ...breaks.map((b, i): LegendItem => ({ label: i === 0 ? `≤ ${fmt(b)}` : `${fmt(breaks[i - 1])} – ${fmt(b)}`, colour: colours[i], kind: 'swatch' })),
    { label: t('core.noData'), colour: NO_DATA, kind: 'swatch' },
  ];
  const ids = snapshot.data.filter((r) => drawn.has(r.location)).map((r) => r.source);
  const permalink = permalinkState(s, { lang: currentLang(), mapDate: date });
  const input: FigureInput = { title, subtitle, body, legend, ...(await sourceLine(ids.filter((x): x is string => !!x))), url: urlOf(permalink) };
  const transform = transformOf(s.measure, s.perCapita);
  const name = `glacier-map-${s.metric}-${transform}-${s.region}${scope.level === 'county' && scope.parent === null ? '-counties' : ''}-${date ?? 'latest'}`;
  return { figure: layoutFigure(input), name, permalink: urlOf(permalink), title: plainText(title) };
}

/** The figure of what the explorer shows (map or chart), or null when nothing is drawn. */
export async function makeFigure(s: ViewState, views: ReturnType<Views>, metricTitle: string | undefined): Promise<MadeFigure | null> {
  if (s.tab === 'chart') return views.chart?.shown ? chartFigure(views.chart, metricTitle) : null;
  if (s.tab === 'map') return views.map?.shown ? mapFigure(views.map, metricTitle) : null;
  return null;
}

/** The iframe snippet of a figure: the same view, chrome-less, sized to the figure (and its link back). */
export function embedSnippet(made: MadeFigure): string {
  const src = new URL(made.permalink);
  src.searchParams.set('embed', '1');
  const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const title = t('story.embed.iframeTitle', { title: made.title });
  return `<iframe src="${attr(src.toString().replace(/%2C/g, ','))}" width="${FIGURE_WIDTH}" height="${made.figure.height + EMBED_LINK_HEIGHT}" title="${attr(title)}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

/**
 * The storyteller's buttons under the map and chart: the figure as SVG or PNG, an embed snippet
 * and a permalink (both with a copy button); and, in the embed view (`embed=1`), the figure alone.
 */
export class FigureTools {
  // Inline styles: the stylesheet belongs to the page frame; these few rules are the tools' own.
  readonly el = h('div', { class: 'figure-tools', role: 'group', style: 'display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-top:.5rem' });
  /** The embed view's content: the figure and a link to the full view. */
  readonly embedEl = h('div', { class: 'embed-figure', hidden: true });
  private readonly panel = h('div', { class: 'share-panel', hidden: true, style: 'flex-basis:100%' });
  private readonly status = h('span', { class: 'muted', 'aria-live': 'polite' });

  constructor(private readonly store: Store, private readonly views: Views, private readonly metricTitle: () => string | undefined) {}

  private make(): Promise<MadeFigure | null> {
    return makeFigure(this.store.state, this.views(), this.metricTitle());
  }

  /** Runs an action on the figure; a failure or an undrawn view is said in the status line. */
  private act(fn: (m: MadeFigure) => void | Promise<void>): () => void {
    return () => {
      this.status.textContent = t('story.preparing');
      this.make()
        .then(async (m) => {
          if (!m) throw new Error(t('story.notDrawn'));
          await fn(m);
          if (this.status.textContent === t('story.preparing')) this.status.textContent = '';
        })
        .catch((err) => (this.status.textContent = errorText(err)));
    };
  }

  /** The permalink: the figure's; the table's (no figure) pins the day of the snapshot it lists. */
  private async permalink(): Promise<string | null> {
    const s = this.store.state;
    if (s.tab !== 'table') return (await this.make())?.permalink ?? null;
    const scope = mapScope(s);
    const snap = await getJson('/v1/map', { metric: s.metric, transform: transformOf(s.measure, s.perCapita), level: scope.level, parent: scope.parent ?? undefined, date: s.date ?? undefined });
    return urlOf(permalinkState(s, { lang: currentLang(), mapDate: snap.meta.date }));
  }

  /** The buttons for the tab shown (the table has only the permalink). */
  render(s: ViewState): void {
    this.el.setAttribute('aria-label', t('story.tools'));
    const figure = s.tab !== 'table' && !(s.tab === 'chart' && s.locations.length === 0);
    const button = (id: string, label: string, onclick: () => void, title?: string) => h('button', { type: 'button', id, title: title ?? null, 'aria-label': title ?? null, onclick }, label);
    this.panel.hidden = true;
    this.el.replaceChildren(...[
      figure ? button('figure-svg', t('story.svg'), this.act((m) => download(`${m.name}.svg`, m.figure.svg, 'image/svg+xml')), t('story.download', { format: 'SVG' })) : null,
      figure ? button('figure-png', t('story.png'), this.act(async (m) => saveBlob(`${m.name}.png`, await pngOf(m.figure))), t('story.download', { format: 'PNG' })) : null,
      figure ? button('figure-embed', t('story.embed'), this.act((m) => this.share(t('story.embed.heading'), t('story.embed.help'), embedSnippet(m)))) : null,
      button('figure-link', t('story.permalink'), () => {
        this.status.textContent = '';
        this.permalink()
          .then((link) => {
            if (!link) throw new Error(t('story.notDrawn'));
            this.share(t('story.permalink.heading'), t('story.permalink.help'), link);
          })
          .catch((err) => (this.status.textContent = errorText(err)));
      }),
      this.status,
      this.panel,
    ].filter((x) => x !== null));
  }

  /** The share panel: what to copy, in a read-only box, with a copy button. */
  private share(heading: string, help: string, text: string): void {
    const box = h('textarea', { readonly: true, rows: text.length > 200 ? 4 : 2, class: 'share-text', translate: 'no', 'aria-label': heading, spellcheck: 'false', style: 'width:100%;max-width:60rem;font-family:monospace;font-size:.85rem' });
    box.value = text;
    const said = h('span', { class: 'muted', 'aria-live': 'polite' });
    const copy = () => {
      const done = () => (said.textContent = t('story.copied'));
      const fail = () => {
        box.select();
        said.textContent = t('story.copyFailed');
      };
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, fail);
      else fail();
    };
    this.panel.replaceChildren(
      h('h3', {}, heading),
      h('p', { class: 'muted' }, help),
      box,
      h('div', {}, h('button', { type: 'button', class: 'copy', onclick: copy }, t('story.copy')), ' ', h('button', { type: 'button', onclick: () => (this.panel.hidden = true) }, t('story.close')), ' ', said),
    );
    this.panel.hidden = false;
    box.focus();
    box.select();
  }

  /**
   * In the embed view, shows the figure the downloads would save (the live view stays hidden:
   * it only draws the data), with a link back to the full view; else hides itself.
   */
  async update(s: ViewState): Promise<void> {
    this.embedEl.hidden = !s.embed;
    if (!s.embed) {
      this.embedEl.replaceChildren();
      return;
    }
    try {
      const m = await this.make();
      if (!m) throw new Error(t('story.notDrawn'));
      const holder = h('div', { class: 'embed-svg' });
      holder.innerHTML = m.figure.svg;
      const svg = holder.querySelector('svg');
      svg?.setAttribute('style', 'width:100%;height:auto;display:block');
      const full = new URL(m.permalink);
      this.embedEl.replaceChildren(holder, h('p', { class: 'embed-link' }, h('a', { href: full.toString(), target: '_blank', rel: 'noopener' }, `${t('story.embed.open')} ↗`)));
      this.embedEl.dataset.figure = m.name;
    } catch (err) {
      this.embedEl.replaceChildren(h('p', { class: 'message error', role: 'alert' }, errorText(err)));
      this.embedEl.dataset.figure = '';
    }
  }
}
