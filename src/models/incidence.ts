/**
 * Daily incidence for the models, from a stored cumulative series read as daily changes
 * (docs/models/incidence.md). Missing days are never zeros: they are either imputed, and
 * marked so, or left unknown (NaN) for the model to skip.
 */

/** Anomaly codes whose days are not incidence: a correction or a backlog belongs to other days. */
export const EXCLUDED_FROM_INCIDENCE: readonly string[] = ['negative_change', 'backlog_dump'];

/** A report covering more days than this (a long silence) is not spread: its days stay unknown. */
export const MAX_SPREAD_DAYS = 14;

export interface DailyChanges {
  /** Change since the previous reported day; NaN where nothing was reported. */
  daily: ArrayLike<number>;
  /** Days each change covers (1 normally, 7 for a weekly report; 0 where missing). */
  covers: ArrayLike<number>;
  /** Anomaly codes per day. */
  flags: readonly (readonly string[])[];
}

export interface DailyIncidence {
  /** New cases per day; NaN = unknown. */
  values: Float64Array;
  /** 1 where the value is a share of a multi-day report or filled in across a gap. */
  imputed: Uint8Array;
  /** 1 where the reported change was left out (anomaly flag or negative change). */
  excluded: Uint8Array;
}

/**
 * Spreads each multi-day report evenly over the days it covers and leaves out days flagged as
 * corrections or backlogs (and any negative change): they become unknown, not zero.
 */
export function toDailyIncidence(c: DailyChanges): DailyIncidence {
  const n = c.daily.length;
  const values = new Float64Array(n).fill(Number.NaN);
  const imputed = new Uint8Array(n);
  const excluded = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = c.daily[i];
    const cover = c.covers[i];
    if (Number.isNaN(v) || cover < 1) continue;
    if (v < 0 || c.flags[i]?.some((f) => EXCLUDED_FROM_INCIDENCE.includes(f))) {
      excluded[i] = 1;
      continue;
    }
    if (cover === 1) values[i] = v;
    else if (cover <= MAX_SPREAD_DAYS && i - cover + 1 >= 0) {
      for (let j = i - cover + 1; j <= i; j++) {
        values[j] = v / cover;
        imputed[j] = 1;
      }
    }
  }
  return { values, imputed, excluded };
}

export interface GapFilled {
  /** Index into the input of values[0]: the series restarts after the last gap too long to fill. */
  offset: number;
  values: Float64Array;
  imputed: Uint8Array;
}

/**
 * Fills unknown runs of at most `maxGap` days by linear interpolation between the known days on
 * either side (marked imputed) and keeps only the part after the last longer gap, trimmed to
 * known days at both ends; models that cannot skip days (Rt's renewal sum) take this.
 */
export function fillShortGaps(inc: DailyIncidence, maxGap: number): GapFilled {
  const v = inc.values;
  let end = v.length - 1;
  while (end >= 0 && Number.isNaN(v[end])) end--;
  if (end < 0) return { offset: 0, values: new Float64Array(0), imputed: new Uint8Array(0) };
  // Walk back from the end to the start of the last stretch without a long gap.
  let start = end;
  let gap = 0;
  for (let i = end; i >= 0; i--) {
    if (Number.isNaN(v[i])) {
      if (++gap > maxGap) break;
    } else {
      gap = 0;
      start = i;
    }
  }
  const values = v.slice(start, end + 1);
  const imputed = inc.imputed.slice(start, end + 1);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) continue;
    let j = i;
    while (Number.isNaN(values[j])) j++;
    const a = values[i - 1];
    const b = values[j];
    for (let k = i; k < j; k++) {
      values[k] = a + ((b - a) * (k - i + 1)) / (j - i + 1);
      imputed[k] = 1;
    }
    i = j;
  }
  return { offset: start, values, imputed };
}
