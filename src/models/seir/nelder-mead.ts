/**
 * Nelder–Mead simplex minimisation (Lagarias, Reeds, Wright & Wright, SIAM J. Optim. 9:112,
 * 1998), with the dimension-adapted coefficients of Gao & Han (Comput. Optim. Appl. 51:259,
 * 2012) from three parameters up. Derivative-free: the objective may be noisy at the level of
 * the ODE tolerance, and may return Infinity for points to avoid.
 */
export interface NelderMeadOptions {
  /** Initial simplex: x0 plus `step` along each axis (a number or one per coordinate). */
  step?: number | readonly number[];
  maxEvaluations?: number;
  /** Converged when every vertex is within xTolerance of the best, coordinate-wise… */
  xTolerance?: number;
  /** …and every vertex's value within fTolerance of the best. */
  fTolerance?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  f: number;
  evaluations: number;
  converged: boolean;
}

export function nelderMead(fn: (x: Float64Array) => number, x0: ArrayLike<number>, o: NelderMeadOptions = {}): NelderMeadResult {
  const n = x0.length;
  const maxEvaluations = o.maxEvaluations ?? 200 * n;
  const xTol = o.xTolerance ?? 1e-6;
  const fTol = o.fTolerance ?? 1e-8;
  const adaptive = n >= 3;
  const alpha = 1, chi = adaptive ? 1 + 2 / n : 2, psi = adaptive ? 0.75 - 1 / (2 * n) : 0.5, shrink = adaptive ? 1 - 1 / n : 0.5;
  let evaluations = 0;
  const f = (x: Float64Array) => { evaluations++; const v = fn(x); return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v; };

  const simplex: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const v = Float64Array.from(x0);
    const s = typeof o.step === 'number' ? o.step : o.step?.[i] ?? 0.1;
    v[i] += s;
    simplex.push(v);
  }
  const values = simplex.map(f);
  const order = simplex.map((_, i) => i);
  const centroid = new Float64Array(n);
  const point = (from: Float64Array, towards: Float64Array, t: number) => Float64Array.from(from, (c, i) => c + t * (towards[i] - c));
  let converged = false;

  while (evaluations < maxEvaluations) {
    order.sort((a, b) => values[a] - values[b]);
    const best = order[0], worst = order[n], second = order[n - 1];
    if (spread(simplex, order, n) <= xTol && Math.abs(values[worst] - values[best]) <= fTol) { converged = true; break; }
    centroid.fill(0);
    for (let k = 0; k < n; k++) { const v = simplex[order[k]]; for (let i = 0; i < n; i++) centroid[i] += v[i] / n; }
    const xr = point(centroid, simplex[worst], -alpha);
    const fr = f(xr);
    if (fr < values[best]) {
      const xe = point(centroid, simplex[worst], -alpha * chi);
      const fe = f(xe);
      if (fe < fr) replace(worst, xe, fe); else replace(worst, xr, fr);
    } else if (fr < values[second]) {
      replace(worst, xr, fr);
    } else {
      const outside = fr < values[worst];
      const xc = outside ? point(centroid, xr, psi) : point(centroid, simplex[worst], psi);
      const fc = f(xc);
      if (outside ? fc <= fr : fc < values[worst]) replace(worst, xc, fc);
      else {
        const x0best = simplex[best];
        for (let k = 1; k <= n; k++) { const j = order[k]; simplex[j] = point(x0best, simplex[j], shrink); values[j] = f(simplex[j]); }
      }
    }
  }
  order.sort((a, b) => values[a] - values[b]);
  return { x: simplex[order[0]], f: values[order[0]], evaluations, converged };

  function replace(j: number, x: Float64Array, v: number) { simplex[j] = x; values[j] = v; }
}

/** Largest coordinate distance of a vertex from the best one. */
function spread(simplex: Float64Array[], order: number[], n: number): number {
  const b = simplex[order[0]];
  let m = 0;
  for (let k = 1; k <= n; k++) for (let i = 0; i < n; i++) m = Math.max(m, Math.abs(simplex[order[k]][i] - b[i]));
  return m;
}
