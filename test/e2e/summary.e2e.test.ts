import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_DISABLED, openDashboardSession, ROOT, SCREENSHOTS, type DashboardSession } from './dashboard-harness.js';
import { catalogueLatinWords } from './i18n-check.js';

/** Its own build folder: the other browser suites build theirs at the same time. */
const WEB_DIST = path.join(ROOT, 'dist/web-e2e-summary');

/**
 * Places of the `api` fixture (final JHU files, a JHU US subset, WHO's 2024 file): a country whose
 * sources disagree and whose last weeks are zeros (Rt withheld), a US state (one source, frozen),
 * a country with an anomaly in its last two weeks and an Rt after which the data are too short, a
 * county with anomalies and an imputed day, a state without any data.
 */
const PLACES = ['DE', 'US_CA', 'BG', 'US_WA_53001', 'US_TX'];
const LOCALES = { en: 'en-GB', zh: 'zh-CN' } as const;

type Series = { series: { start: string | null; values: (number | null)[] }[] };
type RtRow = { window_start: string; window_end: string; mean: number; q0_025: number; q0_975: number; prob_below_1: number; cases: number; imputed_days: number; trend: string };
type Rt = { meta: { incidence: { segments: { start: string; end: string; estimated: boolean }[] } }; data: RtRow[] };
type Compare = { meta: { reference: string | null }; sources: { source: string; values: (number | null)[] }[] };
type Health = { sources: { id: string; frozen_on: string | null; state: string }[] };
/** What the page shows of a summary: its links, the digits outside links, its text. */
type Shown = { state: string; links: { fact: string; href: string; text: string }[]; unlinkedDigits: string[]; text: string; latin: string[] };

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

/**
 * A number as the page wrote it ("1,234", "0.843", "79.7") against the value the test computed:
 * equal to the precision written.
 */
