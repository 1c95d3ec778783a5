/**
 * Part 4: the models. Rt for every JHU location against EpiEstim (when R is installed), the same
 * read from a store, and one SEIR fit on a real country series.
 */
import { ratio } from './format.js';
import type { Verdict } from './format.js';
import { runRtBench, type RtBenchResult } from './rt-bench.js';
import { runRtStoreBench, type RtStoreBenchResult } from './rt-store-bench.js';
import { runSeirBench, type SeirBenchResult } from './seir-bench.js';
import { FIT_GOAL_SECONDS, runCasesBench, type CasesBenchResult } from './cases-bench.js';
import { BENCH_PG_URL } from './config.js';
import { GENOMES_GOAL_SECONDS, runGenomesBench, runSearchBench, SEARCH_P99_GOAL_MS } from './research-bench.js';
import { probePostgres } from './targets.js';

export interface ModelsBenchResult {
  rt: RtBenchResult | null;
  rtStore: RtStoreBenchResult | null;
  seir: SeirBenchResult | null;
  cases: CasesBenchResult | null;
  lines: string[];
  verdicts: Verdict[];
  notes: string[];
}

/** Rt must be at least this many times faster than EpiEstim's estimate_R loop, with the same numbers. */
const RT_MIN_SPEEDUP = 20;
const RT_MAX_REL_DIFF = 1e-9;

export async function runModelsBench(log: (s?: string) => void): Promise<ModelsBenchResult> {
  const out: ModelsBenchResult = { rt: null, rtStore: null, seir: null, cases: null, lines: [], verdicts: [], notes: [] };
  try {
    const rt = (out.rt = await runRtBench(log));
    out.lines.push(`rt: ${rt.locations.toLocaleString('en-US')} locations, ${rt.windows.toLocaleString('en-US')} windows in ${(rt.wallMs / 1000).toFixed(2)} s (${Math.round(rt.locationsPerSecond).toLocaleString('en-US')} locations/s)`);
    if (rt.reference) {
      const r = rt.reference;
      out.lines.push(`  EpiEstim on ${r.series.toLocaleString('en-US')} series: loop ${(r.loopMs / 1000).toFixed(1)} s (${ratio(r.loopRatio)}), process ${(r.processMs / 1000).toFixed(1)} s; max rel. diff ${r.maxRelDiff.toExponential(1)}`);
      out.verdicts.push({ goal: `Rt ≥ ${RT_MIN_SPEEDUP}× faster than EpiEstim`, measured: ratio(r.loopRatio), pass: r.loopRatio >= RT_MIN_SPEEDUP });
      out.verdicts.push({ goal: `Rt numbers = EpiEstim's (≤ ${RT_MAX_REL_DIFF} relative)`, measured: r.maxRelDiff.toExponential(2), pass: r.maxRelDiff <= RT_MAX_REL_DIFF });
    }
    if (rt.note) out.notes.push(rt.note);
  } catch (err) {
    const note = `Rt benchmark FAILED: ${(err as Error).message.split('\n')[0]}`;
    log(note);
    out.notes.push(note);
  }
  log('');
  try {
    const r = (out.rtStore = await runRtStoreBench(log));
    out.lines.push(`rt from the store (${r.target}): ${r.locations.toLocaleString('en-US')} locations in ${(r.wallMs / 1000).toFixed(2)} s (${Math.round(r.locationsPerSecond).toLocaleString('en-US')} locations/s; reading ${(r.readMs / 1000).toFixed(2)} s)`);
  } catch (err) {
    const note = `Rt-from-the-store benchmark FAILED: ${(err as Error).message.split('\n')[0]}`;
    log(note);
    out.notes.push(note);
  }
  log('');
  try {
    const s = (out.seir = await runSeirBench(log));
    out.lines.push(`seir fit: ${s.country}, ${s.days} days: ${s.medianSeconds.toFixed(2)} s median of 3 (CPU ${s.cpuSeconds.toFixed(2)} s), ${s.evaluations.toLocaleString('en-US')} evaluations, R0 ${s.r0.toFixed(2)}`);
    out.verdicts.push({ goal: `one SEIR fit on a real country series < ${s.goalSeconds} s`, measured: `${s.medianSeconds.toFixed(2)} s`, pass: s.pass });
  } catch (err) {
    const note = `SEIR benchmark FAILED: ${(err as Error).message.split('\n')[0]}`;
    log(note);
    out.notes.push(note);
  }
  log('');
  try {
    const c = (out.cases = await runCasesBench(log));
    out.lines.push(`line lists: ${c.cases.toLocaleString('en-US')} cases ingested in ${c.ingestSeconds.toFixed(2)} s (PGlite)`);
    for (const [what, fits] of [['delay fit (onset→confirmation)', c.delay], ['incubation fit', c.incubation]] as const) {
      const slowest = fits.reduce((a, b) => (b.seconds > a.seconds ? b : a));
      out.lines.push(`${what}, 1,000 bootstrap samples: ${fits.map((f) => `${f.family} ${f.seconds.toFixed(2)} s`).join(', ')} (${fits[0].n} cases)`);
      out.verdicts.push({ goal: `${what} with 1,000 bootstrap samples < ${FIT_GOAL_SECONDS} s per family`, measured: `${slowest.seconds.toFixed(2)} s (${slowest.family})`, pass: slowest.seconds < FIT_GOAL_SECONDS });
    }
  } catch (err) {
    const note = `line-list benchmark FAILED: ${(err as Error).message.split('\n')[0]}`;
    log(note);
    out.notes.push(note);
  }
  log('');
  try {
    const pg = await probePostgres(BENCH_PG_URL);
    for (const s of await runSearchBench(pg.ok ? BENCH_PG_URL : null, log)) {
      out.lines.push(`literature search (${s.target}, ${s.papers.toLocaleString('en-US')} papers): one word p99 ${s.one.p99.toFixed(1)} ms, three words p99 ${s.three.p99.toFixed(1)} ms`);
      if (s.target === 'PostgreSQL') {
        const worst = Math.max(s.one.p99, s.three.p99);
        out.verdicts.push({ goal: `literature search p99 ≤ ${SEARCH_P99_GOAL_MS} ms on PostgreSQL (one and three words)`, measured: `${s.one.p99.toFixed(1)} / ${s.three.p99.toFixed(1)} ms`, pass: worst <= SEARCH_P99_GOAL_MS });
      }
    }
    const g = runGenomesBench(log);
    out.lines.push(`sequences: ${g.genomes} genomes in ${g.seconds.toFixed(2)} s (${Math.round(g.perSecond)} genomes/s)`);
    out.verdicts.push({ goal: `418 genomes aligned, annotated, clade-assigned, QC-scored < ${GENOMES_GOAL_SECONDS} s`, measured: `${g.seconds.toFixed(2)} s`, pass: g.seconds < GENOMES_GOAL_SECONDS });
  } catch (err) {
    const note = `research-data benchmark FAILED: ${(err as Error).message.split('\n')[0]}`;
    log(note);
    out.notes.push(note);
  }
  return out;
}
