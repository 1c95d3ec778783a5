import type { Connector } from '../src/domain/series.js';
import type { VintageSelection } from '../src/ingest/provide-files.js';
import { jhuGlobal } from '../src/sources/jhu-global/index.js';
import { jhuUs } from '../src/sources/jhu-us/index.js';
import { CONNECTORS } from '../src/sources/registry.js';

/**
 * What an ingest benchmark loads. `jhu`: the JHU time series, newest copy of each file (the
 * set DuckDB loads as the reference); `all`: every source and every vintage in the mirror.
 */
export type BenchScope = 'jhu' | 'all';

export function scopeOf(scope: BenchScope): { connectors: readonly Connector[]; vintages: VintageSelection } {
  return scope === 'jhu' ? { connectors: [jhuGlobal, jhuUs], vintages: 'newest' } : { connectors: CONNECTORS, vintages: 'all' };
}
