import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * Log-likelihoods of observed daily counts y given the model's expected counts μ (exact, with
 * ln Γ). Days whose observation is NaN (unknown) are skipped: a missing day is never a zero.
 * Non-integer observations (a weekly report spread over its days) are scored by the same
 * formulas with ln Γ(y + 1), which extends the factorial smoothly.
 */
export type LikelihoodKind = 'poisson' | 'negbin';

/** Expected counts below this are raised to it, so that an observed count under μ = 0 costs a large finite amount. */
export const MU_FLOOR = 1e-9;

/** Σ log Pois(y | μ) = Σ y·ln μ − μ − ln Γ(y + 1). */
export function poissonLogLik(y: ArrayLike<number>, mu: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const obs = y[i];
    if (Number.isNaN(obs)) continue;
    const m = Math.max(mu[i], MU_FLOOR);
    sum += obs * Math.log(m) - m - gammaln(obs + 1);
  }
  return sum;
}

/**
 * Σ log NB(y | μ, k), mean μ and size (dispersion) k, variance μ + μ²/k:
 * ln Γ(y + k) − ln Γ(k) − ln Γ(y + 1) + k·ln(k / (k + μ)) + y·ln(μ / (k + μ)).
 */
export function negBinLogLik(y: ArrayLike<number>, mu: ArrayLike<number>, size: number): number {
  let sum = 0;
  const lgk = gammaln(size);
  for (let i = 0; i < y.length; i++) {
    const obs = y[i];
    if (Number.isNaN(obs)) continue;
    const m = Math.max(mu[i], MU_FLOOR);
    sum += gammaln(obs + size) - lgk - gammaln(obs + 1) + size * Math.log(size / (size + m)) + obs * Math.log(m / (size + m));
  }
  return sum;
}

export function logLikelihood(kind: LikelihoodKind, y: ArrayLike<number>, mu: ArrayLike<number>, size = Number.POSITIVE_INFINITY): number {
  return kind === 'poisson' ? poissonLogLik(y, mu) : negBinLogLik(y, mu, size);
}

/** Number of days with a known observation. */
export function countObserved(y: ArrayLike<number> | null | undefined): number {
  let n = 0;
  if (y) for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i])) n++;
  return n;
}
