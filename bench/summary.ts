/** The compact block printed at the end, meant to be pasted into a note. */
import type { ApiBenchResult } from './api-bench.js';
import { fixed, int, percent, ratio, seconds, verdictLines, type Verdict } from './format.js';
import type { AllSourcesBenchResult } from './all-sources-bench.js';
import type { IngestBenchResult } from './ingest-bench.js';
import type { ModelsBenchResult } from './models-bench.js';
import { servingSummaryLine, type ServingBenchResult } from './serving-bench.js';

export interface SummaryInput {
  machine: string;
  ingest: IngestBenchResult | null;
  allSources: AllSourcesBenchResult | null;
  api: ApiBenchResult[];
  serving: ServingBenchResult[];
  models: ModelsBenchResult | null;
  web: { lines: string[]; verdicts: Verdict[] } | null;
  notes: string[];
}

export function summaryBlock(s: SummaryInput): string {
  const lines = [`Glacier bench · ${s.machine}`];
  if (s.ingest) {
    const d = s.ingest.duckdb;
    lines.push(`ingest, ${int(d.values)} values (${s.ingest.files} JHU CSV files): DuckDB ${seconds(d.wallMs)} s / ${fixed(d.maxRssMB, 0)} MB`);
    for (const name of ['PostgreSQL', 'PGlite'] as const) {
      const first = s.ingest.measures.find((m) => m.target === name && m.run === 'first');
      const again = s.ingest.measures.find((m) => m.target === name && m.run !== 'first');
      if (!first) continue;
      let line = `  ${name}: ${seconds(first.result.wallMs)} s (${ratio(first.ratioToDuckdb)}) / ${fixed(first.result.maxRssMB, 0)} MB`;
      if (again) line += `; re-run ${seconds(again.result.wallMs)} s (${ratio(again.ratioToDuckdb)}) / ${fixed(again.result.maxRssMB, 0)} MB`;
      lines.push(line);
    }
    for (const f of s.ingest.failures) lines.push(`  ${f.target}: FAILED (${f.error.split('\n')[0]})`);
  }
  if (s.allSources) {
    for (const m of s.allSources.measures) {
      const r = m.result;
      lines.push(`all sources + vintages on ${m.target}: ${seconds(r.wallMs)} s, ${int(r.values)} values (${int(r.values / (r.wallMs / 1000))}/s), ${int(r.observations)} observations, ${fixed(r.maxRssMB, 0)} MB`);
    }
    for (const f of s.allSources.failures) lines.push(`all sources on ${f.target}: FAILED (${f.error.split('\n')[0]})`);
  }
  for (const a of s.api) {
    const parts = a.routes.map((r) => `${r.route} ${int(r.reqPerSec)}${r.route === 'bare' ? '' : ` (${percent(r.shareOfBare)})`} p99 ${r.p99Ms < 1 ? '<1' : int(r.p99Ms)} ms`);
    lines.push(`api ${a.target} req/s: ${parts.join(' · ')}`);
  }
  lines.push(...s.serving.map(servingSummaryLine), ...(s.models?.lines ?? []), ...(s.web?.lines ?? []));
  const verdicts: Verdict[] = [
    ...(s.ingest?.verdicts ?? []), ...(s.allSources?.verdicts ?? []), ...s.api.flatMap((a) => a.verdicts), ...s.serving.flatMap((r) => r.verdicts),
    ...(s.models?.verdicts ?? []), ...(s.web?.verdicts ?? []),
  ];
  if (verdicts.length) lines.push(verdictLines(verdicts));
  lines.push(...s.notes);
  return lines.join('\n');
}