function expectShown(text: string, value: number, what: string): void {
  expect(text, what).toMatch(/^\d{1,3}(,\d{3})*(\.\d+)?$/);
  const decimals = text.split('.')[1]?.length ?? 0;
  expect(Math.abs(Number(text.replace(/,/g, '')) - value), `${what}: ${text} vs ${value}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
  // Never fewer than two significant digits for a fraction (a rate of 0.04 % is not "0").
  if (value !== 0 && Math.abs(value) < 10 && !Number.isInteger(value)) expect(text.replace(/^[0.,]+/, '').replace(/[.,]/g, '').length, `${what}: ${text}`).toBeGreaterThanOrEqual(2);
}

describe.skipIf(E2E_DISABLED)("A place's summary end to end (Chromium)", () => {
  let session: DashboardSession;
  let url: string;
  let browser: Browser;
  const cache = new Map<string, Promise<unknown>>();
  /** The API as a reader following a link sees it (each link answers 200). */
  const json = <T>(u: string): Promise<T> => {
    let hit = cache.get(u);
    if (!hit) {
      hit = fetch(url + u).then((r) => {
        expect(r.status, u).toBe(200);
        return r.json();
      });
      cache.set(u, hit);
    }
    return hit as Promise<T>;
  };

  beforeAll(async () => {
    session = await openDashboardSession({ webDist: WEB_DIST });
    ({ url, browser } = session);
  }, 600_000);
  afterAll(() => session?.close());

  /** One page load per language; the other places are reached as the dashboard does (history + popstate). */
  async function showAll(lang: 'en' | 'zh'): Promise<Map<string, Shown>> {
    const page = await browser.newPage();
    const shown = new Map<string, Shown>();
    try {
      for (const [i, key] of PLACES.entries()) {
        const q = `?tab=chart&loc=${key}&lang=${lang}`;
        if (i === 0) await page.goto(`${url}/${q}`);
        else await page.evaluate((search) => { history.pushState(null, '', search); dispatchEvent(new PopStateEvent('popstate')); }, q);
        await page.waitForSelector(`section.place-summary[data-place="${key}"]:not([data-state="loading"])`, { timeout: 120_000 });
        shown.set(key, await read(page, key));
        if (key === 'BG') await page.locator('section.place-summary').screenshot({ path: path.join(SCREENSHOTS, `place-summary-${lang}.png`) });
      }
    } finally {
      await page.close();
    }
    return shown;
  }

  async function read(page: Page, key: string): Promise<Shown> {
    return page.evaluate(({ key, pattern }) => {
      const section = document.querySelector(`section.place-summary[data-place="${key}"]`)!;
      const links = Array.from(section.querySelectorAll('a[data-fact]')).map((a) => ({ fact: (a as HTMLElement).dataset.fact!, href: a.getAttribute('href')!, text: a.textContent! }));
      const unlinkedDigits: string[] = [];
      const latin: string[] = [];
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (el.closest('[translate="no"]')) continue;
        if (!el.closest('a') && /\d/.test(n.textContent!)) unlinkedDigits.push(n.textContent!);
        latin.push(...(n.textContent!.match(new RegExp(pattern, 'gu')) ?? []));
      }
      return { state: (section as HTMLElement).dataset.state!, links, unlinkedDigits, text: section.textContent!, latin };
    }, { key, pattern: /\p{Script=Latin}{2,}/u.source });
  }

  /** The value of a fact, computed by the test from the answer of the fact's own link (and, for "latest", the whole series). */
  async function expected(key: string, fact: string, href: string): Promise<number | string> {
    const q = new URL(href, url).searchParams;
    const [group, ...rest] = fact.split('.');
    if (group === 'week') {
      expect(q.get('location')).toBe(key);
      expect(q.get('transform')).toBe('daily');
      const from = q.get('from')!;
      const to = q.get('to')!;
      expect(day(to) - day(from)).toBe(13);
      // "Latest": the week ends on the last day of the whole daily series that has a value.
      const whole = (await json<Series>(`/v1/series?location=${key}&metric=confirmed&transform=daily`)).series[0];
      expect(iso(day(whole.start!) + whole.values.findLastIndex((v) => v !== null))).toBe(to);
      const s = (await json<Series>(href)).series[0];
      const at = (d: number) => s.values[d + day(from) - day(s.start!)] ?? null;
      const sum = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => at(a + i)).reduce<number>((n, v) => n + (v ?? 0), 0);
      const prev = sum(0, 7);
      const last = sum(7, 14);
      const valued = Array.from({ length: 14 }, (_, i) => at(i)).filter((v) => v !== null).length;
      const values: Record<string, number | string> = { end: to, prevEnd: iso(day(to) - 7), last, prev, diff: Math.abs(last - prev), pct: (Math.abs(last - prev) / prev) * 100, missing: 14 - valued, days: 14 };
      return values[rest[0]];
    }
    if (group === 'rt') {
      const answer = await json<Rt>(href);
      expect(answer.data).toHaveLength(1);
      const w = answer.data[0];
      expect(q.get('from')).toBe(w.window_end);
      // The latest window of the whole estimate.
      const whole = await json<Rt>(`/v1/models/rt?location=${key}&metric=confirmed`);
      expect(whole.data.at(-1)!.window_end).toBe(w.window_end);
      const seg = answer.meta.incidence.segments.at(-1)!;
      const values: Record<string, number | string> = {
        end: w.window_end, mean: w.mean, lower: w.q0_025, upper: w.q0_975, level: 95, chanceBelow1: w.prob_below_1 * 100, cases: w.cases,
        imputedDays: w.imputed_days, days: day(w.window_end) - day(w.window_start) + 1, segmentFrom: seg.start, segmentTo: seg.end,
      };
      return values[rest[0]];
    }
    if (group === 'anomalies') {
      expect(q.get('location')).toBe(key);
      if (rest[0] !== 'total') expect(q.get('code')).toBe(rest[0]);
      const answer = await json<{ meta: { total: number }; data: { code: string; location: string }[] }>(href);
      expect(answer.data.every((a) => a.location === key && (rest[0] === 'total' || a.code === rest[0]))).toBe(true);
      expect(answer.data).toHaveLength(answer.meta.total);
      return answer.meta.total;
    }
    if (group === 'compare') {
      // Agreement recomputed from the values side by side: days both report, days they differ, mean relative difference.
      const [source, what] = rest;
      const c = await json<Compare>(href);
      const ref = c.sources.find((s) => s.source === c.meta.reference)!.values;
      const other = c.sources.find((s) => s.source === source)!.values;
      const start = day((c as unknown as { start: string }).start);
      let compared = 0;
      let differing = 0;
      let rel = 0;
      const dates: string[] = [];
      ref.forEach((a, i) => {
        const b = other[i];
        if (a === null || b === null) return;
        compared++;
        if (a !== b) (differing++, dates.push(iso(start + i)));
        rel += a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
      });
      const values: Record<string, number | string> = { compared, differing, meanRelDiff: (rel / compared) * 100, first: dates[0], last: dates.at(-1)! };
      return values[what];
    }
    if (group === 'health') {
      const h = await json<Health>(href);
      const s = h.sources.find((x) => x.id === rest[0])!;
      expect(s.state).toBe('frozen');
      return s.frozen_on!;
    }
    throw new Error(`unknown fact ${fact}`);
  }

  it('says each number the API gives, linked to the query that gives it, in English and in Chinese', async () => {
    const [en, zh] = [await showAll('en'), await showAll('zh')];
    for (const key of PLACES) {
      const e = en.get(key)!;
      const z = zh.get(key)!;
      expect(e.state, key).toBe('done');
      expect(z.state, key).toBe('done');
      // Every number or date is a link; the Chinese page links the same facts to the same queries, and says the same numbers.
      expect(e.unlinkedDigits, key).toEqual([]);
      expect(z.unlinkedDigits, key).toEqual([]);
      expect(z.links.map((l) => [l.fact, l.href]), key).toEqual(expect.arrayContaining(e.links.map((l) => [l.fact, l.href])));
      expect(z.links, key).toHaveLength(e.links.length);
      for (const l of e.links) {
        const other = z.links.find((x) => x.fact === l.fact)!;
        if (!/^\d{4}-/.test(String(await expected(key, l.fact, l.href)))) expect(other.text, `${key} ${l.fact}`).toBe(l.text);
      }
      // Chinese: no Latin words but those the Chinese catalogue uses (Rt, API); names are data.
      const allowed = catalogueLatinWords();
      expect(z.latin.filter((w) => !allowed.has(w)), key).toEqual([]);
      for (const [lang, shown] of [['en', e], ['zh', z]] as const) {
        for (const l of shown.links) {
          const want = await expected(key, l.fact, l.href);
          if (typeof want === 'string') expect(l.text, `${key} ${l.fact}`).toBe(new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${want}T00:00:00Z`)));
          else expectShown(l.text, want, `${key} ${lang} ${l.fact}`);
        }
      }
    }

    // What each place is chosen for is in its summary.
    const facts = (key: string) => en.get(key)!.links.map((l) => l.fact);
    expect(facts('DE')).toEqual(expect.arrayContaining(['week.last', 'compare.who.differing', 'compare.who.meanRelDiff', 'rt.cases']));
    expect(en.get('DE')!.text).toContain('Rt is not estimated for the week to');
    expect(facts('US_CA')).toEqual(expect.arrayContaining(['week.pct', 'rt.mean', 'rt.lower', 'rt.upper', 'rt.chanceBelow1', 'health.jhu-us.frozen']));
    expect(facts('BG')).toEqual(expect.arrayContaining(['anomalies.total', 'anomalies.backlog_dump', 'rt.segmentFrom', 'week.missing']));
    expect(facts('US_WA_53001')).toEqual(expect.arrayContaining(['anomalies.negative_change', 'rt.imputedDays']));
    expect(en.get('US_TX')!.links).toEqual([]);
    expect(en.get('US_TX')!.text).toContain('There are no case counts for');
    expect(zh.get('US_TX')!.text).toContain('没有病例数据');

    // Every link answers 200 (json() checks it), the ones not yet followed too.
    const hrefs = new Set([...en.values(), ...zh.values()].flatMap((s) => s.links.map((l) => l.href)));
    for (const href of hrefs) await json(href);
  }, 300_000);
});
