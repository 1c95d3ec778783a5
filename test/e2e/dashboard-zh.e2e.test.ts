import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_DISABLED, openDashboardSession, ROOT, SCREENSHOTS, type DashboardSession } from './dashboard-harness.js';
import { untranslatedStrings } from './i18n-check.js';

/** Its own build folder: the other browser suites build theirs at the same time. */
const WEB_DIST = path.join(ROOT, 'dist/web-e2e-zh');

type Hooks = {
  map?: { date?: string | null; coloured?: number; error?: string };
  chart?: { locations: string[]; series: { label: string; values: (number | null)[] }[]; error?: string };
};
type Loc = { key: string; name: string; name_zh?: string | null };
/** A calendar day as Chinese readers write it, "2021年3月1日", by hand: independent of the page's Intl. */
const chineseDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const CHINESE_DATE = /\d{4}年\d{1,2}月\d{1,2}日/;
/** A count as zh-CN writes it: digits grouped by three with commas (the test's own grouping). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/**
 * The dashboard in Simplified Chinese, in Debian's Chromium against the real API: no visible string
 * outside the catalogue (i18n-check.ts) on the map, table, chart, sources and models pages; dates
 * and numbers in Chinese form; places by their Chinese names (the API's name_zh); search by a
 * Chinese name; the language through the URL (switch, reload, back) and from the browser's locale.
 */
