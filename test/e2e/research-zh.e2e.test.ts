import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_DISABLED, openDashboardSession, ROOT, SCREENSHOTS, type DashboardSession } from './dashboard-harness.js';
import { untranslatedStrings } from './i18n-check.js';

/** Its own build folder: the other browser suites build theirs at the same time. */
const WEB_DIST = path.join(ROOT, 'dist/web-e2e-research-zh');

type Part = 'literature' | 'sequences' | 'chatter' | 'cases';
type Hooks = {
  datasets?: { ids?: string[]; query?: string; jsonld?: string };
  imaging?: { images?: { total: number; offset: number; ids: string[] }; split?: { query: string; summary: unknown[] } };
  sequences?: { strain?: string };
} & Partial<Record<Part, { rendered?: string }>>;
type Dataset = { id: string; title: string; redistribution: string; counts: { value: number }[]; temporal_coverage: { start: string } | null };
type SummaryRow = { finding: string | null; view: string | null; images: number };
/** A count as zh-CN writes it: digits grouped by three with commas (the test's own grouping). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
/** A calendar day as Chinese readers write it, by hand: independent of the page's Intl. */
const chineseDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/**
 * The research pages (Datasets, one dataset, Imaging, Cases, Literature, Sequences, Chatter) in
 * Simplified Chinese, in Debian's Chromium against the real API over the research fixture: each
 * page loaded once with `lang=zh`, its closed tables opened, and no visible string outside the
 * catalogue (i18n-check.ts); one thing each page draws is compared with the API, so the Chinese
 * page is known to show the same data as the English one (research*.e2e.test.ts, cases.e2e.test.ts).
 */
