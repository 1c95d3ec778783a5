import type { RunSummary } from '../ingest/run-summary.js';

/** The per-source table `glacier ingest` prints when it is done. */
export function formatSummary(runs: RunSummary[]): string {
  const header = ['source', 'status', 'run', 'vintages', 'rows read', 'values new', 'changed', 'anomalies', 'unmatched', 'seconds'];
  const rows = runs.map((r) => [
    r.sourceId,
    r.status,
    r.runId ? String(r.runId) : '-',
    String(r.vintages.length),
    String(r.rowsRead),
    String(r.valuesNew),
    String(r.valuesChanged),
    String(r.anomalies),
    String(r.unmatched),
    (r.durationMs / 1000).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  for (const r of runs) if (r.error) out.push(`${r.sourceId}: ${r.error}`);
  return out.join('\n');
}
