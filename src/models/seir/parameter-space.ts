import type { LikelihoodKind } from './likelihood.js';
import type { EpidemicParams, Structure } from './params.js';

/** What a fit is given: the data, the structure, and which parameters are fixed. */
export interface FitProblem {
  structure: Structure;
  population: number;
  /** Observed daily cases, day 0 first; NaN = unknown (skipped). */
  cases: Float64Array;
  /** Observed daily deaths (same days), or null to fit cases alone. */
  deaths: Float64Array | null;
  /** Day offsets where β may change; each starts a segment with its own fitted R. */
  changeDays: readonly number[];
  /** Fixed values, and the starting values of the free ones. */
  sigma: number;
  gamma: number;
  reporting: number;
  /** Whole days from becoming infectious to being reported (EpidemicParams.reportingDelay). */
  reportingDelay?: number;
  ifr: number;
  deathDelay: number;
  free: { gamma: boolean; reporting: boolean; ifr: boolean };
  likelihood: LikelihoodKind;
}

/** One fitted parameter: searched on a log or logit scale, inside [lower, upper] (natural scale). */
export interface ParamSpec {
  name: string;
  scale: 'log' | 'logit';
  lower: number;
  upper: number;
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** The searched vector θ and its meaning: segment Rs, the day-0 seed, then optional parameters. */
export interface ParameterSpace {
  specs: ParamSpec[];
  /** Positions in θ of each segment's R (segment 0's is R0). */
  rIndex: number[];
  toNatural(theta: ArrayLike<number>): number[];
  fromNatural(values: readonly number[]): Float64Array;
  /** θ moved inside the bounds, and a penalty growing with the distance moved. */
  clamp(theta: Float64Array): { theta: Float64Array; penalty: number };
  params(theta: Float64Array): { params: EpidemicParams; dispersion: { cases: number; deaths: number } };
}

export function parameterSpace(p: FitProblem): ParameterSpace {
  const specs: ParamSpec[] = [];
  const add = (s: ParamSpec) => specs.push(s) - 1;
  const rIndex = [0, ...p.changeDays].map((_, k) => add({ name: k === 0 ? 'R0' : `R${k}`, scale: 'log', lower: 0.01, upper: 20 }));
  const seedAt = add({ name: 'seed', scale: 'log', lower: 1e-4, upper: p.population * 0.05 });
  const gammaAt = p.free.gamma ? add({ name: 'gamma', scale: 'log', lower: 1 / 30, upper: 2 }) : -1;
  const reportingAt = p.free.reporting ? add({ name: 'reporting', scale: 'logit', lower: 1e-4, upper: 1 - 1e-6 }) : -1;
  const fitDeaths = p.deaths !== null;
  const ifrAt = fitDeaths && p.free.ifr ? add({ name: 'ifr', scale: 'logit', lower: 1e-5, upper: 0.2 }) : -1;
  const negbin = p.likelihood === 'negbin';
  const kCasesAt = negbin ? add({ name: 'dispersion_cases', scale: 'log', lower: 0.05, upper: 1e5 }) : -1;
  const kDeathsAt = negbin && fitDeaths ? add({ name: 'dispersion_deaths', scale: 'log', lower: 0.05, upper: 1e5 }) : -1;
  const lo = Float64Array.from(specs, (s) => (s.scale === 'log' ? Math.log(s.lower) : logit(s.lower)));
  const hi = Float64Array.from(specs, (s) => (s.scale === 'log' ? Math.log(s.upper) : logit(s.upper)));

  const toNatural = (theta: ArrayLike<number>) => specs.map((s, i) => (s.scale === 'log' ? Math.exp(theta[i]) : expit(theta[i])));
  return {
    specs,
    rIndex,
    toNatural,
    fromNatural: (values) => Float64Array.from(specs, (s, i) => (s.scale === 'log' ? Math.log(values[i]) : logit(values[i]))),
    clamp(theta) {
      let penalty = 0;
      const out = Float64Array.from(theta, (v, i) => {
        const c = Math.min(hi[i], Math.max(lo[i], v));
        penalty += (v - c) ** 2;
        return c;
      });
      return { theta: out, penalty: 1e4 * penalty };
    },
    params(theta) {
      const v = toNatural(theta);
      const gamma = gammaAt >= 0 ? v[gammaAt] : p.gamma;
      const beta = rIndex.map((i) => v[i] * gamma);
      const seed = v[seedAt];
      const exposedShare = p.structure === 'seir' ? seirExposedShare(beta[0], p.sigma, gamma) : 0;
      const params: EpidemicParams = {
        structure: p.structure,
        population: p.population,
        beta: { value: beta[0], changes: p.changeDays.map((day, k) => ({ day, value: beta[k + 1] })) },
        sigma: p.sigma,
        gamma,
        reporting: reportingAt >= 0 ? v[reportingAt] : p.reporting,
        reportingDelay: p.reportingDelay ?? 0,
        deaths: fitDeaths || p.ifr > 0 ? { ifr: ifrAt >= 0 ? v[ifrAt] : p.ifr, delay: p.deathDelay } : null,
        initial: { exposed: seed * exposedShare, infectious: seed * (1 - exposedShare), removed: 0 },
      };
      return { params, dispersion: { cases: kCasesAt >= 0 ? v[kCasesAt] : Infinity, deaths: kDeathsAt >= 0 ? v[kDeathsAt] : Infinity } };
    },
  };
}

/**
 * Share of the day-0 infected who are still latent when the epidemic grows at its own rate r:
 * the linearised SEIR's dominant eigenvector has E/I = (r + γ)/σ, so seeding along it starts the
 * curve without an artificial transient.
 */
export function seirExposedShare(beta: number, sigma: number, gamma: number): number {
  const r = growthRate(beta, sigma, gamma);
  const ratio = (r + gamma) / sigma;
  return ratio / (1 + ratio);
}

/** Early growth rate r of SEIR: the root of (r + σ)(r + γ) = σβ above −min(σ, γ). */
export function growthRate(beta: number, sigma: number, gamma: number): number {
  return (-(sigma + gamma) + Math.sqrt((sigma - gamma) ** 2 + 4 * sigma * beta)) / 2;
}