describe.skipIf(E2E_DISABLED)('research pages in Chinese end to end (Chromium)', () => {
  let session: DashboardSession;
  let url: string;
  let page: Page;
  let problems: string[];
  const json = async <T>(u: string): Promise<T> => {
    const r = await fetch(url + u);
    expect(r.status, u).toBe(200);
    return r.json() as Promise<T>;
  };
  const hooks = () => page.evaluate(() => (window as unknown as { __glacier?: Hooks }).__glacier ?? {});
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  /** Waits until a page has finished drawing the URL's state. */
  const rendered = (part: Part) => page.waitForFunction((p) => {
    const h = (window as unknown as { __glacier?: Hooks }).__glacier?.[p];
    return h?.rendered !== undefined && h.rendered === location.search;
  }, part, { timeout: 120_000 });
  /** The page in Chinese with every closed table opened: the strings the check finds (none, when it passes). */
  const untranslated = async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    return untranslatedStrings(page);
  };

  beforeAll(async () => {
    session = await openDashboardSession({ webDist: WEB_DIST, research: true });
    ({ url, page, problems } = session);
  }, 900_000);
  afterAll(() => session?.close());

  it('Datasets: the API’s datasets, counted and badged in Chinese; nothing untranslated', async () => {
    await page.goto(`${url}/?page=datasets&lang=zh`);
    await page.waitForFunction(() => {
      const d = (window as unknown as { __glacier?: Hooks }).__glacier?.datasets;
      return d?.ids !== undefined && d.query === location.search;
    }, null, { timeout: 30_000 });
    const all = await json<{ meta: { total: number }; data: Dataset[] }>('/v1/datasets');
    expect(await page.$$eval('.dataset-card', (cs) => cs.map((c) => (c as HTMLElement).dataset.id))).toEqual(all.data.map((d) => d.id));
    expect(await page.locator('.result-count').textContent()).toBe(`共 ${grouped(all.meta.total)} 个数据集`);
    // The class that forbids passing records on says so in Chinese words (with its warning sign).
    const idsOnly = all.data.find((d) => d.redistribution === 'ids-only')!;
    expect(await page.locator(`.dataset-card[data-id="${idsOnly.id}"] .redist-ids-only`).textContent()).toBe('⚠ 仅限标识符');
    expect(await untranslated()).toEqual([]);
    await shot('datasets-zh');
  });

  it('One dataset: its title, counts and dates as the API gives them, in Chinese form; nothing untranslated', async () => {
    const id = 'covid-chestxray';
    await page.goto(`${url}/?page=dataset&id=${id}&lang=zh`);
    await page.waitForFunction((want) => (window as unknown as { __glacier?: Hooks }).__glacier?.datasets?.jsonld !== undefined && document.querySelector('.dataset-page code')?.textContent === want, id, { timeout: 30_000 });
    const { data: d } = await json<{ data: Dataset }>(`/v1/datasets/${id}`);
    expect(await page.locator('#dataset-h').textContent()).toBe(d.title);
    expect(await page.locator('#dataset-h').getAttribute('translate')).toBe('no');
    expect(await page.locator('.dataset-page ul.counts li strong').allTextContents()).toEqual(d.counts.map((c) => grouped(c.value)));
    if (d.temporal_coverage) expect(await page.locator('.dataset-page .facts-grid').textContent()).toContain(chineseDate(d.temporal_coverage.start));
    expect(await untranslated()).toEqual([]);
    await shot('dataset-zh');
  });

  it('Imaging: bars by finding total the API’s summary, the split its summary; nothing untranslated', async () => {
    await page.goto(`${url}/?page=imaging&lang=zh&split=1&splitset=covid-ct`);
    await page.waitForFunction(() => {
      const i = (window as unknown as { __glacier?: Hooks }).__glacier?.imaging;
      return i?.images !== undefined && i.split !== undefined;
    }, null, { timeout: 60_000 });
    const summary = await json<{ meta: { images: number }; data: SummaryRow[] }>('/v1/imaging/summary');
    const want = new Map<string, number>();
    for (const r of summary.data) want.set(r.finding ?? '(none)', (want.get(r.finding ?? '(none)') ?? 0) + r.images);
    const bars = await page.$$eval('#by-finding g.bar', (gs) => gs.map((g) => [(g as SVGGElement).dataset.label!, Number((g as SVGGElement).dataset.images)] as [string, number]));
    expect(new Map(bars)).toEqual(want);
    expect(await page.locator('.imaging-charts .result-count').textContent()).toBe(`${grouped(summary.meta.images)} 张影像`);
    const split = await json<{ summary: unknown[] }>('/v1/imaging/splits?dataset=covid-ct&ratios=0.7,0.15,0.15&seed=0');
    expect((await hooks()).imaging!.split!.summary).toEqual(split.summary);
    expect(await untranslated()).toEqual([]);
    await shot('imaging-zh');
  });

  it('Cases: the age pyramid is the API’s summary; nothing untranslated (the fits included)', async () => {
    await page.goto(`${url}/?page=cases&lang=zh`);
    await rendered('cases');
    const summary = await json<{ total: number; age_sex: { band: string; sex: string; cases: number }[] }>('/v1/cases/summary');
    const drawn = await page.$$eval('#age-pyramid g.band rect', (rs) => rs.map((r) => [`${(r.parentNode as SVGGElement).dataset.band} ${(r as SVGRectElement).dataset.sex}`, Number((r as SVGRectElement).dataset.cases)] as [string, number]));
    const want = new Map(summary.age_sex.filter((r) => /^\d+-\d+$/.test(r.band) && (r.sex === 'male' || r.sex === 'female')).map((r) => [`${r.band} ${r.sex}`, r.cases]));
    expect(new Map(drawn.filter(([, n]) => n > 0))).toEqual(want);
    expect(await page.locator('.case-headline .result-count').textContent()).toMatch(new RegExp(`^共 ${grouped(summary.total)} 例`));
    expect(await page.locator('#age-pyramid svg[role=img] title').textContent()).toBe('按年龄段和性别统计的病例数');
    expect(await untranslated()).toEqual([]);
    await shot('cases-zh');
  });

  it('Literature: the hits are the API’s ranked search; nothing untranslated (titles and highlights are data)', async () => {
    await page.goto(`${url}/?page=literature&lang=zh&lq=coronavirus`);
    await rendered('literature');
    const hits = await json<{ meta: { total: number }; data: { id: string }[] }>('/v1/literature/search?q=coronavirus&limit=20&offset=0');
    expect(hits.data.length).toBeGreaterThan(0);
    expect(await page.$$eval('li.paper', (ls) => ls.map((l) => (l as HTMLElement).dataset.id))).toEqual(hits.data.map((x) => x.id));
    expect(await page.locator('.lit-results .result-count').textContent()).toContain(`共 ${grouped(hits.meta.total)} 篇论文`);
    expect(await untranslated()).toEqual([]);
  });

  it('Sequences: the table is the API’s first page, the strain’s mutations the API’s; nothing untranslated', async () => {
    const first = await json<{ data: Record<string, string | null>[] }>('/v1/sequences?limit=25&offset=0');
    const strain = String(first.data.find((x) => String(x.aa_substitutions ?? '').length > 0)!.strain);
    await page.goto(`${url}/?page=sequences&lang=zh&strain=${encodeURIComponent(strain)}`);
    await rendered('sequences');
    expect(await page.$$eval('table.sequences tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.strain))).toEqual(first.data.map((x) => String(x.strain)));
    const one = await json<{ data: Record<string, string | null> }>(`/v1/sequences/${encodeURIComponent(strain)}`);
    expect(await page.locator('.mutation-list dd.aa li').allTextContents()).toEqual(String(one.data.aa_substitutions).split(/\s+/).filter(Boolean));
    expect(await untranslated()).toEqual([]);
    await shot('sequences-zh');
  });

  it('Chatter: the top list is the API’s; nothing untranslated (terms and tokens are data)', async () => {
    await page.goto(`${url}/?page=chatter&lang=zh`);
    await rendered('chatter');
    const top = await json<{ data: { token: string; count: number }[] }>('/v1/chatter/top?kind=terms&n=25&filter=noise');
    expect(await page.$$eval('ol.top-list li', (ls) => ls.map((l) => [(l as HTMLElement).dataset.token, Number((l as HTMLElement).dataset.count)]))).toEqual(top.data.map((x) => [x.token, x.count]));
    expect(await untranslated()).toEqual([]);
  });

  it('causes no Content-Security-Policy violation and no page error on any of these pages', () => {
    expect(problems).toEqual([]);
  });
});
