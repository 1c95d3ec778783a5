/**
 * A publication figure as one SVG document: a title (what is shown), a subtitle (dates, per
 * 100,000), the drawn chart or map, its legend, and a footer naming the sources of the values
 * shown with their licences, the date the data were retrieved, "Glacier" and the page's URL.
 * The SVG download, the PNG (drawn from this SVG in the browser) and the embedded view are the
 * same figure. Pure (no DOM, no network): unit-tested in figure.test.ts. Text is in the current
 * language (i18n's `t`); data (place and source names, licences, the URL) sits in
 * `translate="no"` runs, as on the pages.
 */
import { formatDate } from './format';
import { currentLang, t, type Lang, type MessageKey, type Params } from './i18n';

/** A piece of text; `data`: a name from the data, never translated (`translate="no"`). */
export interface Run {
  text: string;
  data?: boolean;
}

/** A source as /v1/sources describes it (only what the source line needs). */
export interface FigureSource {
  id: string;
  title: string;
  license: { name: string; url: string; spdx?: string };
}

export interface LegendItem {
  label: string;
  colour: string;
  /** line: a solid line (a place), dash: a dashed line (as published earlier), swatch: a colour class, mark: a flag's triangle. */
  kind: 'line' | 'dash' | 'swatch' | 'mark';
  data?: boolean;
}

/** The drawn chart or map: SVG markup (built and escaped by figure-plot.ts) in its own coordinates. */
export interface FigureBody {
  viewBox: [number, number, number, number];
  markup: string;
}

export interface FigureInput {
  title: Run[];
  subtitle: Run[];
  body: FigureBody;
  legend: LegendItem[];
  /** A line under the legend (what dashed lines are), if any. */
  note?: Run[];
  sources: FigureSource[];
  /** When the data were retrieved (ISO date or date-time); null: unknown. */
  retrieved: string | null;
  /** The page showing the same view (the permalink). */
  url: string;
}

export interface Figure {
  svg: string;
  width: number;
  height: number;
}

export const FIGURE_WIDTH = 960;
const PAD = 24;
const MAX_BODY_HEIGHT = 560;
const INK = '#111';
const MUTED = '#555';

/**
 * Fonts a reader's machine (or the PNG's browser) is likely to have; Chinese needs a CJK face
 * first, else Chromium may fall back to a Japanese one for the Han characters.
 */
export const FONT_STACK: Record<Lang, string> = {
  en: "'Helvetica Neue', Helvetica, Arial, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  zh: "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif",
};

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A message as runs: each `slots` parameter is a name from the data (a string: one run marked as
 * data, so the figure marks it `translate="no"` wherever the message puts it) or runs of its own.
 */
export function tRuns(key: MessageKey, params: Params = {}, slots: Record<string, string | Run[]> = {}): Run[] {
  const names = Object.keys(slots);
  const marks = Object.fromEntries(names.map((n, i) => [n, `\u0001${i}\u0002`]));
  return t(key, { ...params, ...marks })
    .split(/(\u0001\d+\u0002)/)
    .filter((part) => part !== '')
    .flatMap((part) => {
      const m = /^\u0001(\d+)\u0002$/.exec(part);
      if (!m) return [{ text: part }];
      const slot = slots[names[Number(m[1])]];
      return typeof slot === 'string' ? [{ text: slot, data: true }] : slot;
    });
}

export const plainText = (runs: readonly Run[]) => runs.map((r) => r.text).join('');

const WIDE = /[\u1100-\u115f\u2e80-\u303f\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** A generous estimate of a text's width in px (no DOM to measure with): CJK characters are one em. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text) em += WIDE.test(c) ? 1 : c === ' ' ? 0.3 : /[A-Z0-9@%&#MW]/.test(c) ? 0.68 : /[il.,:;'|!()[\]]/.test(c) ? 0.3 : 0.56;
  return em * size * (bold ? 1.07 : 1);
}

interface Token {
  text: string;
  data: boolean;
}

/** Runs cut into pieces a line may break after: a word with its trailing space, or one CJK character. */
function tokens(runs: readonly Run[]): Token[] {
  const out: Token[] = [];
  const piece = new RegExp(`${WIDE.source}[，。；：、）」』]*|[^\\s\u1100-\u115f\u2e80-\u303f\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+\\s*|\\s+`, 'g');
  for (const r of runs) for (const m of r.text.matchAll(piece)) out.push({ text: m[0], data: !!r.data });
  return out;
}

