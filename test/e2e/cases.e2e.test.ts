import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdfOf, dayRange, expectedCounts, parametersOf } from '../../web/src/cases.js';
import { E2E_DISABLED, openDashboardSession, ROOT, SCREENSHOTS, type DashboardSession } from './dashboard-harness.js';

/** Its own build folder: the other browser suites build theirs at the same time. */
const WEB_DIST = path.join(ROOT, 'dist/web-e2e-cases');
/** What the page asks the model routes for (web/src/cases.ts MODEL_SAMPLES). */
const SAMPLES = 200;

type Summary = { total: number; age_sex: { band: string; sex: string; cases: number }[]; by_day: { event: string; date: string; cases: number }[] };
type Interval = { lower: number; upper: number };
type Fit = { family: string; parameters: Record<string, number>; mean: number; sd: number; median: number; p95: number; p99: number; aic: number; intervals: { mean: Interval; median: Interval; p95: Interval } };
type Estimate = { selection: string; n: number; empirical: { histogram: { day: number; count: number }[] } | null; fits: Fit[] };
type CaseRow = Record<string, string | number | boolean | null>;
type Hooks = { cases?: { query?: string; rendered?: string; table?: { total: number; offset: number; ids: string[] }; error?: string } };

/**
 * The Cases page in Debian's Chromium against the real API over the fixture's database (which
 * ingests both line lists): every panel is compared with what the API answers for the same filters.
 */
