/**
 * How far two sources' values for one location and metric agree (pure). Only days on which
 * both have a value are compared; a difference is any inequality (counts are integers).
 */
export interface AgreementStats {
  days_compared: number;
  days_differing: number;
  /** days_differing / days_compared (0 when nothing was compared). */
  share_differing: number;
  max_abs_diff: number;
  /** |a − b| / max(|a|, |b|) at its largest. */
  max_rel_diff: number;
  /** The mean of |a − b| / max(|a|, |b|) over the compared days. */
  mean_rel_diff: number;
  first_differing: number | null;
  last_differing: number | null;
}

/** `a` and `b` are aligned day by day from day number `start`; NaN = no value. */
export function agreement(a: Float64Array, b: Float64Array, start: number): AgreementStats {
  const s: AgreementStats = {
    days_compared: 0, days_differing: 0, share_differing: 0, max_abs_diff: 0, max_rel_diff: 0, mean_rel_diff: 0,
    first_differing: null, last_differing: null,
  };
  let relSum = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    s.days_compared++;
    if (x === y) continue;
    const abs = Math.abs(x - y);
    const rel = abs / Math.max(Math.abs(x), Math.abs(y));
    s.days_differing++;
    s.max_abs_diff = Math.max(s.max_abs_diff, abs);
    s.max_rel_diff = Math.max(s.max_rel_diff, rel);
    relSum += rel;
    s.first_differing ??= start + i;
    s.last_differing = start + i;
  }
  if (s.days_compared) {
    s.share_differing = s.days_differing / s.days_compared;
    s.mean_rel_diff = relSum / s.days_compared;
  }
  return s;
}