/** Greedy line filling within `width`: lines of runs (a word longer than a line keeps its own line). */
export function wrapRuns(runs: readonly Run[], width: number, size: number, bold = false): Run[][] {
  const lines: Token[][] = [[]];
  let used = 0;
  for (const tok of tokens(runs)) {
    const w = textWidth(tok.text.trimEnd(), size, bold);
    const line = lines[lines.length - 1];
    if (line.length > 0 && used + w > width && tok.text.trim() !== '') {
      lines.push([{ ...tok }]);
      used = textWidth(tok.text, size, bold);
    } else {
      if (line.length === 0 && tok.text.trim() === '') continue;
      line.push({ ...tok });
      used += textWidth(tok.text, size, bold);
    }
  }
  return lines
    .map((line) => {
      // Consecutive pieces of the same kind join into one run. A line keeps its trailing space
      // (invisible): the lines joined are the text again, words apart, Chinese characters not.
      const merged: Run[] = [];
      for (const tok of line) {
        const last = merged[merged.length - 1];
        if (last && !!last.data === tok.data) last.text += tok.text;
        else merged.push(tok.data ? { text: tok.text, data: true } : { text: tok.text });
      }
      return merged;
    })
    .filter((line) => line.length > 0);
}

function tspans(line: readonly Run[]): string {
  return line.map((r) => (r.data ? `<tspan translate="no">${escapeXml(r.text)}</tspan>` : escapeXml(r.text))).join('');
}

/** Text lines at `y` (the first baseline), each `lineHeight` apart; returns the markup and the height used. */
function textBlock(lines: Run[][], o: { x: number; y: number; size: number; lineHeight: number; fill: string; bold?: boolean; cls: string; id?: string }): { markup: string; height: number } {
  const body = lines
    .map((line, i) => `<text x="${o.x}" y="${o.y + o.size + i * o.lineHeight}">${tspans(line)}</text>`)
    .join('');
  return {
    markup: `<g class="${o.cls}"${o.id ? ` id="${o.id}"` : ''} font-size="${o.size}" fill="${o.fill}"${o.bold ? ' font-weight="700"' : ''} style="white-space:pre">${body}</g>`,
    height: lines.length ? (lines.length - 1) * o.lineHeight + o.size * 1.3 : 0,
  };
}

/** The source line: each source that supplied a value shown, once, with its licence. */
export function sourceRuns(sources: readonly FigureSource[]): Run[] {
  if (sources.length === 0) return [{ text: t('story.figure.noSource') }];
  const runs: Run[] = [{ text: t('story.figure.sources', { count: sources.length }) }];
  sources.forEach((src, i) => {
    if (i > 0) runs.push({ text: t('story.figure.sourceSeparator') });
    runs.push(...tRuns('story.figure.sourceItem', {}, { source: src.title, licence: src.license.name }));
  });
  return runs;
}

/** Distinct sources in the order first seen (a source supplying several places is named once). */
export function distinctSources(ids: Iterable<string | null | undefined>, known: readonly FigureSource[]): FigureSource[] {
  const byId = new Map(known.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const out: FigureSource[] = [];
  for (const id of ids) {
    if (!id || seen.has(id)) continue;
    seen.add(id);
    // A source the API names but /v1/sources does not list is still named, with its id.
    out.push(byId.get(id) ?? { id, title: id, license: { name: '?', url: '' } });
  }
  return out;
}

/**
 * The sources of a chart's values drawn between `from` and `to` (/v1/series gives each series'
 * supplying sources as runs of dates; every series counts, the "as of" ones too), in order.
 */
export function seriesSourceIds(series: readonly { sources: readonly { from: string; to: string; source: string }[] }[], from: string, to: string): string[] {
  return series.flatMap((ser) => ser.sources.filter((r) => r.from <= to && r.to >= from).map((r) => r.source));
}

/**
 * When the data were retrieved: the newest successful retrieval among the sources shown
 * (/v1/sources: `last_success`), as an ISO date-time; null when none has one.
 */
export function latestRetrieval(sources: readonly { last_success: { started_at: string; finished_at: string | null } | null }[]): string | null {
  let best: string | null = null;
  for (const s of sources) {
    const at = s.last_success?.finished_at ?? s.last_success?.started_at ?? null;
    if (at && (best === null || Date.parse(at) > Date.parse(best))) best = at;
  }
  return best;
}

function legendMarkup(items: readonly LegendItem[], x0: number, y0: number, width: number): { markup: string; height: number } {
  const size = 13;
  const rowH = 22;
  let x = x0;
  let y = y0;
  const parts: string[] = [];
  for (const item of items) {
    const key = item.kind === 'swatch' ? 16 : 26;
    const w = key + 6 + textWidth(item.label, size) + 18;
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += rowH;
    }
    const mid = y + 8;
    const mark =
      item.kind === 'mark'
        ? `<path d="M${x + 11},${mid - 7}L${x + 5},${mid + 2}L${x + 17},${mid + 2}Z" fill="${escapeXml(item.colour)}"/>`
        : item.kind === 'swatch'
        ? `<rect x="${x}" y="${mid - 7}" width="16" height="14" fill="${escapeXml(item.colour)}" stroke="#999" stroke-width="0.5"/>`
        : `<line x1="${x}" x2="${x + 22}" y1="${mid}" y2="${mid}" stroke="${escapeXml(item.colour)}" stroke-width="${item.kind === 'dash' ? 2 : 3}"${item.kind === 'dash' ? ' stroke-dasharray="6 4"' : ''}/>`;
    const label = item.data ? `<tspan translate="no">${escapeXml(item.label)}</tspan>` : escapeXml(item.label);
    parts.push(`<g>${mark}<text x="${x + key + 6}" y="${mid + 4.5}">${label}</text></g>`);
    x += w;
  }
  return { markup: `<g class="figure-legend" font-size="${size}" fill="${INK}" style="white-space:pre">${parts.join('')}</g>`, height: items.length ? y - y0 + rowH : 0 };
}

