import { PRECEDENCE } from './precedence.js';
import type { SourceManifest } from './source.js';

/**
 * When a source counts as stale: no successful run for longer than its declared cadence allows
 * (docs/api.md, "Health"). A daily source may miss one day's refresh (48 h); a weekly one a
 * couple of days past its week (9 days); an irregular one a month. A source with `frozenOn`
 * (archived upstream) never changes again: never stale, reported as frozen.
 */
export const STALE_AFTER_HOURS: Record<SourceManifest['cadence'], number> = {
  daily: 48,
  weekly: 9 * 24,
  irregular: 31 * 24,
};

/**
 * Sources whose health decides the overall status: the first choice of some precedence rule
 * (src/domain/precedence.ts), i.e. the sources the default series come from. Others may fail or
 * go stale with the overall status still "ok" (their own entry says so).
 */
export const REQUIRED_SOURCES: readonly string[] = [...new Set(PRECEDENCE.map((r) => r.sources[0]))];

export interface SourceRunState {
  cadence: SourceManifest['cadence'];
  frozenOn: string | null;
  /** Status of the newest run: running, succeeded or failed; null when never run. */
  lastStatus: string | null;
  /** ISO timestamp the newest successful run finished. */
  lastSuccessAt: string | null;
  /** Newest date with data (YYYY-MM-DD). */
  dataEnd: string | null;
}

export interface Freshness {
  state: 'fresh' | 'stale' | 'frozen' | 'never_succeeded';
  stale: boolean;
  failing: boolean;
  staleAfterHours: number | null;
  hoursSinceSuccess: number | null;
  hoursSinceDataEnd: number | null;
}

const HOUR = 3_600_000;
const hoursBetween = (from: number, now: Date) => Math.round(((now.getTime() - from) / HOUR) * 10) / 10;

export function freshness(s: SourceRunState, now: Date): Freshness {
  const hoursSinceSuccess = s.lastSuccessAt ? hoursBetween(Date.parse(s.lastSuccessAt), now) : null;
  // The data end is a day: its age counts from the end of that day (UTC).
  const hoursSinceDataEnd = s.dataEnd ? hoursBetween(Date.parse(`${s.dataEnd}T00:00:00Z`) + 24 * HOUR, now) : null;
  const failing = s.lastStatus === 'failed';
  const base = { failing, hoursSinceSuccess, hoursSinceDataEnd };
  if (s.frozenOn) return { ...base, state: 'frozen', stale: false, staleAfterHours: null };
  const staleAfterHours = STALE_AFTER_HOURS[s.cadence];
  if (hoursSinceSuccess === null) return { ...base, state: 'never_succeeded', stale: true, staleAfterHours };
  const stale = hoursSinceSuccess > staleAfterHours;
  return { ...base, state: stale ? 'stale' : 'fresh', stale, staleAfterHours };
}
