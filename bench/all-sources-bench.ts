/**
 * Part 2: every source and every vintage in the mirror (`--scope all`), ingested into a fresh
 * database per target in a child process. The goal is a wall time on PostgreSQL; there is no
 * outside tool that loads these 14 sources, so the reference is the goal itself, and the JHU
 * part 1 figures of the same run show the machine's pace.
 */
import { GOALS } from './config.js';
import { isStopping, runJsonChild } from './child.js';
import { cleanupNow, onCleanup } from './cleanup.js';
import { fixed, int, seconds, table, verdictLines, type Verdict } from './format.js';
import type { CreateChildResult, IngestChildResult } from './ingest-child.js';
import { freshPglite, freshPostgresSchema, type BenchTarget } from './targets.js';

export interface AllSourcesMeasure {
  target: BenchTarget['name'];
  result: IngestChildResult;
}

export interface AllSourcesBenchResult {
  measures: AllSourcesMeasure[];
  failures: { target: string; error: string }[];
  verdicts: Verdict[];
}

export async function runAllSourcesBench(names: BenchTarget['name'][], pgUrl: string, log: (s: string) => void): Promise<AllSourcesBenchResult> {
  const measures: AllSourcesMeasure[] = [];
  const failures: { target: string; error: string }[] = [];
  for (const name of names) {
    if (isStopping()) break;
    const t = name === 'PostgreSQL' ? await freshPostgresSchema(pgUrl) : await freshPglite();
    onCleanup(`${t.name} (all sources)`, () => t.drop());
    log(`${t.name} (${t.where})…`);
    try {
      const created = await runJsonChild<CreateChildResult>('bench/ingest-child.ts', [JSON.stringify(t.target), '--create-only']);
      log(`  database created and migrated in a child of its own: ${seconds(created.setupMs)} s, peak RSS ${fixed(created.maxRssMB, 0)} MB (not counted)`);
      const result = await runJsonChild<IngestChildResult>('bench/ingest-child.ts', [JSON.stringify(t.target), '--scope', 'all']);
      measures.push({ target: t.name, result });
      const slowest = [...result.runs].sort((a, b) => b.ms - a.ms).slice(0, 4);
      log(`  ${seconds(result.wallMs)} s; slowest sources: ${slowest.map((r) => `${r.sourceId} ${seconds(r.ms)} s`).join(', ')}`);
    } catch (err) {
      if (isStopping()) throw err;
      const error = (err as Error).message;
      failures.push({ target: t.name, error });
      log(`  FAILED: ${error}`);
    }
    await cleanupNow(`${t.name} (all sources)`, log);
  }
  log('');
  if (measures.length) {
    const sources = measures[0].result.runs.map((r) => r.sourceId);
    const rows = sources.map((id) => [id, ...measures.map((m) => seconds(m.result.runs.find((r) => r.sourceId === id)?.ms ?? NaN))]);
    log(table(['source', ...measures.map((m) => `${m.target} s`)], rows));
    log('');
    log(
      table(
        ['target', 'wall s', 'values', 'values/s', 'stored', 'observations', 'peak RSS MB'],
        measures.map((m) => [
          m.target,
          seconds(m.result.wallMs),
          int(m.result.values),
          int(m.result.values / (m.result.wallMs / 1000)),
          int(m.result.valuesStored),
          int(m.result.observations),
          fixed(m.result.maxRssMB, 0),
        ]),
      ),
    );
    log('');
  }
  const verdicts: Verdict[] = [];
  for (const m of measures) {
    const maxSeconds = m.target === 'PostgreSQL' ? GOALS.allSourcesMaxSeconds : GOALS.allSourcesPgliteMaxSeconds;
    verdicts.push({
      goal: `all sources and vintages on ${m.target} ≤ ${maxSeconds} s`,
      measured: `${seconds(m.result.wallMs)} s`,
      pass: m.result.wallMs <= maxSeconds * 1000,
    });
    verdicts.push({
      goal: `all-sources ingest peak RSS on ${m.target} ≤ ${GOALS.ingestMaxRssMB} MB`,
      measured: `${fixed(m.result.maxRssMB, 0)} MB`,
      pass: m.result.maxRssMB <= GOALS.ingestMaxRssMB,
    });
  }
  if (verdicts.length) log(verdictLines(verdicts));
  return { measures, failures, verdicts };
}
