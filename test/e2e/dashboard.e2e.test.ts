import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiFixture } from '../api-fixture.js';
import { cachedFolder } from '../fixture-cache.js';
import { apiFixture, buildWeb, E2E_DISABLED, E2E_WEB_DIST, launchChromium, SCREENSHOTS, serveDashboard, type Dashboard } from './dashboard-harness.js';

/**
 * The dashboard in a real browser (Debian's Chromium) against the real API on an ingested
 * database: what is drawn is compared with what the API answers for the same selection.
 */
type Hooks = {
  map?: { region: string; date: string; drawn: number; coloured: number; rows: number; error?: string };
  chart?: { locations: string[]; x: number[]; series: { label: string; values: (number | null)[] }[]; error?: string };
  table?: { rows: number; shown: number; page: number };
};
type SeriesJson = { series: { location: string; start: string | null; values: (number | null)[] }[] };
const DAY_S = 86_400;
const dayOf = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

describe.skipIf(E2E_DISABLED)('dashboard end to end (Chromium)', () => {
  let fixture: ApiFixture;
  let dash: Dashboard;
  let browser: Browser;
  let page: Page;
  const api = async <T>(url: string): Promise<T> => {
    const r = await fetch(dash.url + url);
    expect(r.status, url).toBe(200);
    return (url.includes('format=csv') ? r.text() : r.json()) as Promise<T>;
  };
  const hooks = () => page.evaluate(() => (window as unknown as { __glacier?: Hooks }).__glacier ?? {});
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  /** Waits until the view has drawn what the URL asks (the hook for it names the same state). */
  const mapDrawn = (date?: string) =>
    page.waitForFunction((d) => {
      const m = (window as unknown as { __glacier?: Hooks }).__glacier?.map;
      return m && (m.coloured !== undefined || m.error) && (!d || m.date === d);
    }, date ?? null, { timeout: 20_000 });
  const chartDrawn = (locations: string[]) =>
    page.waitForFunction((l) => {
      const c = (window as unknown as { __glacier?: Hooks }).__glacier?.chart;
      return c && c.locations.join(',') === l && (c.series.length > 0 || c.error);
    }, locations.join(','), { timeout: 20_000 });

  /** Moves the timeline to a day, as dragging it would (the slider counts days from the first day with data). */
  const moveSlider = (date: string, first: string) =>
    page.evaluate((days) => {
      const slider = document.querySelector<HTMLInputElement>('.timeline input[type=range]')!;
      slider.value = String(days);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }, dayOf(date) - dayOf(first));

  /** The chart's plotted values must be the API's, day for day (aligned on the chart's x axis). */
  async function expectChartEqualsApi(query: string) {
    const body = await api<SeriesJson>(`/v1/series?${query}`);
    const { chart } = await hooks();
    expect(chart!.series.length).toBeGreaterThanOrEqual(body.series.length);
    body.series.forEach((s, i) => {
      const offset = dayOf(s.start!) - chart!.x[0] / DAY_S;
      const plotted = chart!.series[i].values;
      expect(plotted.slice(offset, offset + s.values.length), s.location).toEqual(s.values);
      expect(plotted.slice(0, offset).every((v) => v === null)).toBe(true);
    });
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // One Vite build per run (test/fixture-cache.ts), copied into this suite's folder.
    await cachedFolder('web-dist', E2E_WEB_DIST, buildWeb);
    fixture = await apiFixture('pglite');
    dash = await serveDashboard(fixture);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await dash?.close();
    await fixture?.close();
  });

  it('opens on a world map coloured by the API’s values, with a legend, tooltips and a timeline', async () => {
    await page.goto(dash.url + '/');
    await mapDrawn();
    const { map } = await hooks();
    const snap = await api<{ meta: { date: string }; data: { location: string }[] }>('/v1/map?metric=confirmed&transform=daily_7day_avg_per_100k&level=country');
    expect(map!.date).toBe(snap.meta.date);
    const keys = new Set(await page.$$eval('path.region[data-key]', (ps) => ps.map((p) => (p as SVGPathElement).dataset.key!)));
    const expected = snap.data.filter((r) => keys.has(r.location)).length;
    expect(expected).toBeGreaterThan(150);
    expect(map!.coloured).toBe(expected);
    expect(await page.locator('path.region.has-data').count()).toBe(expected);
    expect(await page.locator('.legend li').count()).toBeGreaterThan(2);
    // Events on the shapes themselves: a country's box centre can lie on another (France's includes Guiana).
    await page.locator('path.region[data-key="FR"]').dispatchEvent('mousemove');
    await expect.poll(() => page.locator('.tooltip').textContent()).toContain('France');
    await shot('map-world');
  });

  it('changes the date on the timeline: the URL and the colours follow the API', async () => {
    await moveSlider('2021-03-01', '2020-01-12');
    await mapDrawn('2021-03-01');
    expect(new URL(page.url()).searchParams.get('date')).toBe('2021-03-01');
    const snap = await api<{ meta: { first_date: string }; data: { location: string }[] }>('/v1/map?metric=confirmed&transform=daily_7day_avg_per_100k&level=country&date=2021-03-01');
    expect(snap.meta.first_date).toBe('2020-01-12'); // the slider's origin above
    const keys = new Set(await page.$$eval('path.region[data-key]', (ps) => ps.map((p) => (p as SVGPathElement).dataset.key!)));
    expect((await hooks()).map!.coloured).toBe(snap.data.filter((r) => keys.has(r.location)).length);
  });

  it('drills down from the world to US states and to every US county', async () => {
    await page.locator('path.region[data-key="US"]').dispatchEvent('click');
    await page.waitForURL(/region=US/);
    await mapDrawn('2021-03-01');
    await page.waitForFunction(() => (window as unknown as { __glacier: Hooks }).__glacier.map?.region === 'US');
    expect((await hooks()).map!.drawn).toBeGreaterThanOrEqual(50);
    await page.locator('.crumbs input[type=checkbox]').check();
    await page.waitForFunction(() => ((window as unknown as { __glacier: Hooks }).__glacier.map?.drawn ?? 0) > 3000, null, { timeout: 30_000 });
    // The JHU US files of the fixture end in December 2020: on 2021-03-01 no county has data.
    expect((await hooks()).map!.coloured).toBe(0);
    const q = '/v1/map?metric=confirmed&transform=daily_7day_avg_per_100k&level=county';
    await moveSlider('2020-12-01', (await api<{ meta: { first_date: string } }>(q)).meta.first_date);
    await mapDrawn('2020-12-01');
    const counties = await api<{ data: { location: string }[] }>(`${q}&date=2020-12-01`);
    const keys = new Set(await page.$$eval('path.region[data-key]', (ps) => ps.map((p) => (p as SVGPathElement).dataset.key!)));
    // The fixture holds California, Washington and New York: their 58 + 39 + 62 counties are drawn and coloured.
    const expected = counties.data.filter((r) => keys.has(r.location)).length;
    expect(expected).toBe(159);
    expect((await hooks()).map!.coloured).toBe(expected);
    await shot('map-us-counties');
  });

  it('works with a keyboard on the map: regions take focus, show their tooltip, Enter drills down or charts', async () => {
    await page.goto(dash.url + '/');
    await mapDrawn();
    expect(await page.locator('path.region[data-key][tabindex="0"]').count()).toBeGreaterThan(150);
    await page.locator('path.region[data-key="US"]').focus();
    await expect.poll(() => page.locator('.tooltip').textContent()).toContain('United States');
    await page.keyboard.press('Enter');
    await page.waitForURL(/region=US/);
    await page.waitForFunction(() => (window as unknown as { __glacier: Hooks }).__glacier.map?.region === 'US');
    await page.locator('path.region[data-key="US_CA"]').focus();
    await page.keyboard.press(' ');
    await page.waitForURL(/region=US_CA/);
    await page.goto(dash.url + '/');
    await mapDrawn();
    await page.locator('path.region[data-key="DE"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/tab=chart/);
    expect(new URL(page.url()).searchParams.get('loc')).toBe('DE');
  });

  it('searches a place by name and charts it with the API’s values', async () => {
    await page.goto(dash.url + '/');
    await page.locator('#search').fill('germ');
    await page.locator('#search-options [data-key="DE"]').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/tab=chart/);
    expect(new URL(page.url()).searchParams.get('loc')).toBe('DE');
    await chartDrawn(['DE']);
    await expectChartEqualsApi('location=DE&metric=confirmed&transform=daily_7day_avg_per_100k');
  });

  it('compares places, changes metric and measure: the chart and the URL follow', async () => {
    await page.locator('#search').fill('FRA');
    await page.locator('#search-options [data-key="FR"]').click();
    await chartDrawn(['FR', 'DE']);
    await page.locator('#metric').selectOption('deaths');
    await page.locator('#measure').selectOption('cumulative');
    await page.locator('#per100k').uncheck();
    await page.waitForURL(/per100k=0/);
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#per100k')?.checked === false);
    await chartDrawn(['FR', 'DE']);
    const q = new URL(page.url()).searchParams;
    expect(Object.fromEntries(q)).toMatchObject({ tab: 'chart', metric: 'deaths', measure: 'cumulative', per100k: '0', loc: 'FR,DE' });
    await expectChartEqualsApi('location=FR,DE&metric=deaths&transform=cumulative');
    await page.locator('#anomalies').waitFor();
    expect(await page.locator('.anomaly-list summary').textContent()).toMatch(/anomal/);
    await shot('chart-compare');
  });

  it('downloads exactly the API’s CSV for the view, with a metadata file', async () => {
    const downloads: { name: string; text: string }[] = [];
    const collect = async (d: import('playwright-core').Download) => downloads.push({ name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') });
    page.on('download', (d) => void collect(d));
    await page.locator('#download').click();
    await expect.poll(() => downloads.length, { timeout: 15_000 }).toBe(2);
    const csv = downloads.find((d) => d.name.endsWith('.csv'))!;
    const meta = JSON.parse(downloads.find((d) => d.name.endsWith('.metadata.json'))!.text);
    expect(csv.text).toBe(await api<string>('/v1/series?location=FR,DE&metric=deaths&transform=cumulative&format=csv'));
    expect(meta.query_urls).toEqual([`${dash.url}/v1/series?location=FR,DE&metric=deaths&transform=cumulative&format=csv`]);
    expect(meta.sources.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['jhu-global', 'who']));
    expect(meta.sources[0].license.name).toEqual(expect.any(String));
    expect(Date.now() - Date.parse(meta.retrieved_at)).toBeLessThan(60_000);
  });

  it('reproduces the view from its URL (state round-trips through the link)', async () => {
    const url = page.url();
    const before = (await hooks()).chart;
    const other = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await other.goto(url);
    await other.waitForFunction(() => ((window as unknown as { __glacier?: Hooks }).__glacier?.chart?.series.length ?? 0) > 0);
    expect(other.url()).toBe(url);
    expect(await other.evaluate(() => (window as unknown as { __glacier: Hooks }).__glacier.chart)).toEqual(before);
    expect(await other.locator('#metric').inputValue()).toBe('deaths');
    expect(await other.locator('#measure').inputValue()).toBe('cumulative');
    await other.close();
  });

  it('shows the table of the map’s selection, sorted and paged', async () => {
    await page.locator('#tab-table').click();
    await page.waitForURL(/tab=table/);
    await page.locator('.table-view tbody tr').first().waitFor();
    const snap = await api<{ data: { name: string; value: number }[] }>('/v1/map?metric=deaths&transform=cumulative&level=country');
    expect((await hooks()).table).toMatchObject({ rows: snap.data.length, shown: 25, page: 0 });
    const top = [...snap.data].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))[0];
    expect(await page.locator('.table-view tbody tr th').first().textContent()).toBe(top.name);
    await page.locator('.pager button', { hasText: 'Next' }).click();
    await page.waitForURL(/p=1/);
    await shot('table');
  });

  it('says so, instead of drawing a blank chart, when a place has no data or the API fails', async () => {
    await page.goto(`${dash.url}/?tab=chart&loc=US_TX_48201`); // Harris County: not in the fixture
    await page.locator('.message.empty').waitFor();
    expect(await page.locator('.message.empty').textContent()).toMatch(/No confirmed data/);
    await page.route('**/v1/series?**', (r) => r.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'ERR_UNAVAILABLE', message: 'the database cannot be reached; try again shortly' } }) }));
    await page.goto(`${dash.url}/?tab=chart&loc=IT`);
    await page.locator('.message.error[role=alert]').waitFor();
    expect(await page.locator('.message.error').textContent()).toMatch(/database cannot be reached/);
    await page.unroute('**/v1/series?**');
  });

  it('lists every source with licence, coverage, freshness and last run, and one place’s sources side by side', async () => {
    await page.goto(`${dash.url}/?page=sources&loc=DE`);
    await page.locator('table.sources tbody tr').first().waitFor();
    const sources = await api<{ data: { title: string }[] }>('/v1/sources');
    expect(await page.locator('table.sources tbody tr').count()).toBe(sources.data.length);
    await page.locator('#side-h').waitFor();
    // The side-by-side chart, when drawn, has its figure downloads.
    expect(await page.locator('#compare-figure-svg').count()).toBe(await page.locator('#side-h ~ .chart-frame').count());
    await shot('sources');
  });

  it('shows Rt with its credible band and trend, and forecasts against what happened, where the model routes exist', async () => {
    const doc = await api<{ paths: Record<string, unknown> }>('/openapi.json');
    await page.goto(`${dash.url}/`);
    await page.locator('nav.pages button').first().waitFor();
    await expect.poll(() => page.locator('nav.pages button', { hasText: 'Models' }).count()).toBe(doc.paths['/v1/models/rt'] ? 1 : 0);
    if (!doc.paths['/v1/models/rt'] || !doc.paths['/v1/models/evaluation']) return;
    await page.goto(`${dash.url}/?page=models&loc=DE`);
    await page.waitForFunction(() => performance.getEntriesByName('glacier:rt-chart').length > 0, null, { timeout: 30_000 });
    const rt = await api<{ meta: { sources: string[] }; data: { window_end: string; median: number; trend: string }[] }>('/v1/models/rt?location=DE&metric=confirmed');
    const last = rt.data.at(-1)!;
    expect(await page.locator('.trend').textContent()).toContain(`R = ${last.median.toFixed(2)}`);
    // The Rt figure as SVG: its title names the place; its source line, the sources of the case values the model used, each with its licence.
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.locator('#rt-figure-svg').click()]);
    expect(d.suggestedFilename()).toBe(`glacier-rt-confirmed-DE-${rt.data[0].window_end}-${last.window_end}.svg`);
    const svg = readFileSync((await d.path())!, 'utf8');
    writeFileSync(path.join(SCREENSHOTS, 'models-rt-figure.svg'), svg);
    const unescape = (x: string) => x.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const group = (cls: string) => unescape((new RegExp(`<g class="${cls}"[^>]*>(.*?)</g>`).exec(svg)?.[1] ?? '').replace(/<\/text><text[^>]*>/g, '').replace(/<[^>]+>/g, ''));
    const [germany, all] = await Promise.all([api<{ data: { name: string } }>('/v1/locations/DE'), api<{ data: { id: string; title: string; license: { name: string } }[] }>('/v1/sources')]);
    expect(group('figure-title')).toMatch(/^Effective reproduction number Rt \(.+\): /);
    expect(group('figure-title').endsWith(`: ${germany.data.name}`)).toBe(true);
    const used = all.data.filter((src) => rt.meta.sources.includes(src.id));
    expect(used.length).toBeGreaterThan(0);
    const meta = JSON.parse(unescape(/<metadata id="glacier-figure"[^>]*>(.*?)<\/metadata>/.exec(svg)![1])) as { sources: { id: string }[] };
    expect(meta.sources.map((src) => src.id).sort()).toEqual([...new Set(rt.meta.sources)].sort());
    const line = group('figure-sources');
    for (const src of used) expect(line.split(`${src.title} (${src.license.name})`).length - 1, src.id).toBe(1);
    await page.waitForFunction(() => performance.getEntriesByName('glacier:forecast-chart').length > 0, null, { timeout: 60_000 });
    expect(await page.locator('.models-page table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#forecast-figure-svg').count()).toBe(1);
    await shot('models');
  });

  it('works on a phone-width screen without sideways scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(dash.url + '/');
    await phone.waitForFunction(() => (window as unknown as { __glacier?: Hooks }).__glacier?.map?.coloured !== undefined);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: path.join(SCREENSHOTS, 'map-phone.png'), fullPage: true });
    await phone.close();
  });
});
