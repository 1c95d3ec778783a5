/**
 * The ensemble: at every horizon and level, the median of the members' quantiles, as the
 * COVID-19 Forecast Hub's COVIDhub-ensemble (median of the submitted quantiles since July 2020).
 * With two members the median is their mean. The median of non-decreasing quantile vectors is
 * non-decreasing, so the result is a valid set of quantiles.
 */
import type { ModelResult, QuantileForecast } from './quantiles.js';

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Needs at least two members with forecasts on the same levels and horizons. */
export function quantileMedianEnsemble(members: readonly ModelResult[], minMembers = 2): ModelResult {
  const ok = members.filter((m): m is Extract<ModelResult, { ok: true }> => m.ok);
  if (ok.length < minMembers) {
    const why = members.filter((m): m is Extract<ModelResult, { ok: false }> => !m.ok).map((m) => m.reason);
    return { ok: false, reason: `${ok.length} of ${members.length} members forecast; the ensemble needs ${minMembers}${why.length ? ` (${why.join('; ')})` : ''}` };
  }
  const forecasts: QuantileForecast[] = ok[0].forecasts.map((f) => {
    const parts = ok.map((m) => m.forecasts.find((g) => g.horizon === f.horizon));
    if (parts.some((g) => !g || g.levels.length !== f.levels.length || g.levels.some((q, i) => q !== f.levels[i]))) {
      throw new Error(`ensemble members disagree on the levels of horizon ${f.horizon}`);
    }
    return { horizon: f.horizon, levels: f.levels, values: Float64Array.from(f.levels, (_, i) => median(parts.map((g) => g!.values[i]))) };
  });
  return { ok: true, forecasts };
}
