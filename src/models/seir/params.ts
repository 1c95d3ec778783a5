/**
 * Parameters of the compartment models, as typed objects (docs/models/seir.md).
 * Time is in days; day 0 is the first day simulated (the start date of a fit's data).
 */

export type Structure = 'sir' | 'seir';

/** A change of the transmission rate: from `day` on (an integer day offset), β = `value`. */
export interface TransmissionChange {
  day: number;
  value: number;
}

/** Piecewise-constant β(t) per day: `value` until the first change, then each change's value. */
export interface Transmission {
  value: number;
  changes: readonly TransmissionChange[];
}

/** The deaths compartment: a share `ifr` of removals dies, after a mean `delay` days (exponential; 0 = at removal). */
export interface DeathsParams {
  ifr: number;
  delay: number;
}

/** Who is where at day 0 (persons); susceptibles are the rest of the population. */
export interface InitialState {
  exposed: number;
  infectious: number;
  removed: number;
}

export interface EpidemicParams {
  structure: Structure;
  population: number;
  /** Transmission rate β per day (a contact that infects, per infectious person and day, scaled by S/N). */
  beta: Transmission;
  /** E → I rate per day: 1 / mean latent period. Unused by SIR. */
  sigma: number;
  /** I → removed rate per day: 1 / mean infectious period. */
  gamma: number;
  /** Share of new infectious people (E → I, or S → I in SIR) reported as cases. */
  reporting: number;
  /**
   * Whole days from becoming infectious to being reported (default 0). Cases reported on day k are
   * the people who became infectious on day k − delay, so the run starts `delay` days before day 0:
   * `initial` is the state on day −delay, and transmission before day 0 is `beta.value`.
   */
  reportingDelay?: number;
  deaths: DeathsParams | null;
  initial: InitialState;
}

/**
 * COVID-19 defaults and where they come from (docs/models/seir.md lists the intervals):
 * - latent period 3.69 d, infectious period 3.47 d: Li R., Pei S. et al., "Substantial undocumented
 *   infection facilitates the rapid dissemination of novel coronavirus (SARS-CoV-2)", Science 368:489
 *   (2020), Table 1 — the metapopulation SEIR fitted to 375 Chinese cities linked by mobility;
 * - IFR 0.66 %: Verity R. et al., "Estimates of the severity of coronavirus disease 2019",
 *   Lancet Infect Dis 20:669 (2020), China;
 * - death delay 16 d after removal: infection → death ≈ 5.2 d incubation (Li Q. et al., NEJM
 *   382:1199, 2020) + 17.8 d onset → death (Verity et al.) = 23 d, less the 3.69 + 3.47 d
 *   this model already spends in E and I.
 */
export const COVID_DEFAULTS = {
  latentPeriod: 3.69,
  infectiousPeriod: 3.47,
  ifr: 0.0066,
  deathDelay: 16,
} as const;

export const MAX_REPORTING_DELAY = 60;

/** A parameter outside its domain; `field` is its path (e.g. "beta.changes[2].day"). */
export class ModelInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ModelInputError';
  }
}

const positive = (field: string, v: number) => {
  if (!(Number.isFinite(v) && v > 0)) throw new ModelInputError(field, `must be a positive number (got ${v})`);
};
const nonNegative = (field: string, v: number) => {
  if (!(Number.isFinite(v) && v >= 0)) throw new ModelInputError(field, `must be a number ≥ 0 (got ${v})`);
};
const share = (field: string, v: number) => {
  if (!(Number.isFinite(v) && v >= 0 && v <= 1)) throw new ModelInputError(field, `must be between 0 and 1 (got ${v})`);
};

/** Checks a transmission schedule: β ≥ 0 and change days integers in increasing order. */
export function checkTransmission(t: Transmission, field = 'beta'): void {
  nonNegative(`${field}.value`, t.value);
  let last = -1;
  t.changes.forEach((c, i) => {
    if (!Number.isInteger(c.day) || c.day < 0) throw new ModelInputError(`${field}.changes[${i}].day`, `must be a whole day offset ≥ 0 (got ${c.day})`);
    if (c.day <= last) throw new ModelInputError(`${field}.changes[${i}].day`, 'change days must be in increasing order');
    nonNegative(`${field}.changes[${i}].value`, c.value);
    last = c.day;
  });
}

/** Throws ModelInputError naming the first parameter outside its domain. */
export function checkParams(p: EpidemicParams, prefix = ''): void {
  positive(`${prefix}population`, p.population);
  checkTransmission(p.beta, `${prefix}beta`);
  if (p.structure === 'seir') positive(`${prefix}sigma`, p.sigma);
  positive(`${prefix}gamma`, p.gamma);
  share(`${prefix}reporting`, p.reporting);
  const delay = p.reportingDelay ?? 0;
  if (!Number.isInteger(delay) || delay < 0 || delay > MAX_REPORTING_DELAY) throw new ModelInputError(`${prefix}reportingDelay`, `must be a whole number of days in 0..${MAX_REPORTING_DELAY} (got ${delay})`);
  if (p.deaths) {
    share(`${prefix}deaths.ifr`, p.deaths.ifr);
    nonNegative(`${prefix}deaths.delay`, p.deaths.delay);
  }
  const { exposed, infectious, removed } = p.initial;
  nonNegative(`${prefix}initial.exposed`, exposed);
  nonNegative(`${prefix}initial.infectious`, infectious);
  nonNegative(`${prefix}initial.removed`, removed);
  if (p.structure === 'sir' && exposed > 0) throw new ModelInputError(`${prefix}initial.exposed`, 'an SIR model has no exposed compartment');
  if (exposed + infectious + removed > p.population) throw new ModelInputError(`${prefix}initial`, 'exposed + infectious + removed exceed the population');
}

/** β on day `day` (the value in force from that day on). */
export function betaOn(t: Transmission, day: number): number {
  let v = t.value;
  for (const c of t.changes) if (c.day <= day) v = c.value;
  return v;
}

/** R0 = β / γ of the transmission in force on `day` (before depletion of susceptibles). */
export function reproductionOn(p: EpidemicParams, day: number): number {
  return betaOn(p.beta, day) / p.gamma;
}
