import type { EpidemicParams } from './params.js';

/**
 * State layout of one population (a patch): the compartments, then cumulative counters of people
 * becoming infectious (daily reported cases are read from it) and of people infected here (daily
 * infections: not the fall in S, which in a metapopulation also counts susceptibles who travel).
 * Deaths D are cumulative too. The counters never travel.
 *   S → E → I → R            (SIR: S → I → R; E stays 0)
 *             ↘ F → D        a share ifr of removals is fatal, dying after a mean delay (F: will die)
 */
export const S = 0, E = 1, I = 2, R = 3, F = 4, D = 5, ONSETS = 6, INFECTIONS = 7;
export const PATCH_STATE = 8;
export const COMPARTMENTS = ['susceptible', 'exposed', 'infectious', 'recovered', 'dying', 'dead'] as const;

/** The rates of one population on one stretch of constant transmission. */
export interface LocalRates {
  seir: boolean;
  beta: number;
  sigma: number;
  gamma: number;
  ifr: number;
  /** 1 / mean death delay; Infinity when deaths happen at removal. */
  deathRate: number;
}

export function localRates(p: EpidemicParams, beta: number): LocalRates {
  return {
    seir: p.structure === 'seir',
    beta,
    sigma: p.sigma,
    gamma: p.gamma,
    ifr: p.deaths?.ifr ?? 0,
    deathRate: p.deaths && p.deaths.delay > 0 ? 1 / p.deaths.delay : Number.POSITIVE_INFINITY,
  };
}

/**
 * Writes the within-population flows of the state at offset `o` into dy (frequency-dependent
 * transmission: infections = β·S·I / living, the dead no longer mixing).
 */
export function localFlows(y: Float64Array, o: number, r: LocalRates, dy: Float64Array): void {
  const s = y[o + S], e = y[o + E], i = y[o + I], f = y[o + F];
  const living = s + e + i + y[o + R] + f;
  const infection = living > 0 ? (r.beta * s * i) / living : 0;
  const onset = r.seir ? r.sigma * e : infection;
  const removal = r.gamma * i;
  const fatal = r.ifr * removal;
  const death = r.deathRate === Number.POSITIVE_INFINITY ? fatal : r.deathRate * f;
  dy[o + S] = -infection;
  dy[o + E] = r.seir ? infection - onset : 0;
  dy[o + I] = onset - removal;
  dy[o + R] = removal - fatal;
  dy[o + F] = r.deathRate === Number.POSITIVE_INFINITY ? 0 : fatal - death;
  dy[o + D] = death;
  dy[o + ONSETS] = onset;
  dy[o + INFECTIONS] = infection;
}

/** The day-0 state of one population, written at offset `o`. */
export function writeInitialState(p: EpidemicParams, y: Float64Array, o: number): void {
  const { exposed, infectious, removed } = p.initial;
  y[o + S] = p.population - exposed - infectious - removed;
  y[o + E] = exposed;
  y[o + I] = infectious;
  y[o + R] = removed;
  y[o + F] = 0;
  y[o + D] = 0;
  y[o + ONSETS] = 0;
  y[o + INFECTIONS] = 0;
}
