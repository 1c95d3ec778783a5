import gammaln from '@stdlib/math-base-special-gammaln';
import igammaTemmeLarge from '@stdlib/math-base-special-gammainc/lib/igamma_temme_large.js';
import gammaCdf from '@stdlib/stats-base-dists-gamma-cdf';
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';

/**
 * The gamma CDF and quantiles the estimator needs, as accurate as R's pgamma/qgamma (which
 * EpiEstim calls): checked against R to 1e-12 in gamma.test.ts.
 *
 * stdlib (a Boost port) is used as is, except in one region where it is wrong: for x > 1000 near
 * the shape (shapes above ~950 at the quantiles Rt needs) its gammainc picks an asymptotic series
 * for large x that is off by up to 20 % (P(1023, 1022.67) = 0.487, not 0.500). There, and for
 * every shape > 200 near its mean, Boost's own method for that "bad zone" — Temme's uniform
 * asymptotic expansion, which stdlib ships and uses for x ≤ 1000 — is called directly, and
 * quantiles are found by Newton's method on it.
 */

const TEMME_MIN_SHAPE = 200;

/** Boost's test for its Temme zone: shape > 200 and (x − a)² / a² < 20 / a. */
const inTemmeZone = (a: number, x: number) => a > TEMME_MIN_SHAPE && (x - a) * (x - a) < 20 * a;

/** P(X ≤ x) for X ~ Gamma(shape, rate 1). */
export function unitGammaCdf(x: number, shape: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  if (!inTemmeZone(shape, x)) return gammaCdf(x, shape, 1);
  const t = igammaTemmeLarge(shape, x);
  return x < shape ? t : 1 - t;
}

/** P(X ≤ x) for X ~ Gamma(shape, scale). */
export function gammaCdfScale(x: number, shape: number, scale: number): number {
  return unitGammaCdf(x / scale, shape);
}

/** The probabilities EpiEstim reports besides the mean and sd, in its column order. */
export const RT_QUANTILE_PROBS = [0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975] as const;
/** Standard normal quantiles of RT_QUANTILE_PROBS: the Wilson–Hilferty starting points. */
const NORMAL_Z = [-1.959963984540054, -1.6448536269514729, -0.6744897501960817, 0, 0.6744897501960817, 1.6448536269514722, 1.959963984540054];

/** Quantile of Gamma(shape > 200, rate 1) at RT_QUANTILE_PROBS[i]: Newton from Wilson–Hilferty. */
function largeShapeQuantile(shape: number, i: number): number {
  const p = RT_QUANTILE_PROBS[i];
  const c = 1 / (9 * shape);
  let x = shape * (1 - c + NORMAL_Z[i] * Math.sqrt(c)) ** 3;
  const logNorm = gammaln(shape);
  for (let iter = 0; iter < 50; iter++) {
    const density = Math.exp((shape - 1) * Math.log(x) - x - logNorm);
    // Below the mean solve P(x) = p, above it Q(x) = 1 − p: each side's small tail is exact.
    const step = x < shape ? (unitGammaCdf(x, shape) - p) / density : (1 - p - (1 - unitGammaCdf(x, shape))) / density;
    x -= step;
    if (Math.abs(step) <= 1e-15 * x) return x;
  }
  return x;
}

// Posterior shapes are prior shape + a case count, so they repeat across windows and locations
// (small counts above all); the quantiles of the unit gamma are kept by shape.
const unitQuantiles = new Map<number, Float64Array>();
const MAX_CACHED_SHAPES = 200_000;

/** RT_QUANTILE_PROBS quantiles of Gamma(shape, rate 1); multiply by the scale. */
export function unitGammaQuantiles(shape: number): Float64Array {
  let q = unitQuantiles.get(shape);
  if (q) return q;
  q = new Float64Array(RT_QUANTILE_PROBS.length);
  for (let i = 0; i < q.length; i++) q[i] = shape > TEMME_MIN_SHAPE ? largeShapeQuantile(shape, i) : gammaQuantile(RT_QUANTILE_PROBS[i], shape, 1);
  if (unitQuantiles.size >= MAX_CACHED_SHAPES) unitQuantiles.clear();
  unitQuantiles.set(shape, q);
  return q;
}
