import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Download, Frame, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../api-fixture.js';
import { E2E_DISABLED, openDashboardSession, ROOT, SCREENSHOTS, type DashboardSession } from './dashboard-harness.js';
import { untranslatedStrings } from './i18n-check.js';

/**
 * Tools for storytellers in Chromium (docs/dashboard.md, "For storytellers"): the chart's and the
 * map's figures downloaded as SVG and PNG, their source lines checked against the sources of the
 * values the API returns for the same query (read independently: the series CSV's `source` column,
 * the map's rows), the retrieval date against /v1/sources, the PNG decoded with sharp; the embed
 * snippet's iframe on another origin; the permalink. In Chinese, so the CJK layout is exercised.
 * Three page loads: the explorer, an embedding page, the permalink.
 */
const WEB = path.join(ROOT, 'dist/web-e2e-story');
type Source = { id: string; title: string; license: { name: string }; last_success: { started_at: string; finished_at: string | null } | null };
type Meta = { title: string; sources: { id: string; title: string; license: { name: string } }[]; retrieved: string | null; url: string; lang: string };

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
/** The visible text of a figure's group (its lines joined), by class. */
function textOf(svg: string, cls: string): string {
  const m = new RegExp(`<g class="${cls}"[^>]*>(.*?)</g>`).exec(svg);
  return m ? unescape(m[1].replace(/<\/text><text[^>]*>/g, '').replace(/<[^>]+>/g, '')) : '';
}
const metaOf = (svg: string): Meta => JSON.parse(unescape(/<metadata id="glacier-figure"[^>]*>(.*?)<\/metadata>/.exec(svg)![1]));
const zhDate = (iso: string) => new Intl.DateTimeFormat('zh-CN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

describe.skipIf(E2E_DISABLED)('storytellers’ figures, embed and permalink (Chromium)', () => {
  let session: DashboardSession;
  let base: string;
  let browser: Browser;
  let embedder: Server | undefined;
  let page: Page;
  let sources: Source[];
  const api = async <T>(url: string): Promise<T> => {
    const r = await fetch(base + url);
    expect(r.status, url).toBe(200);
    return (url.includes('format=csv') ? r.text() : r.json()) as Promise<T>;
  };
  const download = async (button: string): Promise<{ name: string; body: Buffer }> => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.locator(button).click()]);
    return { name: (d as Download).suggestedFilename(), body: readFileSync((await d.path())!) };
  };
  /** The source line must name exactly these sources, each once with its licence; the retrieval date is theirs. */
  function expectSourceLine(svg: string, used: Set<string>) {
    expect(used.size).toBeGreaterThan(0);
    const meta = metaOf(svg);
    const shown = sources.filter((s) => used.has(s.id));
    expect(meta.sources.map((s) => s.id).sort()).toEqual([...used].sort());
    const line = textOf(svg, 'figure-sources');
    expect(line.startsWith('来源：')).toBe(true);
    for (const s of shown) expect(line.split(`${s.title}（${s.license.name}）`).length - 1, s.id).toBe(1);
    const newest = shown.map((s) => s.last_success?.finished_at ?? s.last_success?.started_at).filter(Boolean).sort((a, b) => Date.parse(b!) - Date.parse(a!))[0]!;
    expect(meta.retrieved).toBe(newest);
    expect(textOf(svg, 'figure-credit')).toContain(`数据获取于 ${zhDate(newest)}`);
  }
  /** A real PNG at twice the SVG's size, not blank: the first line colour (or map colours) drawn. */
  async function expectPng(png: Buffer, svg: string, colour: [number, number, number] | null) {
    const [, w, h] = /^<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    const img = sharp(png);
    const meta = await img.metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([2 * w, 2 * h]);
    const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
    let ink = 0;
    let hue = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++;
      if (colour && Math.abs(data[i] - colour[0]) < 24 && Math.abs(data[i + 1] - colour[1]) < 24 && Math.abs(data[i + 2] - colour[2]) < 24) hue++;
      if (!colour && data[i] > 200 && data[i + 2] < 120) hue++; // the map's yellows to reds
    }
    const pixels = info.width * info.height;
    expect(ink / pixels).toBeGreaterThan(0.005);
    expect(hue).toBeGreaterThan(500);
  }

  beforeAll(async () => {
    session = await openDashboardSession({ webDist: WEB, context: { acceptDownloads: true } });
    ({ url: base, browser, page } = session);
    sources = (await api<{ data: Source[] }>('/v1/sources')).data;
  }, 600_000);
  afterAll(async () => {
    embedder?.close();
    await session?.close();
  });

  const query = 'location=US,CN_HB&metric=confirmed&transform=daily&from=2020-03-01&to=2021-03-01';
  let chartSvg = '';
  let permalink = '';

  it('downloads the chart as SVG and PNG, its source line the sources of the values the API returns', async () => {
    await page.goto(`${base}/?tab=chart&loc=US,CN_HB&measure=daily&per100k=0&from=2020-03-01&to=2021-03-01&lang=zh`);
    await page.waitForFunction(() => ((window as unknown as { __glacier?: { chart?: { series: unknown[] } } }).__glacier?.chart?.series.length ?? 0) > 0, null, { timeout: 30_000 });
    const svg = await download('#figure-svg');
    expect(svg.name).toBe('glacier-confirmed-daily-US-CN_HB-2020-03-01-2021-03-01.svg');
    chartSvg = svg.body.toString('utf8');
    const rows = readCsv(await api<string>(`/v1/series?${query}&format=csv`));
    expectSourceLine(chartSvg, new Set(rows.filter((r) => r.value !== '').map((r) => r.source)));
    const [us, hb] = await Promise.all(['US', 'CN_HB'].map((k) => api<{ data: { name: string; name_zh?: string | null } }>(`/v1/locations/${k}`).then((r) => r.data.name_zh || r.data.name)));
    expect(textOf(chartSvg, 'figure-title')).toBe(`${us}和${hb}：确诊，每日新增`);
    expect(textOf(chartSvg, 'figure-subtitle')).toBe(`${zhDate('2020-03-01')}至${zhDate('2021-03-01')}`);
    expect(chartSvg).toContain('font-family="&#39;Noto Sans CJK SC&#39;');
    // Both places' lines: one path each, in the chart's colours.
    expect(chartSvg.match(/<path d="M[^"]+" stroke="#(4e79a7|f28e2b)"/g)).toHaveLength(2);
    const png = await download('#figure-png');
    expect(png.name).toBe('glacier-confirmed-daily-US-CN_HB-2020-03-01-2021-03-01.png');
    await expectPng(png.body, chartSvg, [0x4e, 0x79, 0xa7]);
    writeFileSync(path.join(SCREENSHOTS, 'story-chart-zh.png'), png.body);
  });

  let embedSrc = '';
  it('gives an embed snippet and a permalink that pins the view', async () => {
    await page.locator('#figure-embed').click();
    const snippet = await page.locator('.share-panel textarea').inputValue();
    const m = /^<iframe src="([^"]+)" width="960" height="(\d+)" title="([^"]+)"/.exec(snippet);
    expect(m, snippet).not.toBeNull();
    embedSrc = unescape(m![1]);
    expect(unescape(m![3])).toBe(`${textOf(chartSvg, 'figure-title')}（Glacier）`);
    await page.locator('#figure-link').click();
    permalink = await page.locator('.share-panel textarea').inputValue();
    const pinned = new URL(permalink).searchParams;
    expect(Object.fromEntries(pinned)).toEqual({ tab: 'chart', measure: 'daily', per100k: '0', loc: 'US,CN_HB', from: '2020-03-01', to: '2021-03-01', lang: 'zh' });
    expect(metaOf(chartSvg).url).toBe(permalink);
    const e = new URL(embedSrc);
    expect(e.searchParams.get('embed')).toBe('1');
    e.searchParams.delete('embed');
    expect([e.origin + e.pathname, Object.fromEntries(e.searchParams)]).toEqual([new URL(permalink).origin + '/', Object.fromEntries(pinned)]);
  });

  it('downloads the map likewise: sources of the values drawn, the day shown', async () => {
    await page.locator('#tab-map').click();
    await page.waitForFunction(() => (window as unknown as { __glacier?: { map?: { coloured?: number } } }).__glacier?.map?.coloured !== undefined, null, { timeout: 30_000 });
    const date = await page.evaluate(() => (window as unknown as { __glacier: { map: { date: string } } }).__glacier.map.date);
    const svg = await download('#figure-svg');
    expect(svg.name).toBe(`glacier-map-confirmed-daily-world-${date}.svg`);
    const text = svg.body.toString('utf8');
    const drawn = new Set(await page.$$eval('path.region[data-key]', (ps) => ps.map((p) => (p as SVGPathElement).dataset.key!)));
    const snap = await api<{ meta: { date: string }; data: { location: string; source: string | null }[] }>(`/v1/map?metric=confirmed&transform=daily&level=country&date=${date}`);
    expect(snap.meta.date).toBe(date);
    expectSourceLine(text, new Set(snap.data.filter((r) => drawn.has(r.location)).map((r) => r.source!)));
    expect(textOf(text, 'figure-title')).toBe('世界各国：确诊，每日新增');
    expect(textOf(text, 'figure-subtitle')).toBe(zhDate(date));
    expect(new URL(metaOf(text).url).searchParams.get('date')).toBe(date);
    const png = await download('#figure-png');
    await expectPng(png.body, text, null);
    writeFileSync(path.join(SCREENSHOTS, 'story-map-zh.png'), png.body);
  });

  it('the embed snippet’s URL opens the chrome-less view of the same figure, in an iframe on another site', async () => {
    // Only the embed view may be framed by other sites; every other page keeps to this origin.
    const headers = async (url: string) => (await fetch(url)).headers;
    const [embed, full] = await Promise.all([headers(embedSrc), headers(permalink)]);
    expect(embed.get('content-security-policy')).toMatch(/frame-ancestors \*/);
    expect(embed.get('x-frame-options')).toBeNull();
    expect(full.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    expect(full.get('x-frame-options')).toBe('SAMEORIGIN');
    const snippet = `<iframe src="${embedSrc.replace(/&/g, '&amp;')}" width="960" height="700"></iframe>`;
    // Another origin (another port) serves the embedding page: the figure must be embeddable by other
    // sites. On loopback too: Chromium blocks a public page from framing a loopback one.
    embedder = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>story</title>${snippet}`));
    await new Promise<void>((ok) => embedder!.listen(0, '127.0.0.1', ok));
    await page.goto(`http://127.0.0.1:${(embedder.address() as AddressInfo).port}/`);
    const frame: Frame = await (await page.waitForSelector('iframe')).contentFrame().then((f) => f!);
    await frame.waitForSelector('.embed-figure[data-figure] .embed-svg > svg', { timeout: 30_000 });
    expect(await frame.locator('header, nav.pages, footer, .controls:visible, .tabs:visible').count()).toBe(0);
    const inline = await frame.locator('.embed-svg > svg').evaluate((el) => el.outerHTML);
    for (const cls of ['figure-title', 'figure-subtitle', 'figure-sources', 'figure-credit']) expect(textOf(inline, cls), cls).toBe(textOf(chartSvg, cls));
    expect(await frame.locator('.embed-link a').getAttribute('href')).toBe(permalink);
    // All the Chinese figure's text is Chinese but its data (the check only evaluates in the page: a frame does too).
    expect(await untranslatedStrings(frame as unknown as Page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'story-embed-zh.png') });
  });

  it('the permalink reproduces the view', async () => {
    await page.goto(permalink);
    await page.waitForFunction(() => ((window as unknown as { __glacier?: { chart?: { series: unknown[] } } }).__glacier?.chart?.series.length ?? 0) > 0, null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const again = (await download('#figure-svg')).body.toString('utf8');
    expect(again).toBe(chartSvg);
  });
});
