import type { FitProblem, ParameterSpace } from './parameter-space.js';

/**
 * A first guess, from the data alone: each segment's R from its log-linear growth rate r
 * (SEIR: R = (1 + r/σ)(1 + r/γ), SIR: R = 1 + r/γ — Wallinga & Lipsitch, Proc R Soc B 274:599,
 * 2007, for exponentially distributed periods), the seed from the first week's cases.
 */
export function startingValues(p: FitProblem, space: ParameterSpace): number[] {
  const n = p.cases.length;
  const bounds = [0, ...p.changeDays, n];
  const rates = bounds.slice(0, -1).map((from, k) => growth(p.cases, from, bounds[k + 1]));
  const rOf = (r: number) => (p.structure === 'seir' ? (1 + r / p.sigma) * (1 + r / p.gamma) : 1 + r / p.gamma);
  const values: Record<string, number> = {};
  rates.forEach((r, k) => { values[k === 0 ? 'R0' : `R${k}`] = Math.min(8, Math.max(0.2, rOf(r))); });
  const firstWeek = [...p.cases.subarray(0, 7)].filter((v) => !Number.isNaN(v));
  const c0 = Math.max(0.5, firstWeek.length ? firstWeek.reduce((a, b) => a + b, 0) / firstWeek.length : 0.5);
  const r0 = rates[0];
  const outflow = p.structure === 'seir' ? Math.max(r0 + p.gamma, 0.1 * p.gamma) : values.R0 * p.gamma;
  const infectious = c0 / (p.reporting * outflow);
  values.seed = p.structure === 'seir' ? infectious * (1 + outflow / p.sigma) : infectious;
  values.gamma = p.gamma;
  values.reporting = p.reporting;
  const total = (a: Float64Array | null) => (a ? a.reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0) : 0);
  values.ifr = p.deaths ? Math.min(0.1, Math.max(1e-4, (total(p.deaths) * p.reporting) / Math.max(1, total(p.cases)))) : p.ifr;
  values.dispersion_cases = 10;
  values.dispersion_deaths = 10;
  return space.specs.map((s) => Math.min(s.upper, Math.max(s.lower, values[s.name])));
}

/** Least-squares slope of ln(y + ½) on the day over the known days of [from, to). */
function growth(y: Float64Array, from: number, to: number): number {
  let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let d = from; d < to; d++) {
    if (Number.isNaN(y[d])) continue;
    const v = Math.log(y[d] + 0.5);
    n++; sx += d; sy += v; sxx += d * d; sxy += d * v;
  }
  const den = n * sxx - sx * sx;
  return n >= 3 && den > 0 ? (n * sxy - sx * sy) / den : 0;
}
