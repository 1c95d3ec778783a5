import { fillShortGaps, toDailyIncidence, type DailyChanges, type DailyIncidence } from '../incidence.js';

/**
 * Unknown runs of up to a week are filled by linear interpolation (a weekend or holiday without
 * reports, a day left out as a correction); a longer silence splits the series into segments
 * estimated apart, since the renewal sum cannot span weeks of unknown cases.
 */
export const RT_MAX_GAP_DAYS = 7;

export interface RtIncidence {
  /** Index into the daily changes of values[0]. */
  offset: number;
  /** Complete daily incidence from the segment's first case. */
  values: Float64Array;
  /** 1 where the day's value is a share of a multi-day report or filled in across a gap. */
  imputed: Uint8Array;
}

/**
 * The series Rt is estimated on, in chronological segments: daily incidence (multi-day reports
 * spread, corrections and backlogs left unknown; src/models/incidence.ts), gaps of up to maxGap
 * days filled, split at longer gaps, each segment begun at its first case — EpiEstim reads the
 * first day's cases as imported and the one-mean-serial-interval wait runs from there. Segments
 * without a case are dropped.
 */
export function rtSegments(changes: DailyChanges, maxGap = RT_MAX_GAP_DAYS): RtIncidence[] {
  const segments: RtIncidence[] = [];
  let rest: DailyIncidence = toDailyIncidence(changes);
  while (rest.values.length > 0) {
    const filled = fillShortGaps(rest, maxGap);
    if (filled.values.length === 0) break;
    let first = 0;
    while (first < filled.values.length && filled.values[first] === 0) first++;
    if (first < filled.values.length) segments.push({ offset: filled.offset + first, values: filled.values.subarray(first), imputed: filled.imputed.subarray(first) });
    // What came before this segment's long gap, ending in that gap (trimmed by fillShortGaps).
    rest = { values: rest.values.subarray(0, filled.offset), imputed: rest.imputed.subarray(0, filled.offset), excluded: rest.excluded.subarray(0, filled.offset) };
  }
  return segments.reverse();
}
