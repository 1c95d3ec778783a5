/**
 * Rt for every location of the final JHU time series (global rows, the country totals of split
 * countries, US counties), default settings, one process, no database; then, where R and EpiEstim
 * are installed, EpiEstim's estimate_R on the same series in one Rscript process, with the ratio
 * of the times and the largest relative difference of the numbers. Run alone:
 *   npx tsx -e "import('./bench/rt-bench.ts').then(m=>m.runRtBench(console.log))"
 * BENCH_RT_REFERENCE_MAX=N runs EpiEstim on every k-th series only (N of them; all by default).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SourceSeries } from '../src/domain/series.js';
import { COVID_SERIAL_INTERVAL } from '../src/query/rt.js';
import { estimateRt, RT_DEFAULTS, type RtWindowEstimate } from '../src/models/rt/estimate-rt.js';
import { rtSegments } from '../src/models/rt/rt-input.js';
import { parseJhuGlobal } from '../src/sources/jhu-global/parse.js';
import { parseJhuUs } from '../src/sources/jhu-us/parse.js';
import { REPO_ROOT, SHARED_DATA } from './config.js';
import { defaultIngestFiles } from './files.js';
import { int, ratio, seconds, table } from './format.js';

export interface RtBenchResult {
  locations: number;
  segments: number;
  windows: number;
  /** Daily incidence made complete (rtSegments). */
  prepMs: number;
  estimateMs: number;
  wallMs: number;
  locationsPerSecond: number;
  reference: null | { series: number; loopMs: number; processMs: number; oursMs: number; loopRatio: number; processRatio: number; maxRelDiff: number; numbers: number };
  note: string | null;
}

const SI = { kind: 'parametric' as const, ...COVID_SERIAL_INTERVAL };
const WINDOW = RT_DEFAULTS.window;

interface Location {
  key: string;
  cumulative: ArrayLike<number>;
}

/** The cumulative confirmed series of every location, read with the connectors' own parsers. */
async function loadLocations(): Promise<Location[]> {
  const files = (await defaultIngestFiles(SHARED_DATA)).filter((f) => f.fileId === 'confirmed');
  const read = (p: string) => ({ fileId: 'confirmed', name: path.basename(p), text: gunzipSync(readFileSync(p)).toString('utf8') });
  const out: Location[] = [];
  const byCountry = new Map<string, SourceSeries[]>();
  for (const f of files) {
    const parsed = f.sourceId === 'jhu-global' ? parseJhuGlobal([read(f.path)]) : parseJhuUs([read(f.path)]);
    for (const s of parsed.series) {
      const p = s.place;
      const key = p.kind === 'names' ? `${p.country}|${p.province}` : p.kind === 'jhu-uid' ? `uid ${p.uid}` : JSON.stringify(p);
      out.push({ key, cumulative: s.values });
      if (f.sourceId === 'jhu-global' && p.kind === 'names') byCountry.set(p.country, [...(byCountry.get(p.country) ?? []), s]);
    }
  }
  // Countries JHU gives only by province (China, Canada, Australia): Glacier derives their totals.
  for (const [country, rows] of byCountry) {
    if (rows.some((r) => r.place.kind === 'names' && r.place.province === '')) continue;
    const n = rows[0].values.length;
    const total = new Float64Array(n);
    for (let i = 0; i < n; i++) for (const r of rows) total[i] += r.values[i];
    out.push({ key: `${country}|(total)`, cumulative: total });
  }
  return out;
}

/** Daily changes as src/api/model-input.ts reads them (no anomaly flags without the database). */
function changes(cumulative: ArrayLike<number>) {
  const n = cumulative.length;
  const daily = new Float64Array(n).fill(Number.NaN);
  const covers = new Int32Array(n);
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(cumulative[i])) continue;
    if (prev >= 0) (daily[i] = cumulative[i] - cumulative[prev]), (covers[i] = i - prev);
    prev = i;
  }
  return { daily, covers, flags: [] as string[][] };
}

/** The incidence segments Rt is estimated on (those long enough for a window). */
function inputsOf(locations: Location[]): Float64Array[][] {
  return locations.map((l) => rtSegments(changes(l.cumulative)).filter((s) => s.values.length >= WINDOW + 1).map((s) => s.values));
}

function estimateAll(inputs: Float64Array[][]): { segments: number; windows: number } {
  let segments = 0;
  let windows = 0;
  for (const location of inputs) {
    for (const values of location) {
      windows += estimateRt(values, { serialInterval: SI }).windows.length;
      segments++;
    }
  }
  return { segments, windows };
}

function hasEpiEstim(): boolean {
  const r = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(EpiEstim))'], { encoding: 'utf8' });
  return r.status === 0;
}

