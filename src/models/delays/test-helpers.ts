/**
 * Simulation for the delay tests (not used by the models): delays drawn by inverse-CDF sampling
 * from stdlib's quantile functions with a seeded MT19937, floored to whole days.
 */
import { seededUint32, uniformInt } from '../splits/prng.js';
import { type DelayFamily, quantileOf } from './families.js';
import type { IncubationCase } from './incubation.js';

/** A uniform in (0, 1) from one 32-bit draw (never 0 or 1). */
export const unit = (next: () => number) => (next() + 0.5) / 4294967296;

export function simulateDays(family: DelayFamily, p1: number, p2: number, n: number, next: () => number): number[] {
  return Array.from({ length: n }, () => Math.floor(quantileOf(family, p1, p2, unit(next))));
}

/**
 * Travellers-like incubation data: exposure windows of 1–10 days starting on day 0–29, infection
 * uniform in the window, onset = infection + incubation, reported by day. (A window may run past
 * the onset day; the likelihood truncates it, which changes it by a constant only.)
 */
export function simulateIncubation(family: DelayFamily, p1: number, p2: number, n: number, next: () => number): IncubationCase[] {
  return Array.from({ length: n }, () => {
    const e0 = uniformInt(next, 30), w = 1 + uniformInt(next, 10);
    const t = e0 + unit(next) * w;
    const onset = Math.floor(t + quantileOf(family, p1, p2, unit(next)));
    return { exposureStart: e0, exposureEnd: e0 + w - 1, onsetStart: onset, onsetEnd: onset };
  });
}

export { seededUint32 };