describe.skipIf(E2E_DISABLED)('Cases page end to end (Chromium)', () => {
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
  /** Waits until the page has finished drawing the URL's filters (the model fits take a few seconds). */
  const rendered = () => page.waitForFunction(() => {
    const c = (window as unknown as { __glacier?: Hooks }).__glacier?.cases;
    return c?.rendered !== undefined && c.rendered === location.search;
  }, null, { timeout: 120_000 });
  const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  /** `a=1&b=2` → `?a=1&b=2`; '' → '' (the page's own parameter order is used, so the server's cached answers are shared). */
  const withQ = (path: string, q: string, more = '') => {
    const all = [q, more].filter(Boolean).join('&');
    return all ? `${path}?${all}` : path;
  };

  /** Every panel equals the API's answer for the filters `q` (as the page sends them). */
  async function expectPanelsEqualApi(q: string): Promise<void> {
    // Age pyramid: each drawn bar is the summary's count of that band and sex.
    const summary = await json<Summary>(withQ('/v1/cases/summary', q));
    expect(summary.total).toBeGreaterThan(0);
    const drawn = await page.$$eval('#age-pyramid g.band rect', (rs) => rs.map((r) => [`${(r.parentNode as SVGGElement).dataset.band} ${(r as SVGRectElement).dataset.sex}`, Number((r as SVGRectElement).dataset.cases)] as [string, number]));
    const want = new Map(summary.age_sex.filter((r) => /^\d+-\d+$/.test(r.band) && (r.sex === 'male' || r.sex === 'female')).map((r) => [`${r.band} ${r.sex}`, r.cases]));
    expect(new Map(drawn.filter(([, n]) => n > 0))).toEqual(want);
    expect(drawn.every(([k, n]) => n > 0 || !want.has(k))).toBe(true);
    const unknownSex = summary.age_sex.filter((r) => r.sex !== 'male' && r.sex !== 'female').reduce((n, r) => n + r.cases, 0);
    const unknownAge = summary.age_sex.filter((r) => (r.sex === 'male' || r.sex === 'female') && !/^\d+-\d+$/.test(r.band)).reduce((n, r) => n + r.cases, 0);
    expect(drawn.reduce((n, [, c]) => n + c, 0) + unknownSex + unknownAge).toBe(summary.total);
    const note = (await page.locator('#age-pyramid .chart-note').textContent())!.replace(/,/g, '');
    expect(note).toContain(`${unknownSex} cases of unknown sex and ${unknownAge} of known sex`);
    expect(await page.locator('#age-pyramid svg[role=img] title').textContent()).toBe('Cases by age band and sex');
    expect(await page.locator('.result-count').textContent()).toMatch(new RegExp(`^${summary.total.toLocaleString('en-US')} cases`));

    // Onset and confirmation by day: the table under the chart is the summary's by_day, day by day.
    const byDay = new Map<string, [number, number]>();
    for (const r of summary.by_day) {
      if (r.event !== 'onset' && r.event !== 'confirmation') continue;
      const v = byDay.get(r.date) ?? [0, 0];
      v[r.event === 'onset' ? 0 : 1] += r.cases;
      byDay.set(r.date, v);
    }
    const dayRows = await page.$$eval('#by-day tbody tr', (trs) => trs.map((tr) => [(tr as HTMLElement).dataset.day!, Array.from(tr.querySelectorAll('td')).map((td) => Number(td.textContent!.replace(/,/g, '')))] as [string, number[]]));
    expect(new Map(dayRows)).toEqual(byDay);
    // The two lines plot every day from the first to the last.
    const points = await page.$$eval('#by-day polyline.series', (ps) => ps.map((p) => [(p as SVGPolylineElement).classList[1], p.getAttribute('points')!.split(' ').map((xy) => Number(xy.split(',')[1]))] as [string, number[]]));
    expect(points.map(([k]) => k)).toEqual(['onset', 'confirmation']);
    const days = [...byDay.keys()].sort();
    const span = (Date.parse(days[days.length - 1]) - Date.parse(days[0])) / 86_400_000 + 1;
    for (const [k, ys] of points) {
      expect(ys).toHaveLength(span);
      expect(ys.reduce((a, b) => a + b, 0)).toBe([...byDay.values()].reduce((n, v) => n + v[k === 'onset' ? 0 : 1], 0));
    }

    // Onset → confirmation: the bars are the empirical histogram; the legend lists the fits in the API's (AIC) order.
    const delays = await json<Estimate>(withQ('/v1/models/delays', q, `from_event=onset&to_event=confirmation&samples=${SAMPLES}`));
    if (!delays.empirical || delays.empirical.histogram.length === 0 || delays.fits.length === 0) {
      // Too few cases for this filter: the panel says so, with the number the API used.
      expect(await page.locator('.delays-panel .message.empty').textContent()).toContain(`(${delays.n.toLocaleString('en-US')} usable)`);
    } else {
      const bins = await page.$$eval('#delay-histogram rect.bin', (rs) => rs.map((r) => ({ day: Number((r as SVGRectElement).dataset.day), count: Number((r as SVGRectElement).dataset.count) })));
      expect(bins).toEqual(delays.empirical!.histogram);
      expect(delays.fits.map((f) => f.family).sort()).toEqual(['gamma', 'lognormal', 'weibull']);
      expect(await page.$$eval('#delay-histogram .legend.fits li', (lis) => lis.map((li) => (li as HTMLElement).dataset.family))).toEqual(delays.fits.map((f) => f.family));
      expect(await page.$$eval('#delay-histogram polyline.curve', (ps) => ps.map((p) => (p as SVGPolylineElement).dataset.family))).toEqual(delays.fits.map((f) => f.family));
      for (const f of delays.fits) {
        const li = (await page.locator(`#delay-histogram .legend.fits li[data-family="${f.family}"]`).textContent())!;
        expect(li).toContain(`mean ${f.mean.toFixed(2)} days (95 % interval ${f.intervals.mean.lower.toFixed(2)}–${f.intervals.mean.upper.toFixed(2)})`);
        expect(li).toContain(`AIC ${f.aic.toFixed(1)}`);
      }
      // Each curve is total × (F(d+1) − F(d)) of the API's fit, per day; together about the cases in the histogram.
      const hist = delays.empirical!.histogram;
      const histTotal = hist.reduce((n, b) => n + b.count, 0);
      const days = dayRange(hist, Math.min(60, Math.ceil(delays.fits[0].p99)));
      const curves = await page.$$eval('#delay-histogram polyline.curve', (ps) => ps.map((p) => p.getAttribute('points')!.split(' ').map((xy) => Number(xy.split(',')[1]))));
      delays.fits.forEach((f, i) => {
        const want = expectedCounts(cdfOf(f)!, days, histTotal).map((x) => x.count);
        expect(curves[i], f.family).toHaveLength(want.length);
        curves[i].forEach((y, d) => expect(y).toBeCloseTo(want[d], 3));
        expect(curves[i].reduce((a, b) => a + b, 0) / histTotal, f.family).toBeGreaterThan(0.8);
        // Where the API gives the parameters, they are the ones its summaries imply (what the page falls back on without them).
        if (Object.keys(f.parameters).length) {
          const solved = parametersOf({ ...f, parameters: {} })!;
          for (const [k, v] of Object.entries(f.parameters)) expect(Math.abs(solved[k] - v) / Math.abs(v), `${f.family} ${k}`).toBeLessThan(1e-6);
        }
      });
      expect(await page.locator('.delays-panel .chart-note').textContent()).toContain(`${delays.n.toLocaleString('en-US')} cases used`);
    }

    // Incubation: the best family's median, mean and 95th percentile with their intervals, n and the selection rule.
    const inc = await json<Estimate>(withQ('/v1/models/incubation', q, `samples=${SAMPLES}`));
    if (inc.fits.length === 0) {
      expect(await page.locator('.incubation-panel .message.empty').textContent()).toContain(`(${inc.n.toLocaleString('en-US')} usable)`);
    } else {
      const best = inc.fits[0];
      expect(await page.locator('.incubation-panel .family').textContent()).toBe(best.family);
      for (const k of ['median', 'mean', 'p95'] as const) {
        const cells = await page.$$eval(`table.incubation tr[data-stat="${k}"] td`, (tds) => tds.map((td) => td.textContent));
        expect(cells, k).toEqual([best[k].toFixed(2), `${best.intervals[k].lower.toFixed(2)}–${best.intervals[k].upper.toFixed(2)}`]);
      }
      expect(await page.locator('.incubation-lead').textContent()).toContain(`from ${inc.n.toLocaleString('en-US')} cases`);
      expect((await page.locator('.incubation-panel .selection').textContent())!.toLowerCase()).toContain(inc.selection.toLowerCase().replace(/\.$/, ''));
    }

    // The table's first page is /v1/cases's, row by row.
    const first = await json<{ meta: { total: number }; data: CaseRow[] }>(withQ('/v1/cases', q, 'limit=25'));
    expect((await hooks()).cases!.table).toEqual({ total: first.meta.total, offset: 0, ids: first.data.map((r) => `${r.source}/${r.case_id}`) });
    expect(first.meta.total).toBe(summary.total);
    const cells = await page.$$eval('table.cases tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)));
    expect(cells.map((c) => [c[0], c[1], c[2], c[4], c[7]])).toEqual(first.data.map((r) => [String(r.case_id), r.source, r.location_key ?? '—', r.sex ?? '—', r.outcome ?? '—']));
    const links = await page.$$eval('table.cases tbody tr', (trs) => trs.map((tr) => tr.querySelector('a.source-link')?.getAttribute('href') ?? null));
    expect(links).toEqual(first.data.map((r) => {
      const u = String(r.source_urls ?? '').split(/;\s*|\s+/).find((x) => /^https?:\/\/./.test(x));
      return u ? new URL(u).href : null;
    }));

    // The CSV links are the API's CSV URLs for the same filters, 10,000 rows each.
    const hrefs = await page.$$eval('a.csv-link', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(Array.from({ length: Math.ceil(summary.total / 10_000) }, (_, i) => withQ('/v1/cases', q, `limit=10000${i ? `&offset=${i * 10_000}` : ''}&format=csv`)));
  }

  beforeAll(async () => {
    session = await openDashboardSession({ webDist: WEB_DIST, research: true, context: { acceptDownloads: true } });
    ({ url, context, page, problems } = session);
  }, 900_000);
  afterAll(() => session?.close());

  it('opens from the page list, loading its code only then, and draws every panel as the API answers it', async () => {
    await page.goto(`${url}/`);
    const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/assets\/cases-[^/]*\.js$/.test(n)));
    await page.locator('nav.pages button', { hasText: 'Cases' }).waitFor();
    expect(await scripts()).toEqual([]);
    await page.locator('nav.pages button', { hasText: 'Cases' }).click();
    await page.waitForURL(/page=cases/);
    await rendered();
    expect((await scripts()).length).toBe(1);
    expect(await page.locator('nav.pages button[aria-current=page]').textContent()).toBe('Cases');
    await expectPanelsEqualApi('');
    // With every case there is something to fit: bars, three curves, an incubation estimate.
    expect(await page.locator('#delay-histogram rect.bin').count()).toBeGreaterThan(5);
    expect(await page.locator('#delay-histogram polyline.curve').count()).toBe(3);
    expect(await page.locator('table.incubation tbody tr').count()).toBe(3);
    await shot('cases');
  }, 180_000);

  it('downloads the API’s CSV from the CSV link', async () => {
    const link = page.locator('a.csv-link').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe('/v1/cases?limit=10000&format=csv');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toBe(await text(href));
    expect(csv.split(/\r?\n/)[0].split(',').slice(0, 2)).toEqual(['source', 'case_id']);
  }, 60_000);

  it('pages through the records with limit and offset', async () => {
    await page.locator('.case-table nav.pager button', { hasText: 'Next' }).click();
    await page.waitForURL(/p=1/);
    await rendered();
    const second = await json<{ data: CaseRow[] }>('/v1/cases?limit=25&offset=25');
    expect((await hooks()).cases!.table!.ids).toEqual(second.data.map((r) => `${r.source}/${r.case_id}`));
    // The charts did not change, nor were they redrawn.
    expect(await page.locator('.case-panel .message.loading').count()).toBe(0);
  }, 60_000);

  it('follows a filter change (sex=female) in the URL and in every panel', async () => {
    await page.selectOption('.case-filters select[name=sex]', 'female');
    await page.waitForURL(/sex=female/);
    expect(new URL(page.url()).searchParams.get('p')).toBeNull(); // back to the first page
    await rendered();
    await expectPanelsEqualApi('sex=female');
    expect(await page.locator('#delay-histogram polyline.curve').count()).toBe(3);
    // Only women in the pyramid.
    expect(await page.$$eval('#age-pyramid rect.male', (rs) => rs.every((r) => (r as SVGRectElement).dataset.cases === '0'))).toBe(true);
    await shot('cases-female');
    // A link reproduces it, and back returns to every case.
    await page.reload();
    await rendered();
    expect(await page.locator('.case-filters select[name=sex]').inputValue()).toBe('female');
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('sex='));
    await rendered();
    expect(await page.locator('.case-filters select[name=sex]').inputValue()).toBe('');
  }, 240_000);

  it('filters by one list and a place: every panel follows the API', async () => {
    await page.goto(`${url}/?page=cases&lists=linelist-open&place=CN`);
    await rendered();
    expect(await page.locator('.case-filters input[name=source][value="linelist-kudos"]').isChecked()).toBe(false);
    expect(await page.locator('.case-filters input[name=place]').inputValue()).toBe('CN');
    await expectPanelsEqualApi('source=linelist-open&location=CN');
  }, 240_000);

  it('downloads a chart as a figure (SVG, PNG): its caption as title, the chosen list and its licence as the source line', async () => {
    // The page still shows lists=linelist-open&place=CN (the test above): no new page load.
    type Src = { id: string; title: string; license: { name: string }; last_success: { started_at: string; finished_at: string | null } | null };
    const sources = (await json<{ data: Src[] }>('/v1/sources')).data;
    const open = sources.find((x) => x.id === 'linelist-open')!;
    expect(open, 'linelist-open in /v1/sources').toBeTruthy();
    const save = async (button: string) => {
      const [d] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.locator(button).click()]);
      return { name: d.suggestedFilename(), body: readFileSync((await d.path())!) };
    };
    const svgFile = await save('#by-day-figure-svg');
    expect(svgFile.name).toBe('glacier-cases-by-day-linelist-open-CN.svg');
    const svg = svgFile.body.toString('utf8');
    const unescapeXml = (v: string) => v.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const meta = JSON.parse(unescapeXml(/<metadata id="glacier-figure"[^>]*>(.*?)<\/metadata>/.exec(svg)![1]));
    expect(meta.title).toBe(await page.locator('#by-day figcaption').textContent());
    expect(meta.sources).toEqual([{ id: open.id, title: open.title, license: open.license }]);
    expect(meta.retrieved).toBe(open.last_success?.finished_at ?? open.last_success?.started_at ?? null);
    // The visible source line (its lines joined, tags dropped): the list with its licence, and no other.
    const line = unescapeXml(/<g class="figure-sources"[^>]*>(.*?)<\/g>/.exec(svg)![1].replace(/<[^>]+>/g, ''));
    expect(line).toBe(`Source: ${open.title} (${open.license.name})`);
    // The chart drawn as on the page: both lines, no accessible title left inside the body.
    expect(svg.match(/<polyline class="series (onset|confirmation)"/g)).toHaveLength(2);
    expect(svg).not.toContain('<title');
    const png = await save('#age-pyramid-figure-png');
    expect(png.name).toBe('glacier-cases-age-pyramid-linelist-open-CN.png');
    expect([...png.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.body.readUInt32BE(16)).toBe(1920);
    writeFileSync(path.join(SCREENSHOTS, 'cases-figure-age-pyramid.png'), png.body);
    writeFileSync(path.join(SCREENSHOTS, 'cases-figure-by-day.svg'), svg);
  }, 60_000);

  it('sends the “as of” date from the form to every request (as_of)', async () => {
    await page.goto(`${url}/?page=cases&sex=male`);
    await rendered();
    await page.fill('.case-filters input[name=asof]', '2025-01-31');
    await page.waitForURL(/listasof=2025-01-31/);
    await rendered();
    await expectPanelsEqualApi('sex=male&as_of=2025-01-31');
  }, 240_000);

  it('shows the API’s error in every panel when it refuses the filters, never a blank panel', async () => {
    await page.goto(`${url}/?page=cases&place=XX_NOPE`);
    await rendered();
    const r = await fetch(`${url}/v1/cases/summary?location=XX_NOPE`);
    expect(r.status).toBe(400);
    const apiMessage = ((await r.json()) as { error: { message: string } }).error.message;
    const errors = await page.$$eval('.case-panel .message.error, .case-table .message.error', (ms) => ms.map((m) => m.textContent));
    expect(errors).toHaveLength(5);
    for (const e of errors) expect(e).toContain(apiMessage);
  }, 120_000);

  it('fits a phone’s width without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}/?page=cases`);
    await rendered();
    expect(await noSidewaysScroll()).toBe(true);
    await shot('cases-mobile');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 120_000);

  for (const [label, viewport] of [['a desktop', { width: 1280, height: 900 }], ['a phone', { width: 390, height: 844 }]] as const) {
    it(`reserves each panel’s height on ${label}: nothing moves when the data arrives`, async () => {
      const other = await context.newPage();
      await other.setViewportSize(viewport);
      // The API's answers are held back, so the page can be measured before and after they arrive.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await other.route(/\/v1\/(cases|models)/, async (route) => {
        await held;
        await route.continue();
      });
      await other.goto(`${url}/?page=cases&outcome=died`);
      await other.locator('.delays-panel .message.loading').waitFor();
      const tops = () => other.evaluate(() => ['#pyramid-h', '#days-h', '#delays-h', '#incubation-h', '#case-table-h'].map((id) => Math.round(document.querySelector(id)!.getBoundingClientRect().top + scrollY)));
      const before = await tops();
      release();
      await other.waitForFunction(() => (window as unknown as { __glacier?: Hooks }).__glacier?.cases?.rendered === location.search, null, { timeout: 120_000 });
      expect(await other.locator('#delay-histogram').count()).toBe(1);
      expect(await tops()).toEqual(before);
      await other.close();
    }, 180_000);
  }

  it('causes no Content-Security-Policy violation and no page error', () => {
    expect(problems).toEqual([]);
  });
});
