/**
 * Largest-remainder (Hamilton) apportionment: `n` whole units divided in proportion to `ratios`.
 * Each part gets the floor of its quota n · r (ratios normalised by their sum), and the units
 * left over go one each to the parts with the largest fractional remainders; equal remainders
 * (within 1e-9) go to the earlier part (train before val before test). A part with ratio 0 gets
 * nothing. So every part gets ⌊n·r⌋ or ⌈n·r⌉ — within one unit of its quota — and the parts sum to n.
 */
const EPS = 1e-9;

export function apportion(n: number, ratios: readonly number[]): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`apportion: n must be a non-negative integer, got ${n}`);
  const total = ratios.reduce((a, r) => a + r, 0);
  if (!(total > 0) || ratios.some((r) => !(r >= 0) || !Number.isFinite(r))) {
    throw new RangeError('apportion: ratios must be finite, non-negative and not all zero');
  }
  const quotas = ratios.map((r) => {
    const q = (n * r) / total;
    // n·r that is an integer in exact arithmetic but off by rounding (3 · 0.7 = 2.0999999999999996) is that integer.
    const near = Math.round(q);
    return Math.abs(q - near) <= EPS * Math.max(1, n) ? near : q;
  });
  const counts = quotas.map((q) => Math.floor(q));
  let left = n - counts.reduce((a, c) => a + c, 0);
  const order = ratios
    .map((r, i) => ({ i, rem: quotas[i] - counts[i], r }))
    .filter((p) => p.r > 0)
    .sort((a, b) => (Math.abs(a.rem - b.rem) <= EPS ? a.i - b.i : b.rem - a.rem));
  // Cannot happen for n below ~1e8 (snapping moves a quota by at most 1e-9 · n).
  if (left < 0) throw new Error(`apportion: ${-left} unit(s) over after flooring (n = ${n})`);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) counts[order[k].i]++;
  return counts;
}
