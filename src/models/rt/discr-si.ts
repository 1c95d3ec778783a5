import { RtInputError } from './errors.js';
import { gammaCdfScale } from './gamma.js';

/** A serial interval given by its mean and sd: 1 + Gamma, as EpiEstim's parametric_si assumes. */
export interface ShiftedGammaSerialInterval {
  /** Mean in days; must exceed the shift of 1 day. */
  mean: number;
  /** Standard deviation in days; > 0. */
  sd: number;
}

/** Refuses what EpiEstim's check_config refuses for parametric_si. */
export function checkShiftedGamma(si: ShiftedGammaSerialInterval): void {
  if (!(Number.isFinite(si.mean) && si.mean > 1)) throw new RtInputError('mean_si', `must be > 1 day (the serial interval is 1 + a gamma delay); got ${si.mean}`);
  if (!(Number.isFinite(si.sd) && si.sd > 0)) throw new RtInputError('std_si', `must be > 0; got ${si.sd}`);
}

/**
 * w_k = P(serial interval = k days) for k = 0..length-1, as EpiEstim 2.2-4's `discr_si`
 * (formula from the supplement of Cori et al., AJE 2013): the serial interval is 1 + Gamma(mean − 1, sd), the
 * delay starting uniformly within a day. Same formula, same order of operations, same clipping
 * of round-off below 0, so the tail noise matches R's too.
 */
export function discretiseSerialInterval(si: ShiftedGammaSerialInterval, length: number): Float64Array {
  checkShiftedGamma(si);
  const shape = ((si.mean - 1) / si.sd) ** 2;
  const scale = si.sd ** 2 / (si.mean - 1);
  const w = new Float64Array(length);
  // F(k, a) and F(k, a + 1) for k, k-1, k-2, slid along k (each CDF is computed once).
  let f0 = 0, f1 = 0, f2 = 0;
  let g0 = 0, g1 = 0, g2 = 0;
  for (let k = 0; k < length; k++) {
    f2 = f1; f1 = f0; f0 = gammaCdfScale(k, shape, scale);
    g2 = g1; g1 = g0; g0 = gammaCdfScale(k, shape + 1, scale);
    // Once both CDFs are exactly 1 at k-2, every later term cancels exactly: w is 0 from here.
    if (f2 === 1 && g2 === 1) break;
    let r = k * f0 + (k - 2) * f2 - 2 * (k - 1) * f1;
    r = r + shape * scale * (2 * g1 - g2 - g0);
    w[k] = Math.max(0, r);
  }
  return w;
}
