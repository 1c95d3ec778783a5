/**
 * Explicit Runge–Kutta integrators for small ODE systems y' = f(t, y).
 *
 * Both solve from t0 to a list of output times and write the state at each into one flat array
 * (row k = state at times[k]), so that a model can read daily values without allocating.
 * Neither steps across an output time: callers put discontinuities (a change of transmission)
 * at output times, or solve piecewise, and no stage ever sees both sides of a jump.
 */

/** Writes f(t, y) into dy. */
export type Rhs = (t: number, y: Float64Array, dy: Float64Array) => void;

/** Classic fourth-order Runge–Kutta with a fixed step (shortened to land on each output time). */
export interface Rk4Options {
  method: 'rk4';
  /** Largest step; each interval between output times is cut into equal steps no longer than this. */
  step: number;
}

/**
 * Dormand–Prince 5(4) with local extrapolation and step-size control (Hairer, Nørsett & Wanner,
 * Solving ODEs I, §II.4–5): a step is kept when its scaled error estimate
 * sqrt(mean((e_i / (atol + rtol·max(|y_i|, |ŷ_i|)))²)) ≤ 1.
 */
export interface DopriOptions {
  method: 'dopri5';
  rtol: number;
  atol: number;
  /** Give up (throw OdeStepLimitError) after this many attempted steps: a stiff or exploding system. */
  maxSteps?: number;
  /** First step tried (default: a hundredth of the first output interval). */
  initialStep?: number;
}

export type SolverOptions = Rk4Options | DopriOptions;

export const DEFAULT_SOLVER: DopriOptions = { method: 'dopri5', rtol: 1e-7, atol: 1e-6, maxSteps: 200_000 };

export class OdeStepLimitError extends Error {
  constructor(readonly t: number) {
    super(`the ODE solver needed too many steps (stopped at t = ${t.toFixed(3)}); the system is too stiff for these parameters`);
    this.name = 'OdeStepLimitError';
  }
}

/**
 * Integrates from (t0, y0) and returns the states at `times` (non-decreasing, ≥ t0), flattened.
 * `out` may be passed to reuse memory (length ≥ times.length · y0.length).
 */
export function solve(rhs: Rhs, t0: number, y0: ArrayLike<number>, times: ArrayLike<number>, options: SolverOptions = DEFAULT_SOLVER, out?: Float64Array): Float64Array {
  const n = y0.length;
  const result = out ?? new Float64Array(times.length * n);
  if (options.method === 'rk4') rk4(rhs, t0, Float64Array.from(y0), times, options.step, result);
  else dopri5(rhs, t0, Float64Array.from(y0), times, options, result);
  return result;
}

function rk4(f: Rhs, t0: number, y: Float64Array, times: ArrayLike<number>, maxStep: number, out: Float64Array): void {
  if (!(maxStep > 0)) throw new RangeError('rk4: step must be positive');
  const n = y.length;
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n), tmp = new Float64Array(n);
  let t = t0;
  for (let k = 0; k < times.length; k++) {
    const target = times[k];
    const steps = Math.ceil((target - t) / maxStep - 1e-12);
    const h = steps > 0 ? (target - t) / steps : 0;
    for (let s = 0; s < steps; s++) {
      f(t, y, k1);
      for (let i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * h * k1[i];
      f(t + 0.5 * h, tmp, k2);
      for (let i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * h * k2[i];
      f(t + 0.5 * h, tmp, k3);
      for (let i = 0; i < n; i++) tmp[i] = y[i] + h * k3[i];
      f(t + h, tmp, k4);
      for (let i = 0; i < n; i++) y[i] += (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
      t = s === steps - 1 ? target : t + h;
    }
    out.set(y, k * n);
  }
}

// Dormand–Prince 5(4) tableau (Dormand & Prince 1980; Hairer et al. Table II.5.2).
const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84;
// Error coefficients: fifth-order weights minus the embedded fourth-order ones.
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;

function dopri5(f: Rhs, t0: number, y: Float64Array, times: ArrayLike<number>, o: DopriOptions, out: Float64Array): void {
  const n = y.length;
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n);
  const k5 = new Float64Array(n), k6 = new Float64Array(n), k7 = new Float64Array(n);
  const tmp = new Float64Array(n), yNew = new Float64Array(n);
  const maxSteps = o.maxSteps ?? DEFAULT_SOLVER.maxSteps!;
  let t = t0;
  let h = o.initialStep ?? Math.max(1e-6, ((times.length ? times[0] : t0) - t0 || (times.length > 1 ? times[1] - times[0] : 1)) / 100);
  let attempts = 0;
  f(t, y, k1);
  for (let k = 0; k < times.length; k++) {
    const target = times[k];
    while (t < target) {
      if (++attempts > maxSteps) throw new OdeStepLimitError(t);
      const last = t + h >= target;
      const step = last ? target - t : h;
      for (let i = 0; i < n; i++) tmp[i] = y[i] + step * A21 * k1[i];
      f(t + C2 * step, tmp, k2);
      for (let i = 0; i < n; i++) tmp[i] = y[i] + step * (A31 * k1[i] + A32 * k2[i]);
      f(t + C3 * step, tmp, k3);
      for (let i = 0; i < n; i++) tmp[i] = y[i] + step * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
      f(t + C4 * step, tmp, k4);
      for (let i = 0; i < n; i++) tmp[i] = y[i] + step * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
      f(t + C5 * step, tmp, k5);
      for (let i = 0; i < n; i++) tmp[i] = y[i] + step * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
      f(t + step, tmp, k6);
      for (let i = 0; i < n; i++) yNew[i] = y[i] + step * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
      f(t + step, yNew, k7);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const e = step * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
        const scale = o.atol + o.rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
        sum += (e / scale) ** 2;
      }
      const err = Math.sqrt(sum / n);
      // Safety factor 0.9, growth bounded to [0.2, 5] (Hairer et al. II.4).
      const factor = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * err ** -0.2));
      if (err <= 1) {
        t = last ? target : t + step;
        y.set(yNew);
        k1.set(k7); // first-same-as-last: f(t + step, yNew) is the next step's first stage
        // A step cut short to land on an output time says nothing about the step size to use next.
        if (!last || step >= h) h = step * factor;
      } else {
        h = step * Math.min(1, factor);
        // NaN (a state that blew up) or a step lost in rounding: no progress is possible.
        if (!(h > 1e-12 * Math.max(1, Math.abs(t)))) throw new OdeStepLimitError(t);
      }
    }
    out.set(y, k * n);
  }
}
