/**
 * Colour and axis scales. The map uses classed colours (as Grapher does): a few steps that a
 * person can match to the legend, with breaks at round numbers chosen from the data's quantiles.
 */

/** ColorBrewer YlOrRd, 8 classes (colour-blind safe, readable on white). */
export const PALETTE = ['#ffffcc', '#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'];
export const NO_DATA = '#e6e6e6';

/** The nearest "round" number (1, 2, 2.5, 5 × 10^k) at or above v. */
export function niceCeil(v: number): number {
  if (v <= 0) return 0;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p * (1 + 1e-9)) return m * p;
  return 10 * p;
}

/** Value at quantile q (0..1) of sorted values, linear between order statistics. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (h - lo);
}

/**
 * Upper bounds of the colour classes: round numbers at evenly spaced quantiles of the positive
 * values, strictly increasing, the last covering the maximum. At most `classes` bounds.
 */
export function colourBreaks(values: number[], classes = PALETTE.length): number[] {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const breaks: number[] = [];
  for (let k = 1; k <= classes; k++) {
    const b = niceCeil(quantile(positive, k / classes));
    if (b > (breaks.at(-1) ?? 0)) breaks.push(b);
  }
  return breaks;
}

/** Class of a value: 0 for zero or less, else the first break it does not exceed. -1: no data. */
export function classOf(v: number | null | undefined, breaks: number[]): number {
  if (v === null || v === undefined || !Number.isFinite(v)) return -1;
  if (v <= 0 || breaks.length === 0) return 0;
  for (let i = 0; i < breaks.length; i++) if (v <= breaks[i]) return i;
  return breaks.length - 1;
}

/** The palette spread over the classes a set of breaks makes (fewer breaks: wider steps). */
export function coloursFor(breaks: number[]): string[] {
  const n = Math.max(1, breaks.length);
  if (n >= PALETTE.length) return PALETTE.slice(0, n);
  return Array.from({ length: n }, (_, i) => PALETTE[Math.round((i * (PALETTE.length - 1)) / Math.max(1, n - 1))]);
}

/** A log axis cannot show zero or negative values: they become gaps (null), not fake points. */
export function forLogScale(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v !== null && v > 0 ? v : null));
}

/**
 * Top of an Rt chart's axis: a round number above most of the medians (98th percentile, +20 %),
 * at least 2 so R = 1 sits in the lower half. The first windows of an epidemic (few cases, R of
 * 20–50) would otherwise flatten years of R ≈ 1 into a line; they are cut, and the text says so.
 */
export function rtAxisMax(medians: number[]): number {
  const s = medians.filter(Number.isFinite).sort((a, b) => a - b);
  return niceCeil(Math.max(2, s.length ? quantile(s, 0.98) * 1.2 : 2));
}
