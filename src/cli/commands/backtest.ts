import cliProgress from 'cli-progress';
import { SCORE_COLUMNS, scoreRow, SUMMARY_COLUMNS, summaryRow } from '../../query/forecast-rows.js';
import { evaluate, type EvaluationRequest } from '../../query/forecast.js';
import { csvLine } from '../../lib/csv-write.js';
import { isoFromDay } from '../../domain/dates.js';
import type { Db } from '../../store/db.js';
import { cliDate, cliModels, cliTarget } from './forecast.js';

/** `glacier backtest` options as commander gives them. */
export interface BacktestCommandOptions {
  location: string;
  target: string;
  from: string;
  to: string;
  model?: string;
  source?: string;
  summary?: boolean;
  latestData?: boolean;
}

/** No limit on the number of reference dates: the API's cap protects a shared server, not a local run. */
export function backtestRequest(o: BacktestCommandOptions): Omit<EvaluationRequest, 'onProgress'> {
  return {
    location: o.location, target: cliTarget(o.target), from: cliDate('from', o.from)!, to: cliDate('to', o.to)!,
    source: o.source ?? 'best', models: cliModels(o.model), maxDates: Number.POSITIVE_INFINITY, versioned: !o.latestData,
  };
}

/** Progress over reference dates: a bar on a terminal, a line per date otherwise (logs, CI). */
export function backtestProgress(out: NodeJS.WriteStream = process.stderr) {
  if (out.isTTY) {
    const bar = new cliProgress.SingleBar({ format: 'backtest {bar} {value}/{total} | {date}', hideCursor: true, clearOnComplete: true, stream: out }, cliProgress.Presets.shades_classic);
    let started = false;
    return {
      update(done: number, total: number, day: number) {
        if (!started) {
          bar.start(total, 0, { date: '' });
          started = true;
        }
        bar.update(done, { date: isoFromDay(day) });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  return { update: (done: number, total: number, day: number) => void out.write(`backtest ${done}/${total} ${isoFromDay(day)}\n`), stop() {} };
}

/**
 * Scores CSV on stdout (or, with `summary`, the summary CSV), a readable summary on stderr, and
 * the progress bar on stderr while the reference dates are worked through.
 */
export async function printBacktest(db: Db, request: Omit<EvaluationRequest, 'onProgress'>, summaryOnly: boolean, write: (text: string) => void, err: NodeJS.WriteStream = process.stderr): Promise<void> {
  const progress = backtestProgress(err);
  let result;
  try {
    result = await evaluate(db, { ...request, onProgress: progress.update });
  } finally {
    progress.stop();
  }
  const summary = result.summary.map(summaryRow);
  if (summaryOnly) {
    write(csvLine(SUMMARY_COLUMNS));
    for (const s of summary) write(csvLine(SUMMARY_COLUMNS.map((c) => s[c])));
    return;
  }
  write(csvLine(SCORE_COLUMNS));
  for (const s of result.scores) {
    const row = scoreRow(s, request.location, request.target);
    write(csvLine(SCORE_COLUMNS.map((c) => row[c])));
  }
  err.write(formatBacktestSummary(summary, result.skipped.length, result.unscored));
  if (result.scores.length === 0 && request.versioned !== false) {
    err.write('no forecast was scored: the store may hold no vintage near these dates (see `glacier sources`); --latest-data backtests on the latest data instead\n');
  }
}

const fixed = (v: number | null, digits: number) => (v === null ? '-' : v.toFixed(digits));

/** Model, horizon, n, mean WIS, coverage, relative WIS: one line each. */
export function formatBacktestSummary(rows: ReturnType<typeof summaryRow>[], skipped: number, unscored: number): string {
  const header = ['model', 'horizon', 'n', 'mean WIS', 'cov 50%', 'cov 95%', 'rel. WIS'];
  const cells = rows.map((r) => [r.model, r.horizon === null ? 'all' : String(r.horizon), String(r.n), fixed(r.mean_wis, 1), fixed(r.coverage_50, 2), fixed(r.coverage_95, 2), fixed(r.relative_wis, 2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ') + '\n';
  return line(header) + cells.map(line).join('') + `${skipped} model runs without a forecast; ${unscored} forecasts whose target week is not in the latest data\n`;
}
