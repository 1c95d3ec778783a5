import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, mapScope, MAX_LOCATIONS, parseState, serializeState, transformOf, type ViewState } from './state.js';

describe('state ↔ URL', () => {
  it('reads an empty query as the defaults and writes the defaults as an empty query', () => {
    expect(parseState('')).toEqual(DEFAULT_STATE);
    expect(serializeState({ ...DEFAULT_STATE })).toBe('');
  });

  it('round-trips every field', () => {
    const s: ViewState = {
      page: 'explorer', tab: 'chart', metric: 'deaths', measure: 'daily', perCapita: false, date: '2021-03-01', region: 'US_CA', counties: true,
      locations: ['FR', 'US_CA_06037', 'SHIP-DIAMOND-PRINCESS'], log: true, from: '2020-03-01', to: '2021-12-31', asOf: '2020-06-01',
      anomalies: false, sort: 'name', desc: false, pageNo: 3,
    };
    const url = serializeState(s);
    expect(url).toBe('?tab=chart&metric=deaths&measure=daily&per100k=0&date=2021-03-01&region=US_CA&counties=1&loc=FR,US_CA_06037,SHIP-DIAMOND-PRINCESS&log=1&from=2020-03-01&to=2021-12-31&asof=2020-06-01&anomalies=0&sort=name&desc=0&p=3');
    expect(parseState(url)).toEqual(s);
  });

  it('falls back to defaults for values a link cannot mean, instead of failing', () => {
    const s = parseState('?tab=pie&metric=cases&measure=weekly&date=2021-02-30&region=<script>&loc=fr,DE,,DE&p=-2&sort=x;y&asof=yesterday');
    expect(s).toMatchObject({ tab: 'map', metric: 'confirmed', measure: 'daily_7day_avg', date: null, region: 'world', locations: ['DE'], pageNo: 0, sort: 'value', asOf: null });
  });

  it('keeps at most ten locations, in order, without repeats, and puts a reversed range in order', () => {
    const keys = Array.from({ length: 14 }, (_, i) => `K${i}`);
    expect(parseState(`?loc=${keys.join(',')}`).locations).toEqual(keys.slice(0, MAX_LOCATIONS));
    expect(parseState('?from=2021-05-01&to=2021-01-01')).toMatchObject({ from: '2021-01-01', to: '2021-05-01' });
  });

  it('maps the measure and per-capita toggle to the API transform', () => {
    expect(transformOf('cumulative', false)).toBe('cumulative');
    expect(transformOf('cumulative', true)).toBe('per_100k');
    expect(transformOf('daily', true)).toBe('daily_per_100k');
    expect(transformOf('daily_7day_avg', true)).toBe('daily_7day_avg_per_100k');
  });

  it('maps a map region to the level and parent to ask for', () => {
    expect(mapScope({ region: 'world', counties: false })).toEqual({ level: 'country', parent: null });
    expect(mapScope({ region: 'US', counties: false })).toEqual({ level: 'subdivision', parent: 'US' });
    expect(mapScope({ region: 'US', counties: true })).toEqual({ level: 'county', parent: null });
    expect(mapScope({ region: 'US_CA', counties: false })).toEqual({ level: 'county', parent: 'US_CA' });
  });
});
