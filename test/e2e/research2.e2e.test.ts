import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_DISABLED, openDashboardSession, ROOT, SCREENSHOTS, type DashboardSession } from './dashboard-harness.js';

/** Its own build folder: the other browser suites build theirs at the same time. */
const WEB_DIST = path.join(ROOT, 'dist/web-e2e-research2');

type Counts = { meta: { uncounted: number }; data: { period: string; papers: number }[] };
type Search = { meta: { total: number }; data: { id: string; title: string | null; doi: string | null; highlight: string | null }[] };
type Clades = { data: { period: string; clade: string | null; sequences: number; frequency: number }[] };
type Seqs = { meta: { total: number }; data: Record<string, string | number | null>[] };
type Terms = { data: { date: string; count: number | null; share: number | null }[] };
type Top = { meta: { date: string }; data: { rank: number; token: string; count: number }[] };
type Part = 'literature' | 'sequences' | 'chatter';

/**
 * The Literature, Sequences and Chatter pages in Debian's Chromium against the real API over the
 * fixture's database (research data ingested): what each page draws is compared with the API.
 */
describe.skipIf(E2E_DISABLED)('Literature, Sequences and Chatter pages end to end (Chromium)', () => {
  let session: DashboardSession;
  let url: string;
  let page: Page;
  let problems: string[] = [];
  const json = async <T>(u: string): Promise<T> => {
    const r = await fetch(url + u);
    expect(r.status, u).toBe(200);
    return r.json() as Promise<T>;
  };
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  /** Waits until a page has finished drawing the URL's state. */
  const rendered = (part: Part) => page.waitForFunction((p) => {
    const h = (window as unknown as { __glacier?: Record<string, { rendered?: string }> }).__glacier?.[p];
    return h?.rendered !== undefined && h.rendered === location.search;
  }, part, { timeout: 60_000 });
  const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  const numbers = (v: string | null) => (v ?? '').split(',').map((x) => (x === '' ? null : Number(x)));

  beforeAll(async () => {
    session = await openDashboardSession({ webDist: WEB_DIST, research: true });
    ({ url, page, problems } = session);
  }, 900_000);
  afterAll(() => session?.close());

  it('Literature: opens from the page list (code loaded only then); results and counts equal the API', async () => {
    await page.goto(`${url}/`);
    const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/assets\/literature-[^/]*\.js$/.test(n)));
    await page.locator('nav.pages button', { hasText: 'Literature' }).waitFor();
    expect(await scripts()).toEqual([]);
    await page.locator('nav.pages button', { hasText: 'Literature' }).click();
    await page.waitForURL(/page=literature/);
    await rendered('literature');
    expect(await scripts()).toHaveLength(1);

    // No search yet: the counts of every paper; the bars are the API's weeks inside the window.
    const all = await json<Counts>('/v1/literature/counts?interval=week');
    let bars = await page.$$eval('#papers-chart rect.bar', (rs) => rs.map((r) => ({ period: r.getAttribute('data-period')!, papers: Number(r.getAttribute('data-papers')) })));
    expect(bars.length).toBeGreaterThan(0);
    expect(bars).toEqual(all.data.filter((c) => c.period >= '2019-12-26' && c.period <= '2020-06-30'));
    const rows = await page.$$eval('table.lit-counts tbody tr', (trs) => trs.map((tr) => ({ period: (tr as HTMLElement).dataset.period!, papers: Number(tr.querySelector('td')!.textContent!.replace(/,/g, '')) })));
    expect(rows).toEqual(all.data);
    // The case curve of CN below it, the API's daily values.
    const series = await json<{ series: { start: string; values: (number | null)[] }[] }>('/v1/series?location=CN&metric=confirmed&transform=daily&from=2020-01-01&to=2020-06-30');
    const path = page.locator('#cases-chart path.series');
    expect(await path.getAttribute('data-start')).toBe(series.series[0].start);
    expect(numbers(await path.getAttribute('data-values'))).toEqual(series.series[0].values);

    // A search: the results are the API's ranked hits, highlights as <mark>, counts of that query.
    await page.fill('.lit-filters input[name=q]', 'coronavirus');
    await page.locator('.lit-filters button[type=submit]').click();
    await page.waitForURL(/lq=coronavirus/);
    await rendered('literature');
    const hits = await json<Search>('/v1/literature/search?q=coronavirus&limit=20&offset=0');
    expect(await page.$$eval('li.paper', (ls) => ls.map((l) => (l as HTMLElement).dataset.id))).toEqual(hits.data.map((x) => x.id));
    expect(await page.$$eval('li.paper h3', (ls) => ls.map((l) => l.textContent))).toEqual(hits.data.map((x) => x.title ?? '(no title)'));
    const first = hits.data.find((x) => x.highlight)!;
    const li = page.locator(`li.paper[data-id="${first.id}"]`);
    expect(await li.locator('.highlight').textContent()).toBe(first.highlight!.replace(/\*\*/g, ''));
    expect(await li.locator('.highlight mark').allTextContents()).toEqual([...first.highlight!.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1]));
    const withDoi = hits.data.find((x) => x.doi)!;
    expect(await page.locator(`li.paper[data-id="${withDoi.id}"] a.doi`).getAttribute('href')).toContain(withDoi.doi!.split('/')[0]);
    expect(await page.locator('.lit-results .result-count').textContent()).toContain(`${hits.meta.total} papers`);
    expect(await page.locator('.lit-results a.csv-link').getAttribute('href')).toBe('/v1/literature/search?q=coronavirus&limit=200&format=csv');
    const qCounts = await json<Counts>('/v1/literature/counts?interval=week&q=coronavirus');
    expect(await page.$$eval('table.lit-counts tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.period))).toEqual(qCounts.data.map((c) => c.period));
    bars = await page.$$eval('#papers-chart rect.bar', (rs) => rs.map((r) => ({ period: r.getAttribute('data-period')!, papers: Number(r.getAttribute('data-papers')) })));
    expect(bars).toEqual(qCounts.data.filter((c) => c.period >= '2019-12-26' && c.period <= '2020-06-30'));
    await shot('literature');

    // Paging, then the URL state survives a reload.
    if (hits.meta.total > 20) {
      await page.locator('.lit-results nav.pager button', { hasText: 'Next' }).click();
      await page.waitForURL(/p=1/);
      await rendered('literature');
      const second = await json<Search>('/v1/literature/search?q=coronavirus&limit=20&offset=20');
      expect(await page.$$eval('li.paper', (ls) => ls.map((l) => (l as HTMLElement).dataset.id))).toEqual(second.data.map((x) => x.id));
    }
    await page.selectOption('.lit-filters select[name=doi]', 'true');
    await page.waitForURL(/doi=1/);
    await rendered('literature');
    expect(new URL(page.url()).searchParams.get('p')).toBeNull();
    const doiHits = await json<Search>('/v1/literature/search?q=coronavirus&has_doi=true&limit=20&offset=0');
    expect(await page.$$eval('li.paper', (ls) => ls.map((l) => (l as HTMLElement).dataset.id))).toEqual(doiHits.data.map((x) => x.id));
    await page.reload();
    await rendered('literature');
    expect(await page.locator('.lit-filters input[name=q]').inputValue()).toBe('coronavirus');
    expect(await page.locator('.lit-filters select[name=doi]').inputValue()).toBe('true');
    expect(await page.$$eval('li.paper', (ls) => ls.map((l) => (l as HTMLElement).dataset.id))).toEqual(doiHits.data.map((x) => x.id));
  }, 180_000);

  it('Sequences: the stacked clade frequencies and the first page equal the API; a strain shows its mutations', async () => {
    await page.goto(`${url}/?page=sequences`);
    await rendered('sequences');
    const clades = await json<Clades>('/v1/sequences/clades?interval=week');
    const periods = [...new Set(clades.data.map((x) => x.period))].sort();
    const bands = await page.$$eval('#clade-chart path.band', (ps) => ps.map((p) => [p.getAttribute('data-clade')!, p.getAttribute('data-values')!.split(',').map(Number)] as [string, number[]]));
    const want = new Map<string, number[]>();
    for (const x of clades.data) {
      const k = x.clade ?? 'unassigned';
      if (!want.has(k)) want.set(k, periods.map(() => 0));
      want.get(k)![periods.indexOf(x.period)] = x.frequency;
    }
    expect(new Map(bands)).toEqual(want);
    expect(bands[bands.length - 1][0]).toBe(clades.data.some((x) => x.clade === null) ? 'unassigned' : bands[bands.length - 1][0]);
    // Each week's bands add up to 1.
    for (let k = 0; k < periods.length; k++) expect(bands.reduce((n, [, v]) => n + v[k], 0)).toBeCloseTo(1, 9);

    const seqs = await json<Seqs>('/v1/sequences?limit=25&offset=0');
    const rows = await page.$$eval('table.sequences tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)));
    expect(rows.map((r) => [r[0], r[3], r[4]])).toEqual(seqs.data.map((x) => [x.strain, x.clade ?? 'unassigned', x.qc_status ?? '—']));
    expect(await page.locator('.seq-table a.csv-link').getAttribute('href')).toBe('/v1/sequences?limit=5000&format=csv');
    expect(await page.locator('.seq-table a.fasta-link').getAttribute('href')).toBe('/v1/sequences/fasta');

    // A strain with amino-acid changes: its panel lists the API's mutations.
    const all = await json<Seqs>('/v1/sequences?limit=25&offset=0');
    const pick = all.data.find((x) => String(x.aa_substitutions ?? '').length > 0)!;
    const strain = String(pick.strain);
    await page.locator(`table.sequences tr[data-strain="${strain}"] button.strain`).click();
    await page.waitForURL((u) => u.searchParams.get('strain') === strain);
    await rendered('sequences');
    const one = await json<{ data: Record<string, string | null> }>(`/v1/sequences/${encodeURIComponent(strain)}`);
    const words = (v: string | null) => (v ? v.split(/\s+/).filter(Boolean) : []);
    expect(await page.locator('#strain-h').textContent()).toBe(strain);
    expect(await page.locator('.mutation-list dd.nuc li').allTextContents()).toEqual(words(one.data.substitutions));
    expect(await page.locator('.mutation-list dd.aa li').allTextContents()).toEqual(words(one.data.aa_substitutions));
    expect(await page.locator('.mutation-list dd.fs li').allTextContents()).toEqual(words(one.data.frame_shifts));
    await shot('sequences');

    // A place: the chart and table follow; the URL survives a reload.
    await page.fill('.seq-filters input[name=location]', 'AU');
    await page.locator('.seq-filters button[type=submit]').click();
    await page.waitForURL(/splace=AU/);
    await rendered('sequences');
    await page.reload();
    await rendered('sequences');
    expect(await page.locator('.seq-filters input[name=location]').inputValue()).toBe('AU');
    const au = await json<Clades>('/v1/sequences/clades?interval=week&location=AU');
    const auBands = await page.$$eval('#clade-chart path.band', (ps) => ps.map((p) => p.getAttribute('data-clade')));
    expect(new Set(auBands)).toEqual(new Set(au.data.map((x) => x.clade ?? 'unassigned')));
    const auSeqs = await json<Seqs>('/v1/sequences?location=AU&limit=25&offset=0');
    expect(await page.$$eval('table.sequences tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.strain))).toEqual(auSeqs.data.map((x) => String(x.strain)));
    expect(await page.locator('.seq-table a.fasta-link').getAttribute('href')).toBe('/v1/sequences/fasta?location=AU');
  }, 180_000);

  it('Chatter: the term lines equal /v1/chatter/terms (gaps where null) and the top list equals /v1/chatter/top', async () => {
    await page.goto(`${url}/?page=chatter`);
    await rendered('chatter');
    const lines = async () => page.$$eval('#terms-chart path.term-line', (ps) => ps.map((p) => [p.getAttribute('data-term')!, p.getAttribute('data-values')!, p.getAttribute('d')!] as [string, string, string]));
    const check = async (terms: string[], share: boolean) => {
      const drawn = await lines();
      expect(drawn.map(([t]) => t)).toEqual(terms);
      const answers = await Promise.all(terms.map((t) => json<Terms>(`/v1/chatter/terms?term=${encodeURIComponent(t)}`)));
      const days = [...new Set(answers.flatMap((a) => a.data.map((x) => x.date)))].sort();
      terms.forEach((t, i) => {
        const by = new Map(answers[i].data.map((x) => [x.date, share ? x.share : x.count]));
        const want = days.map((d) => by.get(d) ?? null);
        expect(numbers(drawn[i][1]), t).toEqual(want);
        // One pen stroke per run of listed days: a null is a gap, never a 0.
        const runs = want.reduce<{ n: number; prev: boolean }>((acc, v) => ({ n: acc.n + (v !== null && !acc.prev ? 1 : 0), prev: v !== null }), { n: 0, prev: false }).n;
        expect((drawn[i][2].match(/M/g) ?? []).length, t).toBe(runs);
      });
    };
    await check(['coronavirus', 'covid', 'lockdown'], true);
    const top = await json<Top>('/v1/chatter/top?kind=terms&n=25&filter=noise');
    expect(await page.$$eval('ol.top-list li', (ls) => ls.map((l) => ({ token: (l as HTMLElement).dataset.token!, count: Number((l as HTMLElement).dataset.count) })))).toEqual(top.data.map((x) => ({ token: x.token, count: x.count })));

    // Terms that are missing some days (gaps), counts instead of shares, bigrams of a chosen day without the noise filter.
    await page.fill('.chatter-filters input[name=terms]', 'lockdown, stay home, nosuchtermzz');
    await page.locator('.chatter-filters button[type=submit]').click();
    await page.waitForURL(/terms=/);
    await page.selectOption('.chatter-filters select[name=measure]', 'count');
    await page.waitForURL(/share=0/);
    await page.selectOption('.chatter-filters select[name=kind]', 'bigrams');
    await page.waitForURL(/kind=bigrams/);
    await page.locator('.chatter-filters input[name=noise]').uncheck();
    await page.waitForURL(/noise=0/);
    await page.fill('.chatter-filters input[name=date]', '2020-03-23');
    await page.waitForURL(/cdate=2020-03-23/);
    await rendered('chatter');
    await check(['lockdown', 'stay home', 'nosuchtermzz'], false);
    const top2 = await json<Top>('/v1/chatter/top?date=2020-03-23&kind=bigrams&n=25&filter=none');
    const drawnTop = () => page.$$eval('ol.top-list li', (ls) => ls.map((l) => ({ token: (l as HTMLElement).dataset.token!, count: Number((l as HTMLElement).dataset.count) })));
    expect(await drawnTop()).toEqual(top2.data.map((x) => ({ token: x.token, count: x.count })));
    await shot('chatter');
    await page.reload();
    await rendered('chatter');
    expect(await page.locator('.chatter-filters input[name=terms]').inputValue()).toBe('lockdown, stay home, nosuchtermzz');
    expect(await page.locator('.chatter-filters select[name=kind]').inputValue()).toBe('bigrams');
    expect(await page.locator('.chatter-filters input[name=noise]').isChecked()).toBe(false);
    await check(['lockdown', 'stay home', 'nosuchtermzz'], false);
    expect(await drawnTop()).toEqual(top2.data.map((x) => ({ token: x.token, count: x.count })));

    // A term listed on some days and not on others: its line breaks where it is not listed.
    const [d1, d2] = await Promise.all(['2020-03-22', '2020-03-25'].map((d) => json<Top>(`/v1/chatter/top?date=${d}&kind=terms&n=1000`)));
    const later = new Set(d2.data.map((x) => x.token));
    const gone = d1.data.map((x) => x.token).filter((t) => !later.has(t) && /^[a-z]{4,}$/.test(t))[0];
    expect(gone).toBeDefined();
    await page.goto(`${url}/?page=chatter&terms=${gone},lockdown`);
    await rendered('chatter');
    await check([gone, 'lockdown'], true);
    const values = numbers((await lines())[0][1]);
    expect(values).toContain(null);
    expect(values.some((v) => v !== null && v > 0)).toBe(true);
  }, 180_000);

  it('shows the API’s own message where it refuses a request, never a blank panel', async () => {
    const cases: [string, Part, string, string][] = [
      ['/?page=literature&lq=virus&lplace=XX_NOPE', 'literature', '/v1/series?location=XX_NOPE&metric=confirmed&transform=daily&from=2020-01-01&to=2020-06-30', '#cases-chart'],
      ['/?page=sequences&splace=XX_NOPE', 'sequences', '/v1/sequences/clades?interval=week&location=XX_NOPE', '.seq-chart'],
      ['/?page=chatter&cdate=2019-01-01', 'chatter', '/v1/chatter/top?date=2019-01-01&kind=terms&n=25&filter=noise', '.chatter-top'],
    ];
    let refused = 0;
    for (const [at, part, apiAt, panel] of cases) {
      await page.goto(url + at);
      await rendered(part);
      const r = await fetch(url + apiAt);
      if (r.status === 200) {
        // Not an error for the API: the panel says there is nothing, rather than staying blank.
        expect(await page.locator(`${panel} .message`).count(), at).toBeGreaterThan(0);
        continue;
      }
      refused++;
      const apiMessage = ((await r.json()) as { error: { message: string } }).error.message;
      expect(await page.locator(`${panel} .message.error`).textContent(), at).toContain(apiMessage);
    }
    expect(refused).toBeGreaterThan(0);
  }, 120_000);

  it('fits a phone’s width without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [p, part] of [['literature&lq=coronavirus', 'literature'], ['sequences&strain=Wuhan%2FHu-1%2F2019', 'sequences'], ['chatter', 'chatter']] as const) {
      await page.goto(`${url}/?page=${p}`);
      await rendered(part);
      expect(await noSidewaysScroll(), p).toBe(true);
      await shot(`${part}-mobile`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 120_000);

  it('causes no Content-Security-Policy violation and no page error', () => {
    expect(problems).toEqual([]);
  });
});
