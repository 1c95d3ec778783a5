import { describe, expect, it } from 'vitest';
import { freshness, REQUIRED_SOURCES, STALE_AFTER_HOURS } from './freshness.js';

describe('freshness', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
  const daily = { cadence: 'daily' as const, frozenOn: null, lastStatus: 'succeeded', dataEnd: '2026-03-09' };

  it('is stale once the last success is older than the cadence allows, not before', () => {
    expect(freshness({ ...daily, lastSuccessAt: hoursAgo(48) }, now)).toMatchObject({ state: 'fresh', stale: false, hoursSinceSuccess: 48, staleAfterHours: 48 });
    expect(freshness({ ...daily, lastSuccessAt: hoursAgo(48.1) }, now)).toMatchObject({ state: 'stale', stale: true, hoursSinceSuccess: 48.1 });
    const weekly = { ...daily, cadence: 'weekly' as const };
    expect(freshness({ ...weekly, lastSuccessAt: hoursAgo(8 * 24) }, now).stale).toBe(false);
    expect(freshness({ ...weekly, lastSuccessAt: hoursAgo(9 * 24 + 1) }, now).stale).toBe(true);
    expect(STALE_AFTER_HOURS).toEqual({ daily: 48, weekly: 216, irregular: 744 });
  });

  it('counts the data age from the end of the last day with data', () => {
    // 2026-03-09 ends at 2026-03-10T00:00Z, 12 h before now.
    expect(freshness({ ...daily, lastSuccessAt: hoursAgo(1) }, now).hoursSinceDataEnd).toBe(12);
  });

  it('never calls a frozen source stale, but still says when its last run failed', () => {
    const frozen = { ...daily, frozenOn: '2023-03-10', lastSuccessAt: hoursAgo(10_000), dataEnd: '2023-03-09' };
    expect(freshness(frozen, now)).toMatchObject({ state: 'frozen', stale: false, failing: false, staleAfterHours: null });
    expect(freshness({ ...frozen, lastStatus: 'failed' }, now)).toMatchObject({ state: 'frozen', stale: false, failing: true });
  });

  it('calls a live source that never succeeded stale, and a failed newest run failing', () => {
    expect(freshness({ ...daily, lastStatus: 'failed', lastSuccessAt: null, dataEnd: null }, now)).toMatchObject({ state: 'never_succeeded', stale: true, failing: true, hoursSinceSuccess: null, hoursSinceDataEnd: null });
    expect(freshness({ ...daily, lastStatus: 'failed', lastSuccessAt: hoursAgo(2) }, now)).toMatchObject({ state: 'fresh', stale: false, failing: true });
  });

  it('requires the first source of every precedence rule', () => {
    expect([...REQUIRED_SOURCES].sort()).toEqual(['jhu-global', 'jhu-us', 'owid', 'who']);
  });
});
