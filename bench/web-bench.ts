/**
 * The dashboard benchmark: production bundle size (gzipped JS + CSS of the first load) and, in
 * headless Chromium on loopback, the time from navigation to the first chart, to the world map
 * and to the US county map being drawn (Performance API marks set by the page), median of 5.
 * Run alone: npx tsx -e "import('./bench/web-bench.ts').then(m=>m.runWebBench(console.log))"
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp } from '../src/api/app.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { jhuGlobal } from '../src/sources/jhu-global/index.js';
import { jhuUs } from '../src/sources/jhu-us/index.js';
import { who } from '../src/sources/who/index.js';
import { buildWeb, launchChromium, WEB_DIST } from '../test/e2e/dashboard-harness.js';
import { openTestDb } from '../test/databases.js';
import { JHU_GLOBAL_FILES, makeMirror } from '../test/mirror.js';
import type { Verdict } from './format.js';

export const WEB_GOALS = { initialGzipKB: 250, firstChartMs: 1000, countyMapMs: 1500 } as const;
const RUNS = 5;

export interface WebBenchResult {
  initialGzipBytes: number;
  files: { file: string; bytes: number; gzip: number; initial: boolean }[];
  timings: { view: string; mark: string; coldMs: number; medianMs: number; runsMs: number[]; goalMs: number | null }[];
}

const gz = (buf: Buffer) => gzipSync(buf).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The files of the first load: index.html and what it links (entry script, CSS, preloads). */
function bundleSizes(): WebBenchResult['files'] {
  const html = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]));
  const assets = readdirSync(path.join(WEB_DIST, 'assets')).map((f) => `assets/${f}`);
  return ['index.html', ...assets].map((file) => {
    const buf = readFileSync(path.join(WEB_DIST, file));
    return { file, bytes: statSync(path.join(WEB_DIST, file)).size, gzip: gz(buf), initial: file === 'index.html' || initial.has(file) };
  });
}

export async function runWebBench(log: (s?: string) => void): Promise<WebBenchResult> {
  log('web: building the dashboard (vite build → dist/web)');
  buildWeb();
  const files = bundleSizes();
  const initialGzipBytes = files.filter((f) => f.initial && /\.(js|css)$/.test(f.file)).reduce((s, f) => s + f.gzip, 0);
  for (const f of files) log(`  ${f.initial ? 'initial' : 'lazy   '}  ${f.file.padEnd(44)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KB  gzip ${(f.gzip / 1024).toFixed(1).padStart(7)} KB`);
  log(`web: initial load JS + CSS gzipped ${(initialGzipBytes / 1024).toFixed(1)} KB (goal ≤ ${WEB_GOALS.initialGzipKB} KB) ${initialGzipBytes / 1024 <= WEB_GOALS.initialGzipKB ? 'OK' : 'OVER'}`);

  // A database like a real one's shape: all countries (JHU global, WHO) and every US county (JHU US, 2020).
  log('web: ingesting JHU global, JHU US (all counties) and WHO into PGlite…');
  const t0 = Date.now();
  const mirror = await makeMirror({
    ...JHU_GLOBAL_FILES,
    'jhu/time_series_us/time_series_covid19_confirmed_US_asof_2020-12-31.csv.gz': 'jhu/time_series_us/time_series_covid19_confirmed_US_asof_2020-12-31.csv.gz',
    'jhu/time_series_us/time_series_covid19_deaths_US_asof_2021-04-22.csv.gz': 'jhu/time_series_us/time_series_covid19_deaths_US_asof_2021-04-22.csv.gz',
    'who/WHO-COVID-19-global-data_asof_2024-08.csv.gz': 'who/WHO-COVID-19-global-data_asof_2024-08.csv.gz',
  });
  const t = await openTestDb('pglite');
  const timings: WebBenchResult['timings'] = [];
  try {
    const runs = await ingestAll({ db: t.db, origin: { kind: 'mirror', root: mirror.root }, clock: () => new Date(), log: silentLogger }, [jhuGlobal, jhuUs, who]);
    const failed = runs.filter((r) => r.status === 'failed');
    if (failed.length) throw new Error(`web bench: ingest failed: ${failed.map((r) => `${r.sourceId}: ${r.error}`).join('; ')}`);
    log(`web: ingested in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const app = await buildApp({ db: t.db, webRoot: WEB_DIST });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const browser = await launchChromium();
    try {
      const views = [
        { view: 'first chart (US, DE, FR, 7-day avg per 100k)', url: '/?tab=chart&loc=US,DE,FR', mark: 'glacier:first-chart', goalMs: WEB_GOALS.firstChartMs },
        { view: 'world map (default view)', url: '/', mark: 'glacier:map-drawn', goalMs: null },
        { view: 'US county map (3,142 shapes)', url: '/?region=US&counties=1&date=2020-12-01', mark: 'glacier:county-map-drawn', goalMs: WEB_GOALS.countyMapMs },
      ];
      for (const v of views) {
        const runsMs: number[] = [];
        // Run 0 is cold on the server (its map matrix is built once per data version); runs 1–5 are the median's.
        for (let i = 0; i <= RUNS; i++) {
          // A fresh browser context each time: nothing cached on the client side.
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          const page = await context.newPage();
          await page.goto(base + v.url);
          // Strings, not functions: tsx's name helpers do not exist in the page.
          const found = `performance.getEntriesByName(${JSON.stringify(v.mark)}, 'mark')`;
          await page.waitForFunction(`${found}.length > 0`, null, { timeout: 60_000 });
          const ms = (await page.evaluate(`${found}[0].startTime`)) as number;
          runsMs.push(Math.round(ms));
          if (i === 0 && v.mark !== 'glacier:first-chart') log(`web:   ${v.view}: ${await page.evaluate('JSON.stringify(window.__glacier.map)')}`);
          await context.close();
        }
        const [coldMs, ...warm] = runsMs;
        const result = { view: v.view, mark: v.mark, coldMs, medianMs: median(warm), runsMs: warm, goalMs: v.goalMs };
        timings.push(result);
        log(`web: ${v.view.padEnd(46)} median ${String(result.medianMs).padStart(5)} ms (runs ${warm.join(', ')}; first, cold server ${coldMs} ms)${v.goalMs ? ` goal ≤ ${v.goalMs} ms ${result.medianMs <= v.goalMs ? 'OK' : 'OVER'}` : ''}`);
      }
    } finally {
      await browser.close();
      await app.close();
    }
  } finally {
    await t.drop();
    await mirror.cleanup();
  }
  return { initialGzipBytes, files, timings };
}

/** The summary lines and PASS/MISS verdicts of part 5. */
export function webSummary(r: WebBenchResult): { lines: string[]; verdicts: Verdict[] } {
  const kb = r.initialGzipBytes / 1024;
  const lines = [`web: first load ${kb.toFixed(1)} KB gzipped; ${r.timings.map((t) => `${t.view.split(' (')[0]} ${t.medianMs} ms (cold ${t.coldMs} ms)`).join(' · ')}`];
  const verdicts: Verdict[] = [{ goal: `dashboard first load JS + CSS ≤ ${WEB_GOALS.initialGzipKB} KB gzipped`, measured: `${kb.toFixed(1)} KB`, pass: kb <= WEB_GOALS.initialGzipKB }];
  for (const t of r.timings) {
    if (t.goalMs !== null) verdicts.push({ goal: `navigation → ${t.view.split(' (')[0]} ≤ ${t.goalMs} ms (median of ${RUNS})`, measured: `${t.medianMs} ms`, pass: t.medianMs <= t.goalMs });
  }
  return { lines, verdicts };
}
