/**
 * Download buttons for any chart: "⬇ SVG" and "⬇ PNG" of a publication figure (figure.ts: title,
 * subtitle, body, legend, source line with licences, retrieval date). The caller gives a function
 * that builds the figure's input when a button is pressed (so it always shows what is drawn) and
 * the file name. The explorer's FigureTools and the other pages' charts share the helpers here.
 */
import { getJson } from '../api';
import { download, h } from '../dom';
import { distinctSources, latestRetrieval, layoutFigure, type Figure, type FigureInput, type FigureSource } from '../figure';
import { t } from '../i18n';
import { errorText } from '../shared';

/** The PNG is drawn at twice the SVG's size: sharp in print and on high-density screens. */
export const PNG_SCALE = 2;

/** An SVG document drawn on a canvas at `scale` and encoded as PNG (the browser's own renderer and fonts). */
export async function pngOf(f: Figure, scale = PNG_SCALE): Promise<Blob> {
  // A data: URL, not a blob: one: the page's Content-Security-Policy allows images from data: only.
  const img = new Image(f.width, f.height);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(f.svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(f.width * scale);
  canvas.height = Math.round(f.height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, f.width, f.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Every source /v1/sources lists (id, title, licence) and its last successful run. */
async function sourcesKnown(): Promise<{ list: FigureSource[]; runs: Map<string, { started_at: string; finished_at: string | null } | null> }> {
  const all = (await getJson('/v1/sources')).data;
  return { list: all.map((s) => ({ id: s.id, title: s.title, license: s.license })), runs: new Map(all.map((s) => [s.id, s.last_success])) };
}

/** The figure's source line: the sources with these ids (licences from /v1/sources) and the latest of their retrievals. */
export async function sourceLine(ids: Iterable<string | null | undefined>): Promise<{ sources: FigureSource[]; retrieved: string | null }> {
  const known = await sourcesKnown();
  const sources = distinctSources(ids, known.list);
  return { sources, retrieved: latestRetrieval(sources.map((s) => ({ last_success: known.runs.get(s.id) ?? null }))) };
}

/** The page's address: the figure's link back (these pages keep their whole state in the URL). */
export const pageUrl = () => `${location.origin}${location.pathname}${location.search}`;

/** A safe file name part: letters, digits, '-' and '_' only. */
export function fileNamePart(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'figure';
}

/**
 * "⬇ SVG" and "⬇ PNG" buttons (ids `<id>-svg` and `<id>-png`) for the figure `make` builds, saved
 * as `<name>.svg` / `<name>.png`; a failure is said beside them.
 */
export function figureButtons(id: string, make: () => FigureInput | Promise<FigureInput>, name: () => string): HTMLElement {
  const status = h('span', { class: 'muted', 'aria-live': 'polite' });
  const act = (fn: (f: Figure, file: string) => void | Promise<void>) => () => {
    status.textContent = t('story.preparing');
    Promise.resolve()
      .then(make)
      .then(async (input) => {
        await fn(layoutFigure(input), fileNamePart(name()));
        if (status.textContent === t('story.preparing')) status.textContent = '';
      })
      .catch((err) => (status.textContent = errorText(err)));
  };
  const button = (suffix: string, label: string, format: string, onclick: () => void) =>
    h('button', { type: 'button', id: `${id}-${suffix}`, title: t('story.download', { format }), 'aria-label': t('story.download', { format }), onclick }, label);
  return h('div', { class: 'figure-tools', role: 'group', 'aria-label': t('story.tools'), style: 'display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin-top:.5rem' },
    button('svg', t('story.svg'), 'SVG', act((f, file) => download(`${file}.svg`, f.svg, 'image/svg+xml'))),
    button('png', t('story.png'), 'PNG', act(async (f, file) => saveBlob(`${file}.png`, await pngOf(f)))),
    status,
  );
}
