import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp, type App } from '../../src/api/app.js';
import { apiFixture, type ApiFixture } from '../api-fixture.js';
import { cachedFolder } from '../fixture-cache.js';

/**
 * End-to-end harness: the production build of web/ served by the real API (buildApp + listen on
 * a random loopback port) over a database ingested from real data, driven in Debian's Chromium
 * by playwright-core. No browser is ever downloaded: .ci/run installs Debian's chromium.
 */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIST = path.join(ROOT, 'dist/web');
export const CHROMIUM = process.env.GLACIER_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshots of each main view, kept by CI as artefacts (README: "Dashboard"). */
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts/screenshots');
/** GLACIER_E2E=0 skips the browser tests on a machine without Chromium (never in CI). */
export const E2E_DISABLED = process.env.GLACIER_E2E === '0' && !process.env.CI;

/** The tests' own build: dist/web, which other suites' servers may be reading, is left alone. */
export const E2E_WEB_DIST = path.join(ROOT, 'dist/web-e2e');

/** Builds the dashboard with Vite (production build) into `outDir` (default dist/web, the folder `npm start` serves). */
export function buildWeb(outDir = WEB_DIST): void {
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { cwd: path.join(ROOT, 'web'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the dashboard's end-to-end tests need Debian's chromium (apt-get install -y chromium; .ci/run does it). Set GLACIER_E2E=0 to skip them locally.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface Dashboard {
  url: string;
  app: App;
  close(): Promise<void>;
}

/** The API and dashboard listening on 127.0.0.1 on a free port, over a fixture's database. */
export async function serveDashboard(fixture: ApiFixture): Promise<Dashboard> {
  const app = await buildApp({ db: fixture.t.db, versionTtlMs: 1000, webRoot: E2E_WEB_DIST });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}

/**
 * Collects into `problems` every Content-Security-Policy violation and page error of `page` (and
 * of the context's later pages): the research pages' last test expects none.
 */
export async function watchPageProblems(context: BrowserContext, page: Page, problems: string[]): Promise<void> {
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /CSP violation|Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
}

export { apiFixture };

/** Everything an end-to-end suite drives: the served dashboard over a fixture, and one browser page. */
export interface DashboardSession {
  url: string;
  fixture: ApiFixture;
  app: App;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** CSP violations and page errors seen so far (watchPageProblems); suites expect none. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * The setup every end-to-end suite shares (for its `beforeAll`): the dashboard built (once per run)
 * and copied into the suite's own folder `webDist` (other suites' servers may be reading theirs), the API over the
 * `api` fixture (or `research`'s) on a free loopback port, Chromium with one 1280×900 page
 * (`context` options such as `locale` added), and page problems collected.
 */
export async function openDashboardSession(opts: { webDist: string; research?: boolean; context?: Parameters<Browser['newContext']>[0] }): Promise<DashboardSession> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // One Vite build per run, copied: every suite's own folder holds the same files.
  await cachedFolder('web-dist', opts.webDist, buildWeb);
  const fixture = await apiFixture('pglite', { research: opts.research });
  const app = await buildApp({ db: fixture.t.db, versionTtlMs: 1000, webRoot: opts.webDist });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts.context });
  const page = await context.newPage();
  const problems: string[] = [];
  await watchPageProblems(context, page, problems);
  return {
    url, fixture, app, browser, context, page, problems,
    close: async () => {
      await context.close();
      await browser.close();
      await app.close();
      await fixture.close();
    },
  };
}
