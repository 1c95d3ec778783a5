import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_DISABLED, openDashboardSession, ROOT, SCREENSHOTS, type DashboardSession } from './dashboard-harness.js';

/** Its own build folder: the other browser suites build theirs at the same time. */
const WEB_DIST = path.join(ROOT, 'dist/web-e2e-research');

type Bar = { label: string; images: number };
type Hooks = {
  datasets?: { ids?: string[]; query?: string; copied?: string; jsonld?: string };
  imaging?: { query?: string; byFinding?: Bar[]; byView?: Bar[]; images?: { total: number; offset: number; ids: string[] }; split?: { query: string; summary: unknown[] }; error?: string };
};
type Dataset = { id: string; type: string; redistribution: string; citation: unknown | null; local: { rows: number }[]; status: string };
type SummaryRow = { dataset: string; finding: string | null; modality: string; view: string | null; images: number };

/**
 * The Datasets, dataset and Imaging pages in Debian's Chromium against the real API over the
 * fixture's database (which ingests the four imaging sets, image files included): what each page
 * shows is compared with what the API answers for the same request.
 */
describe.skipIf(E2E_DISABLED)('research pages end to end (Chromium)', () => {
  let session: DashboardSession;
  let url: string;
  let context: BrowserContext;
  let page: Page;
  let problems: string[] = [];
  const api = async (u: string) => {
    const r = await fetch(url + u);
    expect(r.status, u).toBe(200);
    return r;
  };
  const json = async <T>(u: string): Promise<T> => (await api(u)).json() as Promise<T>;
  const text = async (u: string): Promise<string> => (await api(u)).text();
  const hooks = () => page.evaluate(() => (window as unknown as { __glacier?: Hooks }).__glacier ?? {});
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  /** Waits until the Datasets page has listed the answer for the URL's query. */
  const listed = () => page.waitForFunction(() => {
    const d = (window as unknown as { __glacier?: Hooks }).__glacier?.datasets;
    return d?.ids !== undefined && d.query === location.search;
  }, null, { timeout: 20_000 });
  const cardIds = () => page.$$eval('.dataset-card', (cards) => cards.map((c) => (c as HTMLElement).dataset.id!));
  /** Totals of summary rows by a key, as the charts must show them. */
  const totalsBy = (rows: SummaryRow[], key: 'finding' | 'view') => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r[key] ?? '(none)', (m.get(r[key] ?? '(none)') ?? 0) + r.images);
    return m;
  };
  const drawnBars = (id: string) => page.$$eval(`#${id} g.bar`, (gs) => gs.map((g) => [(g as SVGGElement).dataset.label!, Number((g as SVGGElement).dataset.images)] as [string, number]));
  const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  beforeAll(async () => {
    session = await openDashboardSession({ webDist: WEB_DIST, research: true, context: { acceptDownloads: true } });
    ({ url, context, page, problems } = session);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  }, 900_000);
  afterAll(() => session?.close());

  it('lists exactly the API’s datasets, with licence links, redistribution badges in words, counts and holdings', async () => {
    await page.goto(`${url}/?page=datasets`);
    await listed();
    const all = await json<{ meta: { total: number }; data: Dataset[] }>('/v1/datasets');
    expect(all.meta.total).toBeGreaterThan(20);
    expect(await cardIds()).toEqual(all.data.map((d) => d.id));
    expect(await page.locator('.result-count').textContent()).toBe(`${all.meta.total} datasets`);
    for (const d of all.data) {
      const card = page.locator(`.dataset-card[data-id="${d.id}"]`);
      expect(await card.locator('.badge.redist').count(), d.id).toBe(1);
      expect(await card.locator(`.redist-${d.redistribution}`).textContent(), d.id).toMatch(/\w/);
      expect(await card.locator(`h3 a[href="/?page=dataset&id=${d.id}"]`).count(), d.id).toBe(1);
      expect(await card.locator('.copy-citation').count(), d.id).toBe(d.citation ? 1 : 0);
      expect(await card.locator('.held.none').count(), d.id).toBe(d.local.some((x) => x.rows > 0) ? 0 : 1);
      if (d.status === 'frozen') expect(await card.locator('.badge.frozen').textContent()).toMatch(/Frozen · last update/);
    }
    // The two classes that forbid passing the data on are marked in words, not only in colour.
    const idsOnly = all.data.find((d) => d.redistribution === 'ids-only');
    const registration = all.data.find((d) => d.redistribution === 'registration-required');
    expect(idsOnly && registration).toBeTruthy();
    expect(await page.locator(`.dataset-card[data-id="${idsOnly!.id}"] .redist-ids-only`).textContent()).toContain('IDs only');
    expect(await page.locator(`.dataset-card[data-id="${registration!.id}"] .redist-registration-required`).textContent()).toContain('Registration required');
    await shot('datasets');
  });

  it('filters by type, held-here and text: the URL and the list follow the API', async () => {
    await page.selectOption('select[name=type]', 'imaging');
    await page.waitForURL(/type=imaging/);
    await listed();
    const imaging = await json<{ meta: { total: number }; data: Dataset[] }>('/v1/datasets?type=imaging');
    expect(imaging.data.every((d) => d.type === 'imaging')).toBe(true);
    expect(await cardIds()).toEqual(imaging.data.map((d) => d.id));
    await page.selectOption('select[name=local]', '1');
    await page.waitForURL(/held=1/);
    await listed();
    const held = await json<{ data: Dataset[] }>('/v1/datasets?type=imaging&local=true');
    expect(held.data.length).toBe(4); // the fixture's four imaging sets
    expect(await cardIds()).toEqual(held.data.map((d) => d.id));
    await page.fill('input[name=q]', 'ultrasound');
    await page.waitForURL(/q=ultrasound/);
    await listed();
    expect(await cardIds()).toEqual((await json<{ data: Dataset[] }>('/v1/datasets?type=imaging&local=true&q=ultrasound')).data.map((d) => d.id));
    // A link reproduces the list; back goes to the previous filter.
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('q='));
    await listed();
    expect(await cardIds()).toEqual(held.data.map((d) => d.id));
  });

  it('copies the API’s BibTeX to the clipboard and says so', async () => {
    const withCitation = (await json<{ data: Dataset[] }>('/v1/datasets?type=imaging&local=true')).data.find((d) => d.citation)!;
    const card = page.locator(`.dataset-card[data-id="${withCitation.id}"]`);
    await card.locator('.copy-citation').click();
    await expect.poll(() => card.locator('.copy-status').textContent()).toBe('Copied');
    const bibtex = await text(`/v1/datasets/${withCitation.id}/citation?format=bibtex`);
    expect(bibtex).toMatch(/^@\w+\{/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex);
  });

  it('copies with a selected text box where the Clipboard API refuses', async () => {
    const id = (await json<{ data: Dataset[] }>('/v1/datasets?type=imaging&local=true')).data.find((d) => d.citation)!.id;
    const other = await context.newPage();
    await other.addInitScript(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) });
    });
    await other.goto(`${url}/?page=datasets&type=imaging&held=1`);
    const card = other.locator(`.dataset-card[data-id="${id}"]`);
    await card.locator('.copy-citation').click();
    const bibtex = await text(`/v1/datasets/${id}/citation?format=bibtex`);
    await expect.poll(() => card.locator('.copy-status').textContent()).toMatch(/^(Copied|Selected: press Ctrl\+C to copy)$/);
    if ((await card.locator('.copy-status').textContent()) === 'Copied') {
      // execCommand('copy') worked: the text box is gone and the clipboard holds the API's BibTeX.
      expect(await card.locator('textarea').count()).toBe(0);
      expect(await other.evaluate(() => navigator.clipboard.readText())).toBe(bibtex);
    } else {
      expect(await card.locator('textarea').inputValue()).toBe(bibtex);
    }
    await other.close();
  });

  it('opens a dataset’s page with its JSON-LD in the head (equal to the API’s), replaced when another is opened, removed on leaving', async () => {
    const [first, second] = (await json<{ data: Dataset[] }>('/v1/datasets?type=imaging&local=true')).data.filter((d) => d.citation);
    expect(second).toBeDefined();
    await page.locator(`.dataset-card[data-id="${first.id}"] h3 a`).click();
    await page.waitForURL(new RegExp(`page=dataset&.*id=${first.id}|id=${first.id}.*page=dataset`));
    const jsonld = (id: string) => page.waitForFunction((want) => {
      const s = document.querySelectorAll('script[type="application/ld+json"]');
      return s.length === 1 && (window as unknown as { __glacier?: Hooks }).__glacier?.datasets?.jsonld !== undefined && document.querySelector('.dataset-page code')?.textContent === want;
    }, id, { timeout: 20_000 });
    await jsonld(first.id);
    const embedded = async () => JSON.parse((await page.locator('head script[type="application/ld+json"]').textContent())!);
    expect(await embedded()).toEqual(await json(`/v1/datasets/${first.id}?format=jsonld`));
    expect((await embedded())['@type']).toBe('Dataset');
    // The full entry: BibTeX and RIS links to the API's citation files.
    expect(await page.locator(`a[href="/v1/datasets/${first.id}/citation?format=bibtex"][download]`).count()).toBe(1);
    expect(await page.locator(`a[href="/v1/datasets/${first.id}/citation?format=ris"][download]`).count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`a[href$="format=ris"]`).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(await text(`/v1/datasets/${first.id}/citation?format=ris`));
    await shot('dataset-page');

    await page.goto(`${url}/?page=dataset&id=${second.id}`);
    await jsonld(second.id);
    expect(await embedded()).toEqual(await json(`/v1/datasets/${second.id}?format=jsonld`));
    await page.locator('.dataset-page .crumbs a').click();
    await page.waitForURL(/page=datasets/);
    await listed();
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(0);
  });

  it('shows an unknown dataset’s error from the API, not a blank page', async () => {
    await page.goto(`${url}/?page=dataset&id=no-such-dataset`);
    await expect.poll(() => page.locator('.dataset-page .message.error').textContent()).toContain('no dataset "no-such-dataset"');
  });

  it('draws images by finding and by view whose totals equal /v1/imaging/summary', async () => {
    await page.goto(`${url}/?page=imaging`);
    await page.waitForFunction(() => (window as unknown as { __glacier?: Hooks }).__glacier?.imaging?.images !== undefined, null, { timeout: 30_000 });
    const summary = await json<{ meta: { images: number }; data: SummaryRow[] }>('/v1/imaging/summary');
    expect(summary.meta.images).toBeGreaterThan(500);
    expect(new Set(summary.data.map((r) => r.dataset))).toEqual(new Set(['covid-chestxray', 'actualmed', 'covid-ct', 'pocus']));
    for (const [id, key] of [['by-finding', 'finding'], ['by-view', 'view']] as const) {
      const bars = await drawnBars(id);
      expect(new Map(bars), id).toEqual(totalsBy(summary.data, key));
      expect(bars.reduce((n, [, v]) => n + v, 0)).toBe(summary.meta.images);
      // Accessible: a title, and the same numbers in a table.
      expect(await page.locator(`#${id} svg[role=img] title`).textContent()).toMatch(/^Images by/);
      expect(await page.locator(`#${id} details table tbody tr`).count()).toBe(bars.length);
    }
  });

  it('lists the API’s first page of images, with thumbnails that load for the files held here', async () => {
    const first = await json<{ meta: { total: number }; data: { dataset: string; image_id: string; thumbnail: string | null }[] }>('/v1/imaging/images?limit=25&offset=0');
    const { imaging } = await hooks();
    expect(imaging!.images).toEqual({ total: first.meta.total, offset: 0, ids: first.data.map((r) => `${r.dataset}/${r.image_id}`) });
    expect(await page.locator('table.images tbody tr').count()).toBe(first.data.length);
    const thumbs = page.locator('table.images img.thumb');
    expect(await thumbs.count()).toBe(first.data.filter((r) => r.thumbnail).length);
    expect(await page.locator('table.images .thumb.none').count()).toBe(first.data.filter((r) => !r.thumbnail).length);
    await page.locator('nav.pager button', { hasText: 'Next' }).click();
    await page.waitForURL(/p=1/);
    await page.waitForFunction(() => (window as unknown as { __glacier?: Hooks }).__glacier?.imaging?.images?.offset === 25);
    const second = await json<{ data: { dataset: string; image_id: string }[] }>('/v1/imaging/images?limit=25&offset=25');
    expect((await hooks()).imaging!.images!.ids).toEqual(second.data.map((r) => `${r.dataset}/${r.image_id}`));
  });

  it('shows thumbnails that load for the image files held here, lazily, sized before they load', async () => {
    // The fixture holds a few of covid-chestxray's files: open the page of the table that lists the first of them.
    const all = await json<{ data: { dataset: string; image_id: string; thumbnail: string | null }[] }>('/v1/imaging/images?dataset=covid-chestxray&limit=5000');
    const at = all.data.findIndex((r) => r.thumbnail);
    expect(at).toBeGreaterThanOrEqual(0);
    const pageNo = Math.floor(at / 25);
    await page.goto(`${url}/?page=imaging&imgset=covid-chestxray${pageNo ? `&p=${pageNo}` : ''}`);
    await page.waitForFunction((o) => (window as unknown as { __glacier?: Hooks }).__glacier?.imaging?.images?.offset === o, pageNo * 25, { timeout: 30_000 });
    const rows = all.data.slice(pageNo * 25, pageNo * 25 + 25);
    expect((await hooks()).imaging!.images!.ids).toEqual(rows.map((r) => `${r.dataset}/${r.image_id}`));
    const withThumb = rows.filter((r) => r.thumbnail);
    const thumbs = page.locator('table.images img.thumb');
    expect(await thumbs.count()).toBe(withThumb.length);
    expect(await page.locator('table.images img.thumb:not([loading="lazy"])').count()).toBe(0);
    expect(await page.locator('table.images img.thumb:not([width]), table.images img.thumb:not([height])').count()).toBe(0);
    for (let i = 0; i < withThumb.length; i++) {
      const img = thumbs.nth(i);
      expect(await img.getAttribute('src')).toBe(`${withThumb[i].thumbnail}?size=128`);
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
      // Sized before loading: the drawn box is the width and height the row gave it.
      const box = await img.boundingBox();
      expect(Math.round(box!.width)).toBe(Number(await img.getAttribute('width')));
      expect(Math.round(box!.height)).toBe(Number(await img.getAttribute('height')));
    }
    await shot('imaging');
  });

  it('filters by dataset and finding prefix: charts and table follow the API', async () => {
    await page.goto(`${url}/?page=imaging`);
    await page.waitForFunction(() => (window as unknown as { __glacier?: Hooks }).__glacier?.imaging?.images !== undefined, null, { timeout: 30_000 });
    await page.locator('.imaging-filters input[name=dataset][value="covid-chestxray"]').check();
    await page.waitForURL(/imgset=covid-chestxray/);
    await page.fill('.imaging-filters input[name=finding]', 'Pneumonia/Viral');
    await page.press('.imaging-filters input[name=finding]', 'Enter');
    await page.waitForURL(/finding=Pneumonia%2FViral/);
    await page.waitForFunction(() => {
      const i = (window as unknown as { __glacier?: Hooks }).__glacier?.imaging;
      return i?.query === location.search && i.byFinding?.length;
    }, null, { timeout: 20_000 });
    const summary = await json<{ meta: { images: number }; data: SummaryRow[] }>('/v1/imaging/summary?dataset=covid-chestxray&finding=Pneumonia/Viral');
    expect(new Map(await drawnBars('by-finding'))).toEqual(totalsBy(summary.data, 'finding'));
    expect([...totalsBy(summary.data, 'finding').keys()].every((f) => f.startsWith('Pneumonia/Viral'))).toBe(true);
    await page.waitForFunction((n) => (window as unknown as { __glacier?: Hooks }).__glacier?.imaging?.images?.total === n, summary.meta.images, { timeout: 20_000 });
    const images = await json<{ data: { dataset: string; image_id: string }[] }>('/v1/imaging/images?dataset=covid-chestxray&finding=Pneumonia/Viral&limit=25&offset=0');
    expect((await hooks()).imaging!.images!.ids).toEqual(images.data.map((r) => `${r.dataset}/${r.image_id}`));
  });

  it('builds a split whose summary equals /v1/imaging/splits, and whose CSV link downloads the API’s CSV', async () => {
    await page.goto(`${url}/?page=imaging`);
    await page.waitForFunction(() => (window as unknown as { __glacier?: Hooks }).__glacier?.imaging?.images !== undefined, null, { timeout: 30_000 });
    const form = page.locator('form.split-form');
    await form.locator('input[name=splitset][value="covid-chestxray"]').check();
    await form.locator('input[name=splitset][value="actualmed"]').check();
    await form.locator('input[name=splitfinding]').fill('Pneumonia');
    await form.locator('input[name=ratios]').fill('0.6,0.2,0.2');
    await form.locator('input[name=seed]').fill('7');
    // A ratio list that does not add up to 1 is refused in the form, before any request.
    await form.locator('input[name=ratios]').fill('0.6,0.6');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('.error-text').textContent()).toContain('adding up to 1');
    await form.locator('input[name=ratios]').fill('0.6,0.2,0.2');
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/split=1/);
    await page.waitForFunction(() => (window as unknown as { __glacier?: Hooks }).__glacier?.imaging?.split !== undefined, null, { timeout: 60_000 });
    // The boxes are in alphabetical order, and so are the datasets the form sends.
    const q = 'dataset=actualmed,covid-chestxray&finding=Pneumonia&ratios=0.6,0.2,0.2&seed=7';
    const splits = await json<{ summary: { split: string; images: number; patients: number; groups: number; findings: Record<string, { images: number; patients: number }> }[] }>(`/v1/imaging/splits?${q}`);
    const { imaging } = await hooks();
    expect(imaging!.split!.query).toBe(`/v1/imaging/splits?${q}`);
    expect(imaging!.split!.summary).toEqual(splits.summary);
    expect(splits.summary.map((s) => s.split)).toEqual(['train', 'val', 'test']);
    // What the tables show is that summary.
    for (const s of splits.summary) {
      const cells = await page.$$eval(`table.split-summary tr[data-split="${s.split}"] td`, (tds) => tds.map((td) => td.textContent!.replace(/,/g, '')));
      expect(cells).toEqual([String(s.images), String(s.patients), String(s.groups)]);
    }
    const findings = [...new Set(splits.summary.flatMap((s) => Object.keys(s.findings)))].sort();
    expect(await page.$$eval('table.split-findings tbody th', (ths) => ths.map((t) => t.textContent))).toEqual(findings);
    const link = page.locator('.split-out a[download]');
    expect(await link.getAttribute('href')).toBe(`/v1/imaging/splits?${q}&format=csv`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toBe(await text(`/v1/imaging/splits?${q}&format=csv`));
    expect(csv.split(/\r?\n/)[0]).toBe('dataset,image_id,patient,finding,split');
    // The URL reproduces the split.
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __glacier?: Hooks }).__glacier?.imaging?.split !== undefined, null, { timeout: 60_000 });
    expect((await hooks()).imaging!.split!.summary).toEqual(splits.summary);
    expect(await page.locator('form.split-form input[name=seed]').inputValue()).toBe('7');
    await page.locator('.split-builder').scrollIntoViewIfNeeded();
    await shot('imaging-split');
  });

  it('fits a phone’s width without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}/?page=datasets`);
    await listed();
    expect(await noSidewaysScroll()).toBe(true);
    await shot('datasets-mobile');
    await page.goto(`${url}/?page=dataset&id=covid-chestxray`);
    await page.waitForSelector('.dataset-page h2');
    expect(await noSidewaysScroll()).toBe(true);
    await page.goto(`${url}/?page=imaging&split=1&splitset=covid-ct`);
    await page.waitForFunction(() => (window as unknown as { __glacier?: Hooks }).__glacier?.imaging?.split !== undefined, null, { timeout: 60_000 });
    expect(await noSidewaysScroll()).toBe(true);
    await shot('imaging-mobile');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('causes no Content-Security-Policy violation and no page error on any of these pages', () => {
    expect(problems).toEqual([]);
  });
});
