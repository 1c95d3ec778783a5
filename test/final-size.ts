/** Root of g on [lo, hi] by bisection (g changes sign there): the tests' own solver. */
export function bisect(g: (x: number) => number, lo: number, hi: number): number {
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (Math.sign(g(mid)) === Math.sign(g(lo))) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Final size of SIR/SEIR (Kermack–McKendrick): dS/dR = −R0·S/N, so
 * S∞ = S0·exp(−R0·(N − S∞)/N) when everyone infected is eventually removed.
 */
export function finalSusceptible(N: number, S0: number, R0: number): number {
  return bisect((s) => s - S0 * Math.exp((-R0 * (N - s)) / N), 0, S0 * (1 - 1e-12));
}
