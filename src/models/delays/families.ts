/**
 * The three delay families — gamma, lognormal, Weibull — as the fits need them: CDF and survival
 * function computed each on its accurate side, the integrated CDF (for the doubly censored
 * likelihood), quantiles, moments, and the unconstrained coordinates Nelder–Mead works in.
 *
 * Special functions come from stdlib (pinned): the regularised incomplete gamma (a Boost port),
 * erfc, the gamma function and the quantile functions. As in `../rt/gamma.ts`, stdlib's
 * incomplete gamma is bypassed in Boost's "Temme zone" (shape > 200, x near the shape), where
 * stdlib picks a wrong series for x > 1000; delay shapes that large only occur while the
 * optimiser explores a near-degenerate sample.
 */
import gammaFn from '@stdlib/math-base-special-gamma';
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import igammaTemmeLarge from '@stdlib/math-base-special-gammainc/lib/igamma_temme_large.js';
import erfc from '@stdlib/math-base-special-erfc';
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';
import lognormalQuantile from '@stdlib/stats-base-dists-lognormal-quantile';
import weibullQuantile from '@stdlib/stats-base-dists-weibull-quantile';

export type DelayFamily = 'gamma' | 'lognormal' | 'weibull';
export const DELAY_FAMILIES: readonly DelayFamily[] = ['gamma', 'lognormal', 'weibull'];

/** A fitted (or given) delay distribution. Gamma: shape and rate (per day); lognormal: mean and sd of log(delay in days); Weibull: shape and scale (days). */
export type DelayDistribution =
  | { family: 'gamma'; parameters: { shape: number; rate: number } }
  | { family: 'lognormal'; parameters: { meanlog: number; sdlog: number } }
  | { family: 'weibull'; parameters: { shape: number; scale: number } };

/** Parameter names in the order of the internal pair (p1, p2). */
export const PARAMETER_NAMES = {
  gamma: ['shape', 'rate'],
  lognormal: ['meanlog', 'sdlog'],
  weibull: ['shape', 'scale'],
} as const satisfies Record<DelayFamily, readonly [string, string]>;

export function distributionOf(family: DelayFamily, p1: number, p2: number): DelayDistribution {
  switch (family) {
    case 'gamma': return { family, parameters: { shape: p1, rate: p2 } };
    case 'lognormal': return { family, parameters: { meanlog: p1, sdlog: p2 } };
    case 'weibull': return { family, parameters: { shape: p1, scale: p2 } };
  }
}

export function pairOf(d: DelayDistribution): [number, number] {
  switch (d.family) {
    case 'gamma': return [d.parameters.shape, d.parameters.rate];
    case 'lognormal': return [d.parameters.meanlog, d.parameters.sdlog];
    case 'weibull': return [d.parameters.shape, d.parameters.scale];
  }
}

/**
 * Nelder–Mead works on unconstrained coordinates: the logarithm of every positive parameter
 * (gamma: log shape, log rate; Weibull: log shape, log scale) and, for the lognormal, meanlog
 * itself (it may be negative) and log sdlog.
 */
export function toNatural(family: DelayFamily, x: ArrayLike<number>): [number, number] {
  return family === 'lognormal' ? [x[0], Math.exp(x[1])] : [Math.exp(x[0]), Math.exp(x[1])];
}

export function toUnconstrained(family: DelayFamily, p1: number, p2: number): Float64Array {
  return Float64Array.of(family === 'lognormal' ? p1 : Math.log(p1), Math.log(p2));
}

// ---------------------------------------------------------------------------------------------
// Regularised incomplete gamma, both tails, each computed directly on the side where it is small.

let gP = 0, gQ = 0;

/** Sets gP = P(a, x), gQ = Q(a, x) = 1 − P(a, x) for x ≥ 0 (x may be Infinity). */
function gammaPQ(a: number, x: number): void {
  if (!(x > 0)) { gP = 0; gQ = 1; return; }
  if (x === Number.POSITIVE_INFINITY) { gP = 1; gQ = 0; return; }
  if (a > 200 && (x - a) * (x - a) < 20 * a) {
    const t = igammaTemmeLarge(a, x);
    if (x < a) { gP = t; gQ = 1 - t; } else { gQ = t; gP = 1 - t; }
    return;
  }
  if (x < a) { gP = gammainc(x, a, true, false); gQ = 1 - gP; } else { gQ = gammainc(x, a, true, true); gP = 1 - gQ; }
}

const SQRT1_2 = Math.SQRT1_2;
let nLo = 0, nHi = 0;
/** Sets nLo = Φ(z) and nHi = Φ(−z) = 1 − Φ(z), the smaller of the two by one erfc call (accurate in either tail). */
function normalPair(z: number): void {
  if (z < 0) { nLo = 0.5 * erfc(-z * SQRT1_2); nHi = 1 - nLo; } else { nHi = 0.5 * erfc(z * SQRT1_2); nLo = 1 - nHi; }
}

/**
 * F(x) and S(x) = 1 − F(x) at each point, each computed on its accurate side: the interval
 * probability over [lo, hi) is then S(lo) − S(hi) in the upper tail and F(hi) − F(lo) below, so
 * neither loses digits to 1 − (something near 1). Points must be ≥ 0 (Infinity allowed).
 */