/** Lays the figure out; returns the SVG document (UTF-8 text) and its size in px. */
export function layoutFigure(f: FigureInput): Figure {
  const lang = currentLang();
  const W = FIGURE_WIDTH;
  const inner = W - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;

  const title = textBlock(wrapRuns(f.title, inner, 22, true), { x: PAD, y, size: 22, lineHeight: 28, fill: INK, bold: true, cls: 'figure-title', id: 'figure-title' });
  parts.push(title.markup);
  y += title.height + 6;
  const subtitle = textBlock(wrapRuns(f.subtitle, inner, 15), { x: PAD, y, size: 15, lineHeight: 20, fill: MUTED, cls: 'figure-subtitle' });
  parts.push(subtitle.markup);
  y += subtitle.height + 14;

  // The drawn figure, scaled to the width (a tall map is narrowed instead, and centred).
  const [vx, vy, vw, vh] = f.body.viewBox;
  let bw = inner;
  let bh = (inner * vh) / vw;
  if (bh > MAX_BODY_HEIGHT) {
    bw = (MAX_BODY_HEIGHT * vw) / vh;
    bh = MAX_BODY_HEIGHT;
  }
  const r1 = (v: number) => Math.round(v * 10) / 10;
  parts.push(`<svg class="figure-body" x="${r1(PAD + (inner - bw) / 2)}" y="${r1(y)}" width="${r1(bw)}" height="${r1(bh)}" viewBox="${vx} ${vy} ${vw} ${vh}" preserveAspectRatio="xMidYMid meet" overflow="hidden">${f.body.markup}</svg>`);
  y += bh + 14;

  const legend = legendMarkup(f.legend, PAD, y, inner);
  parts.push(legend.markup);
  y += legend.height + (legend.height ? 6 : 0);
  if (f.note?.length) {
    const note = textBlock(wrapRuns(f.note, inner, 13), { x: PAD, y, size: 13, lineHeight: 18, fill: MUTED, cls: 'figure-note' });
    parts.push(note.markup);
    y += note.height + 6;
  }

  y += 8;
  parts.push(`<line x1="${PAD}" x2="${W - PAD}" y1="${r1(y)}" y2="${r1(y)}" stroke="#ccc" stroke-width="1"/>`);
  y += 8;
  const sources = textBlock(wrapRuns(sourceRuns(f.sources), inner, 12), { x: PAD, y, size: 12, lineHeight: 17, fill: MUTED, cls: 'figure-sources' });
  parts.push(sources.markup);
  y += sources.height + 4;
  const retrieved = f.retrieved ? t('story.figure.retrieved', { date: formatDate(f.retrieved.slice(0, 10)) }) : t('story.figure.retrievedUnknown');
  const credit: Run[] = [{ text: `${retrieved} · ` }, { text: 'Glacier', data: true }, { text: ' · ' }, { text: f.url, data: true }];
  const footer = textBlock(wrapRuns(credit, inner, 12), { x: PAD, y, size: 12, lineHeight: 17, fill: MUTED, cls: 'figure-credit' });
  parts.push(footer.markup);
  y += footer.height + PAD - 4;

  const height = Math.ceil(y);
  const meta = { title: plainText(f.title), subtitle: plainText(f.subtitle), sources: f.sources.map((s) => ({ id: s.id, title: s.title, license: s.license })), retrieved: f.retrieved, url: f.url, lang };
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="figure-title" xml:lang="${lang === 'zh' ? 'zh-CN' : 'en-GB'}" lang="${lang === 'zh' ? 'zh-CN' : 'en-GB'}" font-family="${escapeXml(FONT_STACK[lang])}" data-retrieved="${escapeXml(f.retrieved ?? '')}">` +
    // No <title>: the visible title labels the figure (an embedded figure's text is all on show).
    `<metadata id="glacier-figure" translate="no">${escapeXml(JSON.stringify(meta))}</metadata>` +
    `<rect width="${W}" height="${height}" fill="#fff"/>` +
    parts.join('') +
    '</svg>';
  return { svg, width: W, height };
}
