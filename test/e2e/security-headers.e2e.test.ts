import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/api/app.js';
import type { ApiFixture } from '../api-fixture.js';
import { cachedFolder } from '../fixture-cache.js';
import { apiFixture, buildWeb, E2E_DISABLED, launchChromium, ROOT } from './dashboard-harness.js';

/** Its own build folder: the dashboard suite builds dist/web-e2e at the same time. */
const WEB_DIST = path.join(ROOT, 'dist/web-e2e-csp');

/**
 * The security headers (helmet, on by default) must not break what the server serves to
 * browsers: the dashboard at / and Swagger UI at /docs load, render, and cause no
 * Content-Security-Policy violation in Chromium.
 */
describe.skipIf(E2E_DISABLED)('security headers keep the dashboard and Swagger UI working (Chromium)', () => {
  let fixture: ApiFixture;
  let app: App;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    // One Vite build per run (test/fixture-cache.ts), copied into this suite's folder.
    await cachedFolder('web-dist', WEB_DIST, buildWeb);
    fixture = await apiFixture('pglite');
    app = await buildApp({ db: fixture.t.db, webRoot: WEB_DIST });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await fixture?.close();
  });

  /** Opens `path` recording every CSP violation (the DOM event and Chromium's console report) and page error. */
  async function open(pathname: string): Promise<{ page: Page; problems: () => Promise<string[]> }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const console: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') console.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => console.push(`page error: ${e.message}`));
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`csp: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
    });
    const response = await page.goto(url + pathname);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    return { page, problems: async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))] };
  }

  it('/ draws the dashboard’s world map with no CSP violation', async () => {
    const { page, problems } = await open('/');
    await page.waitForFunction(() => {
      const m = (window as unknown as { __glacier?: { map?: { coloured?: number; error?: string } } }).__glacier?.map;
      return m && (m.coloured !== undefined || m.error);
    }, null, { timeout: 20_000 });
    expect(await page.locator('path.region.has-data').count()).toBeGreaterThan(150);
    expect(await page.locator('.legend li').count()).toBeGreaterThan(2);
    expect(await problems()).toEqual([]);
    await page.close();
  });

  it('/docs shows Swagger UI’s list of operations with no CSP violation', async () => {
    const { page, problems } = await open('/docs');
    await page.waitForSelector('.opblock', { timeout: 20_000 });
    const operations = await page.locator('.opblock').count();
    const documented = Object.values((await (await fetch(url + '/openapi.json')).json()).paths as Record<string, object>).reduce((n: number, item) => n + Object.keys(item).length, 0);
    expect(operations).toBe(documented);
    // Expanding an operation renders its parameters (Swagger's React UI works, not only its first paint).
    await page.locator('.opblock-summary').first().click();
    await page.waitForSelector('.opblock-body', { timeout: 10_000 });
    expect(await problems()).toEqual([]);
    await page.close();
  });
});
