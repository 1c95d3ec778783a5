/** Scores summarised per model and horizon: mean WIS, interval coverage, relative WIS. */
import { relativeWis } from './score.js';

export interface ScoredTarget {
  model: string;
  referenceDate: number;
  horizon: number;
  wis: number;
  aeMedian: number;
  coverage50: boolean;
  coverage95: boolean;
}

export interface SummaryRow {
  model: string;
  /** null: all horizons together. */
  horizon: number | null;
  /** Forecasts scored. */
  n: number;
  meanWis: number;
  meanAeMedian: number;
  /** Share of observations inside the 50 % and 95 % intervals. */
  coverage50: number;
  coverage95: number;
  /** Mean WIS / the baseline's mean WIS over the targets both were scored on (null without the baseline). */
  relativeWis: number | null;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** One row per model and horizon, then one per model over all horizons; models in order of first appearance. */
export function summarise(scores: readonly ScoredTarget[], baselineModel = 'baseline'): SummaryRow[] {
  const models = [...new Set(scores.map((s) => s.model))];
  const horizons = [...new Set(scores.map((s) => s.horizon))].sort((a, b) => a - b);
  const byTarget = (rows: readonly ScoredTarget[]) => new Map(rows.map((s) => [`${s.referenceDate}|${s.horizon}`, s.wis]));
  const rows: SummaryRow[] = [];
  for (const horizon of [...horizons, null]) {
    const inScope = scores.filter((s) => horizon === null || s.horizon === horizon);
    const base = byTarget(inScope.filter((s) => s.model === baselineModel));
    for (const model of models) {
      const mine = inScope.filter((s) => s.model === model);
      if (mine.length === 0) continue;
      rows.push({
        model,
        horizon,
        n: mine.length,
        meanWis: mean(mine.map((s) => s.wis)),
        meanAeMedian: mean(mine.map((s) => s.aeMedian)),
        coverage50: mean(mine.map((s) => (s.coverage50 ? 1 : 0))),
        coverage95: mean(mine.map((s) => (s.coverage95 ? 1 : 0))),
        relativeWis: base.size ? relativeWis(byTarget(mine), base) : null,
      });
    }
  }
  return rows.sort((a, b) => models.indexOf(a.model) - models.indexOf(b.model) || (a.horizon ?? 99) - (b.horizon ?? 99));
}