describe.skipIf(E2E_DISABLED)('dashboard in Chinese end to end (Chromium)', () => {
  let session: DashboardSession;
  let url: string;
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];
  const api = async <T>(u: string): Promise<T> => {
    const r = await fetch(url + u);
    expect(r.status, u).toBe(200);
    return r.json() as Promise<T>;
  };
  const hooks = (p = page) => p.evaluate(() => (window as unknown as { __glacier?: Hooks }).__glacier ?? {});
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const mapDrawn = () => page.waitForFunction(() => {
    const m = (window as unknown as { __glacier?: Hooks }).__glacier?.map;
    return m && (m.coloured !== undefined || m.error);
  }, null, { timeout: 30_000 });
  const chartDrawn = (locations: string[]) => page.waitForFunction((l) => {
    const c = (window as unknown as { __glacier?: Hooks }).__glacier?.chart;
    return c && c.locations.join(',') === l && (c.series.length > 0 || c.error);
  }, locations.join(','), { timeout: 30_000 });
  const navTo = async (label: string, ready: () => Promise<unknown>) => {
    await page.locator('nav.pages button', { hasText: label }).click();
    await ready();
  };

  beforeAll(async () => {
    // No locale: the browser's default (English), as the English suites run.
    session = await openDashboardSession({ webDist: WEB_DIST });
    ({ url, browser, page, problems } = session);
  }, 900_000);
  afterAll(() => session?.close());

  it('shows the map in Chinese: no untranslated string, Chinese dates, countries by their Chinese names', async () => {
    await page.goto(`${url}/?lang=zh`);
    await mapDrawn();
    expect((await hooks()).map?.error).toBeUndefined();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await untranslatedStrings(page)).toEqual([]);
    const { map } = await hooks();
    expect(await page.locator('.timeline output').textContent()).toBe(chineseDate(map!.date!));

    // Every drawn country that the gazetteer names in Chinese carries that name.
    const countries = await api<{ data: Loc[] }>('/v1/locations?level=country&limit=1000');
    const zh = new Map(countries.data.filter((l) => l.name_zh).map((l) => [l.key, l.name_zh!]));
    const drawn = await page.$$eval('path.region[data-key][aria-label]', (ps) => ps.map((p) => [p.getAttribute('data-key')!, p.getAttribute('aria-label')!] as const));
    const named = drawn.filter(([key]) => zh.has(key));
    expect(named.length).toBeGreaterThan(150);
    expect(named.filter(([key, label]) => label !== zh.get(key))).toEqual([]);

    // The tooltip: the Chinese name, the value and its day in Chinese form.
    await page.locator('path.region[data-key="CN"]').dispatchEvent('mousemove');
    await expect.poll(() => page.locator('.tooltip strong').textContent()).toBe(zh.get('CN'));
    expect(await page.locator('.tooltip').textContent()).toMatch(CHINESE_DATE);
    expect(await untranslatedStrings(page)).toEqual([]);
    await shot('map-zh');
  });

  it('shows the table in Chinese: headings, pager, numbers grouped as zh-CN writes them', async () => {
    await page.locator('#tab-table').click();
    await page.locator('.table-view tbody tr').first().waitFor();
    expect(await untranslatedStrings(page)).toEqual([]);
    expect(await page.locator('.table-view thead').textContent()).toContain('人口');
    expect(await page.locator('.pager').textContent()).toMatch(/第 1 页，共 \d+ 页/);
    const snap = await api<{ data: { location: string; population: number | null; value: number }[] }>('/v1/map?metric=confirmed&transform=daily_7day_avg_per_100k&level=country');
    // The populations shown are the API's, grouped by thousands with commas (as zh-CN writes them).
    const populations = await page.$$eval('.table-view tbody tr td:nth-child(4)', (tds) => tds.map((td) => td.textContent));
    const expected = new Set(snap.data.filter((r) => r.population !== null).map((r) => grouped(r.population!)));
    expect(populations.filter((p) => p !== '—').length).toBeGreaterThan(10);
    expect(populations.filter((p) => p !== '—' && !expected.has(p!))).toEqual([]);
  });

  it('finds Hubei by its Chinese name and charts it under that name, with Chinese dates in the legend', async () => {
    const hubei = (await api<{ data: Loc }>('/v1/locations/CN_HB')).data;
    expect(hubei.name_zh).toBe('湖北');
    await page.locator('#search').fill('湖北');
    await page.locator('#search-options [data-key="CN_HB"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('#search-options [data-key="CN_HB"]').textContent()).toContain('湖北');
    expect(await untranslatedStrings(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForURL(/tab=chart/);
    expect(new URL(page.url()).searchParams.get('loc')).toBe('CN_HB');
    await chartDrawn(['CN_HB']);
    const { chart } = await hooks();
    expect(chart!.error).toBeUndefined();
    expect(chart!.series[0].label).toBe('湖北');
    expect(await page.locator('.chips li').first().textContent()).toContain('湖北');
    expect(await page.locator('.u-legend .u-series').nth(1).textContent()).toContain('湖北');
    // The cursor on the plot: the legend's day in Chinese form.
    const box = (await page.locator('.chart-frame .u-over').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect.poll(() => page.locator('.u-legend .u-series').first().textContent()).toMatch(CHINESE_DATE);
    // The anomalies flagged on the chart, listed with their meanings in Chinese.
    if (await page.locator('.anomaly-list summary').isVisible()) {
      expect(await page.locator('.anomaly-list summary').textContent()).toMatch(/^标记了 \d+ 个异常值/);
      await page.locator('.anomaly-list summary').click();
    }
    expect(await untranslatedStrings(page)).toEqual([]);
    await shot('chart-zh');
  });

  it('shows the Sources page in Chinese, with the place’s sources side by side', async () => {
    await navTo('数据来源', () => page.locator('table.sources tbody tr').first().waitFor());
    await page.locator('#side-h').waitFor();
    expect(await page.locator('#side-h').textContent()).toContain('湖北');
    expect(await page.locator('#sources-h').textContent()).toBe('数据来源');
    const sources = await api<{ data: { data_end: string | null; series_count: number }[] }>('/v1/sources');
    const text = (await page.locator('table.sources').textContent())!;
    for (const s of sources.data) {
      if (s.data_end) expect(text).toContain(chineseDate(s.data_end));
      expect(text).toContain(`${grouped(s.series_count)} 个序列`);
    }
    expect(await untranslatedStrings(page)).toEqual([]);
  });

  it('shows the Anomalies page in Chinese: its flags for the place, their dates and the codes’ meanings', async () => {
    await navTo('异常值', () => page.locator('#anom-h').waitFor());
    await page.locator('.anomalies-page tbody tr, .anomalies-page .message').first().waitFor();
    const flags = await api<{ meta: { total: number }; data: { date: string }[] }>('/v1/anomalies?location=CN_HB&limit=50');
    expect(await page.locator('.anomalies-page p.muted').first().textContent()).toContain(`共 ${grouped(flags.meta.total)} 个标记`);
    if (flags.data[0]) expect(await page.locator('.anomalies-page tbody tr td').first().textContent()).toBe(chineseDate(flags.data[0].date));
    expect(await untranslatedStrings(page)).toEqual([]);
  });

  it('shows the Models page in Chinese where the model routes exist', async () => {
    const doc = await api<{ paths: Record<string, unknown> }>('/openapi.json');
    if (!doc.paths['/v1/models/rt'] || !doc.paths['/v1/models/evaluation']) return;
    // Each panel ends drawn (its mark) or with its message (no window or forecast to show).
    const done = (mark: string, section: string) =>
      page.waitForFunction(([m, s]) => performance.getEntriesByName(m).length > 0 || document.querySelector(`section[aria-labelledby=${s}] .message`) !== null, [mark, section], { timeout: 150_000 });
    // Germany: the fixture's data give it both an Rt and scored forecasts (Hubei's late 2020 has too few cases to forecast).
    await page.goto(`${url}/?page=models&loc=DE&lang=zh`);
    await Promise.all([done('glacier:rt-chart', 'rt-h'), done('glacier:forecast-chart', 'fc-h')]);
    const rt = await api<{ data: { window_end: string; median: number }[] }>('/v1/models/rt?location=DE&metric=confirmed');
    const last = rt.data.at(-1);
    if (last) expect(await page.locator('.trend').textContent()).toContain(`截至 ${chineseDate(last.window_end)} 的时间窗：R = ${last.median.toFixed(2)}`);
    else expect(await page.locator('section[aria-labelledby=rt-h] .message').textContent()).toContain('Rt');
    expect(await page.locator('#rt-h').textContent()).toBe('有效再生数 Rt（95% 可信区间）');
    const germany = (await api<{ data: Loc }>('/v1/locations/DE')).data;
    expect(await page.locator('.models-page > p.muted').textContent()).toContain(`${germany.name_zh} · 确诊`);
    expect(await page.locator('.models-page table tbody tr').count()).toBeGreaterThan(0);
    expect(await untranslatedStrings(page)).toEqual([]);
    await shot('models-zh');
  }, 300_000);

  it('keeps the language in the URL: 中文 → lang=zh, a reload keeps it, English → lang=en, back → Chinese', async () => {
    await page.goto(`${url}/?page=sources`);
    await page.locator('table.sources tbody tr').first().waitFor();
    expect(await page.locator('#sources-h').textContent()).toBe('Sources');
    await page.locator('.lang-switch button', { hasText: '中文' }).click();
    await page.waitForURL(/lang=zh/);
    await page.locator('#sources-h', { hasText: '数据来源' }).waitFor();
    await page.reload();
    await page.locator('#sources-h', { hasText: '数据来源' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.locator('.lang-switch button', { hasText: 'English' }).click();
    await page.waitForURL(/lang=en/);
    await page.locator('#sources-h', { hasText: 'Sources' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
    // The check does find English: the same page in English fails it.
    const english = await untranslatedStrings(page);
    expect(english.map((u) => u.text)).toEqual(expect.arrayContaining(['Sources', 'Licence']));
    await page.goBack();
    await page.waitForURL(/lang=zh/);
    await page.locator('#sources-h', { hasText: '数据来源' }).waitFor();
    expect(await page.locator('nav.pages').textContent()).toContain('数据浏览');
  });

  it('speaks Chinese to a browser whose language is zh-CN when the URL names none', async () => {
    const zhContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const zhPage = await zhContext.newPage();
    await zhPage.goto(`${url}/`);
    await zhPage.locator('nav.pages button', { hasText: '数据浏览' }).waitFor();
    expect(await zhPage.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(new URL(zhPage.url()).searchParams.get('lang')).toBeNull();
    await zhContext.close();
    expect(problems).toEqual([]);
  });
});
