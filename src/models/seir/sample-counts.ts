import type { Rng } from './rng.js';

/**
 * Random counts for simulated observations (tests, parametric bootstrap): Poisson by Knuth's
 * product method on chunks of mean ≤ 30 (a sum of independent Poisson draws is Poisson), so the
 * cost grows with μ; negative binomial as a gamma–Poisson mixture.
 */
export function samplePoisson(rng: Rng, mu: number): number {
  if (!(mu > 0)) return 0;
  const chunks = Math.ceil(mu / 30);
  const m = mu / chunks;
  const limit = Math.exp(-m);
  let total = 0;
  for (let c = 0; c < chunks; c++) {
    let p = rng.uniform();
    while (p > limit) { total++; p *= rng.uniform(); }
  }
  return total;
}

/** Gamma(shape, scale 1) by Marsaglia & Tsang (ACM TOMS 26:363, 2000); shape < 1 by the U^(1/a) boost. */
export function sampleGamma(rng: Rng, shape: number): number {
  if (shape < 1) return sampleGamma(rng, shape + 1) * rng.uniform() ** (1 / shape);
  const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do { x = rng.normal(); v = 1 + c * x; } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Negative binomial with mean μ and size k (variance μ + μ²/k). */
export function sampleNegBin(rng: Rng, mu: number, size: number): number {
  if (!(mu > 0)) return 0;
  return samplePoisson(rng, (sampleGamma(rng, size) * mu) / size);
}