export async function runRtBench(log: (s?: string) => void = console.log): Promise<RtBenchResult> {
  const t0 = performance.now();
  const locations = await loadLocations();
  log(`read ${int(locations.length)} locations (JHU global rows, split countries' totals, US counties) in ${seconds(performance.now() - t0)} s`);

  const prepStart = performance.now();
  const inputs = inputsOf(locations);
  const prepMs = performance.now() - prepStart;
  const all = inputs.flat();
  const reference = hasEpiEstim();
  // EpiEstim on every k-th series when BENCH_RT_REFERENCE_MAX asks for fewer; Glacier timed on the
  // same ones first, before any other estimate has warmed its cache of gamma quantiles.
  const max = Number(process.env.BENCH_RT_REFERENCE_MAX) || all.length;
  const step = Math.max(1, Math.ceil(all.length / max));
  const series = all.filter((_, i) => i % step === 0);
  let subsetMs = 0;
  if (reference && step > 1) {
    const s0 = performance.now();
    for (const values of series) estimateRt(values, { serialInterval: SI });
    subsetMs = performance.now() - s0;
  }

  const start = performance.now();
  const { segments, windows } = estimateAll(inputs);
  const estimateMs = performance.now() - start;
  const wallMs = prepMs + estimateMs;
  const result: RtBenchResult = { locations: locations.length, segments, windows, prepMs, estimateMs, wallMs, locationsPerSecond: locations.length / (wallMs / 1000), reference: null, note: null };
  log(table(['Rt, default settings (SI 4.7/2.9, 7-day windows), 1 process', 'locations', 'segments', 'windows', 'incidence s', 'estimate s', 'wall s', 'locations/s'], [
    ['Glacier', int(locations.length), int(segments), int(windows), seconds(prepMs), seconds(estimateMs), seconds(wallMs), int(result.locationsPerSecond)],
  ]));

  if (!reference) {
    result.note = 'EpiEstim reference skipped: Rscript or the R package EpiEstim is not installed (apt-get install r-cran-epiestim).';
    log(result.note);
    return result;
  }
  const oursMs = step === 1 ? estimateMs : subsetMs;
  const dir = mkdtempSync(path.join(tmpdir(), 'glacier-rt-bench-'));
  try {
    const input = path.join(dir, 'incidence.txt');
    const output = path.join(dir, 'epiestim.bin');
    writeFileSync(input, series.map((v) => Array.from(v).join(',')).join('\n') + '\n');
    log(`EpiEstim ${rVersion()}: estimate_R on the same ${int(series.length)} incidence series${step > 1 ? ` (every ${step}th; BENCH_RT_REFERENCE_MAX)` : ''}, one Rscript process…`);
    const r0 = performance.now();
    const stdout = execFileSync('Rscript', [path.join(REPO_ROOT, 'bench/rt-reference.R'), input, output, String(SI.mean), String(SI.sd)], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
    const processMs = performance.now() - r0;
    const loopMs = Number(/loop_seconds ([\d.]+)/.exec(stdout)?.[1]) * 1000;
    const { maxRelDiff, numbers } = compare(series, readFileSync(output));
    result.reference = { series: series.length, loopMs, processMs, oursMs, loopRatio: loopMs / oursMs, processRatio: processMs / oursMs, maxRelDiff, numbers };
    log(table(['same series, estimation only', 'wall s', 'EpiEstim ÷ Glacier'], [
      ['Glacier estimateRt', seconds(oursMs), ''],
      ['EpiEstim estimate_R loop (timed in R)', seconds(loopMs), ratio(loopMs / oursMs)],
      ['EpiEstim whole Rscript process', seconds(processMs), ratio(processMs / oursMs)],
    ]));
    log(`same numbers: ${int(numbers)} compared (mean, sd, 7 quantiles of every window EpiEstim gives), largest relative difference ${maxRelDiff.toExponential(2)}`);
    log(`${loopMs / oursMs >= 20 ? 'PASS' : 'MISS'}  Rt ≥ 20× faster than EpiEstim (estimation loop): ${ratio(loopMs / oursMs)}`);
    log(`${maxRelDiff <= 1e-9 ? 'PASS' : 'MISS'}  same numbers as EpiEstim (≤ 1e-9 relative): ${maxRelDiff.toExponential(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

/** Our windows against EpiEstim's rows (it leaves out windows ending within one mean SI). */
function compare(series: Float64Array[], bin: Buffer): { maxRelDiff: number; numbers: number } {
  const r = new Float64Array(bin.buffer, bin.byteOffset, bin.byteLength / 8);
  let at = 0;
  let worst = 0;
  let numbers = 0;
  for (const values of series) {
    const rows = r[at++];
    const ours = new Map<number, RtWindowEstimate>(estimateRt(values, { serialInterval: SI }).windows.map((w) => [w.start + 1, w]));
    for (let i = 0; i < rows; i++, at += 11) {
      const w = ours.get(r[at]);
      if (!w || w.end + 1 !== r[at + 1]) throw new Error(`EpiEstim has a window ${r[at]}..${r[at + 1]} Glacier has not`);
      const mine = [w.mean, w.sd, w.q0_025, w.q0_05, w.q0_25, w.median, w.q0_75, w.q0_95, w.q0_975];
      for (let j = 0; j < 9; j++, numbers++) worst = Math.max(worst, Math.abs(mine[j] - r[at + 2 + j]) / Math.abs(r[at + 2 + j]));
    }
  }
  if (at !== r.length) throw new Error('EpiEstim output longer than expected');
  return { maxRelDiff: worst, numbers };
}

function rVersion(): string {
  const r = spawnSync('Rscript', ['-e', 'cat(as.character(packageVersion("EpiEstim")), R.version$version.string)'], { encoding: 'utf8' });
  return r.stdout.trim();
}