export function cdfPairs(family: DelayFamily, p1: number, p2: number, points: Float64Array, lower: Float64Array, upper: Float64Array): void {
  const m = points.length;
  switch (family) {
    case 'gamma':
      for (let i = 0; i < m; i++) { gammaPQ(p1, points[i] * p2); lower[i] = gP; upper[i] = gQ; }
      return;
    case 'lognormal':
      for (let i = 0; i < m; i++) {
        const x = points[i];
        if (!(x > 0)) { lower[i] = 0; upper[i] = 1; continue; }
        normalPair((Math.log(x) - p1) / p2);
        lower[i] = nLo;
        upper[i] = nHi;
      }
      return;
    case 'weibull':
      for (let i = 0; i < m; i++) {
        const x = points[i];
        if (!(x > 0)) { lower[i] = 0; upper[i] = 1; continue; }
        const y = (x / p2) ** p1;
        lower[i] = -Math.expm1(-y);
        upper[i] = Math.exp(-y);
      }
      return;
  }
}

/**
 * The integrated CDF G(x) = ∫₀ˣ F(u) du and the integrated survival H(x) = ∫ₓ^∞ S(u) du at each
 * point (any real x; G = 0 and H = μ − x for x ≤ 0), in closed form through the partial
 * expectation E[X; X ≤ x]:
 *
 *   G(x) = x F(x) − E[X; X ≤ x],  H(x) = E[X; X > x] − x S(x),  so G(x) − H(x) = x − μ.
 *
 *   gamma(k, β):      E[X; X ≤ x] = (k/β) P(k + 1, βx)
 *   lognormal(μ, σ):  E[X; X ≤ x] = e^{μ+σ²/2} Φ((ln x − μ − σ²)/σ)
 *   Weibull(k, λ):    E[X; X ≤ x] = λ Γ(1 + 1/k) P(1 + 1/k, (x/λ)^k)
 *
 * (P the regularised lower incomplete gamma.) Returns the mean μ.
 */
export function integratedCdfPairs(family: DelayFamily, p1: number, p2: number, points: Float64Array, g: Float64Array, h: Float64Array): number {
  const m = points.length;
  const mu = meanOf(family, p1, p2);
  const logGammaK1 = family === 'gamma' ? gammaln(p1 + 1) : 0;
  for (let i = 0; i < m; i++) {
    const x = points[i];
    if (!(x > 0)) { g[i] = 0; h[i] = mu - x; continue; }
    let f: number, s: number, pl: number, pu: number;
    switch (family) {
      case 'gamma': {
        // One incomplete gamma per point: P(k, y) = P(k + 1, y) + t and Q(k + 1, y) = Q(k, y) + t,
        // t = y^k e^{−y} / Γ(k + 1), each used in the direction that adds positive terms.
        const y = x * p2;
        const t = Math.exp(p1 * Math.log(y) - y - logGammaK1);
        if (y < p1 + 1) { gammaPQ(p1 + 1, y); pl = gP; pu = gQ; f = pl + t; s = 1 - f; }
        else { gammaPQ(p1, y); f = gP; s = gQ; pu = s + t; pl = 1 - pu; }
        break;
      }
      case 'lognormal': {
        const z = (Math.log(x) - p1) / p2;
        normalPair(z); f = nLo; s = nHi;
        normalPair(z - p2); pl = nLo; pu = nHi;
        break;
      }
      case 'weibull': {
        const y = (x / p2) ** p1;
        f = -Math.expm1(-y); s = Math.exp(-y);
        gammaPQ(1 + 1 / p1, y); pl = gP; pu = gQ;
        break;
      }
    }
    g[i] = x * f - mu * pl;
    h[i] = mu * pu - x * s;
  }
  return mu;
}

export function meanOf(family: DelayFamily, p1: number, p2: number): number {
  switch (family) {
    case 'gamma': return p1 / p2;
    case 'lognormal': return Math.exp(p1 + 0.5 * p2 * p2);
    case 'weibull': return p2 * gammaFn(1 + 1 / p1);
  }
}

export function sdOf(family: DelayFamily, p1: number, p2: number): number {
  switch (family) {
    case 'gamma': return Math.sqrt(p1) / p2;
    case 'lognormal': return Math.sqrt(Math.expm1(p2 * p2)) * Math.exp(p1 + 0.5 * p2 * p2);
    case 'weibull': {
      const g1 = gammaFn(1 + 1 / p1);
      return p2 * Math.sqrt(Math.max(0, gammaFn(1 + 2 / p1) - g1 * g1));
    }
  }
}

export function quantileOf(family: DelayFamily, p1: number, p2: number, p: number): number {
  switch (family) {
    case 'gamma': return gammaQuantile(p, p1, p2);
    case 'lognormal': return lognormalQuantile(p, p1, p2);
    case 'weibull': return weibullQuantile(p, p1, p2);
  }
}

/**
 * Starting values matching a mean and variance (method of moments): gamma shape m²/v, rate m/v;
 * lognormal σ² = ln(1 + v/m²), μ = ln m − σ²/2; Weibull shape from the coefficient of variation
 * (the approximation k ≈ CV^−1.086, Justus et al. 1978), scale m / Γ(1 + 1/k).
 */
export function momentStart(family: DelayFamily, mean: number, variance: number): [number, number] {
  const m = Math.max(mean, 0.05);
  const v = Math.max(variance, 1e-4 * m * m);
  switch (family) {
    case 'gamma': return [(m * m) / v, m / v];
    case 'lognormal': {
      const s2 = Math.log1p(v / (m * m));
      return [Math.log(m) - s2 / 2, Math.sqrt(s2)];
    }
    case 'weibull': {
      const k = Math.min(50, Math.max(0.2, (Math.sqrt(v) / m) ** -1.086));
      return [k, m / gammaFn(1 + 1 / k)];
    }
  }
}
