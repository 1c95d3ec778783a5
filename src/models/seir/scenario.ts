import type { SolverOptions } from './ode.js';
import { betaOn, checkTransmission, type EpidemicParams, type Transmission } from './params.js';
import { simulate, type Trajectory } from './simulate.js';

/**
 * A change of transmission from `day` on:
 * - factor: β is multiplied by it from that day (a later scheduled change is multiplied too);
 * - beta: β is replaced by this value from that day (later scheduled changes are dropped).
 */
export type TransmissionEdit = { day: number; factor: number } | { day: number; beta: number };

export function editTransmission(t: Transmission, edit: TransmissionEdit): Transmission {
  const before = t.changes.filter((c) => c.day < edit.day);
  const after = t.changes.filter((c) => c.day > edit.day);
  const head = (v: number): Transmission => (edit.day === 0 ? { value: v, changes: [] } : { value: t.value, changes: [...before, { day: edit.day, value: v }] });
  if ('beta' in edit) return head(edit.beta);
  const h = head(betaOn(t, edit.day) * edit.factor);
  return { value: h.value, changes: [...h.changes, ...after.map((c) => ({ day: c.day, value: c.value * edit.factor }))] };
}

/**
 * A scenario: the (fitted) model run `days` days from its day 0 with the edits applied in order,
 * e.g. "from day 90, transmission 30 % lower" after a fit of days 0..89.
 */
export function project(p: EpidemicParams, days: number, edits: readonly TransmissionEdit[], solver?: SolverOptions): Trajectory {
  const beta = edits.reduce(editTransmission, p.beta);
  checkTransmission(beta);
  return simulate({ ...p, beta }, days, solver);
}
