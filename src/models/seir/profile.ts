import { nelderMead } from './nelder-mead.js';
import type { Objective } from './objective.js';
import type { ParameterSpace } from './parameter-space.js';

/** √χ²₁(0.95) = z₀.₉₇₅: the profile deviance 2(ℓ̂ − ℓₚ) at a 95 % bound is 3.8415. */
const Z95 = 1.959963984540054;

export interface ProfileBound {
  lower: number | null;
  upper: number | null;
}

/**
 * 95 % profile-likelihood interval of parameter `index` (Venzon & Moolgavkar, Appl. Stat. 37:87,
 * 1988, in spirit): the values x where max over the other parameters of ℓ(θ | θᵢ = x) falls
 * 1.92 below the maximum. Searched on the parameter's log/logit scale, outwards from the
 * estimate, by extrapolating √deviance (linear in the distance for a quadratic profile) and then
 * regula falsi inside the bracket. A side where the bound of the search space is reached first is
 * open (null).
 */
export function profileInterval(objective: Objective, space: ParameterSpace, thetaHat: Float64Array, fHat: number, index: number): ProfileBound {
  const spec = space.specs[index];
  const lo = spec.scale === 'log' ? Math.log(spec.lower) : Math.log(spec.lower / (1 - spec.lower));
  const hi = spec.scale === 'log' ? Math.log(spec.upper) : Math.log(spec.upper / (1 - spec.upper));
  const others = Array.from(thetaHat).filter((_, i) => i !== index);
  const natural = (x: number) => space.toNatural(Float64Array.from(thetaHat, (v, i) => (i === index ? x : v)))[index];
  // First guess of the distance to each bound: where the conditional log-likelihood (others held at
  // the estimate) crosses; the profile is flatter, so its crossing lies further out.
  const at = (x: number) => objective(Float64Array.from(thetaHat, (v, i) => (i === index ? x : v)));
  const h = 0.01;
  const curvature = (at(thetaHat[index] + h) + at(thetaHat[index] - h) - 2 * fHat) / (h * h);
  const firstStep = curvature > 0 ? Math.min(2, Math.max(0.005, (1.2 * Z95) / Math.sqrt(curvature))) : 0.1;

  const side = (sign: 1 | -1): number | null => {
    let warm: Float64Array = Float64Array.from(others);
    /** √deviance − z at distance d from the estimate (others re-optimised, warm-started). */
    const dev = (d: number) => {
      const x = thetaHat[index] + sign * d;
      const full = (phi: Float64Array) => {
        const theta = new Float64Array(thetaHat.length);
        for (let i = 0, j = 0; i < theta.length; i++) theta[i] = i === index ? x : phi[j++];
        return objective(theta);
      };
      let f: number;
      if (warm.length === 0) f = full(warm);
      else {
        const r = nelderMead(full, warm, { step: 0.05, maxEvaluations: 200 + 100 * warm.length, xTolerance: 1e-3, fTolerance: 1e-4 });
        warm = r.x;
        f = r.f;
      }
      return Math.sqrt(2 * Math.max(0, f - fHat)) - Z95;
    };
    const limit = sign > 0 ? hi - thetaHat[index] : thetaHat[index] - lo;
    let a = 0, ha = -Z95, b = Math.min(firstStep, limit), hb = dev(b);
    for (let k = 0; hb < 0; k++) {
      if (b >= limit || k > 20) return null;
      // √deviance grows about linearly in the distance: aim a little past the predicted crossing.
      const predicted = hb + Z95 > 1e-6 ? (b * Z95) / (hb + Z95) * 1.05 : 4 * b;
      a = b; ha = hb;
      b = Math.min(limit, Math.min(4 * b, Math.max(1.2 * b, predicted)));
      hb = dev(b);
    }
    // Regula falsi (Illinois variant) inside [a, b] to a hundredth of √deviance.
    let moved = 0; // which end moved last: −1 a, +1 b
    for (let k = 0; k < 12 && b - a > 1e-4; k++) {
      const c = b - (hb * (b - a)) / (hb - ha);
      const hc = dev(c);
      if (Math.abs(hc) < 0.01) return natural(thetaHat[index] + sign * c);
      if (hc < 0) { a = c; ha = hc; if (moved === -1) hb /= 2; moved = -1; }
      else { b = c; hb = hc; if (moved === 1) ha /= 2; moved = 1; }
    }
    return natural(thetaHat[index] + sign * (a + b) / 2);
  };
  return { lower: side(-1), upper: side(1) };
}
