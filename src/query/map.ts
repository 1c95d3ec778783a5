import { isoFromDay } from '../domain/dates.js';
import { parentOfKey, type LocationLevel } from '../domain/location.js';
import type { Transform } from '../domain/transforms.js';
import type { Db } from '../store/db.js';
import { locationPopulations } from '../store/read-locations.js';
import { rankedSeriesAt } from '../store/read-series.js';
import type { ExpensiveWork, Slicer } from './expensive.js';
import { knownLocation, metricId, transformApplies } from './params.js';
import { rankedByPair, servedSeries, type SeriesPlan } from './series.js';

/**
 * Map snapshots: every location's value of one metric and transform on one date. A snapshot
 * reads every series of a level (3,000+ for US counties), so the whole served matrix is built
 * once per data version and kept; any date (the timeline slider, playing through time) is then
 * a lookup. The values are exactly those of /v1/series for the same parameters.
 */
export interface MapKey {
  metric: string;
  transform: Transform;
  level: LocationLevel | null;
  parent: string | null;
  asOf: string | null;
}

interface MapLocation {
  location: string;
  name: string;
  level: LocationLevel;
  parent: string | null;
  population: number | null;
  start: number;
  values: Float64Array;
  /** Supplying source per day (index into `sources`), -1 where none. */
  supplier: Int16Array;
  sources: { source: string; derived: boolean }[];
}

export interface MapMatrix {
  locations: MapLocation[];
  /** First and last day any location has a value (null: no data at all). */
  first: number | null;
  last: number | null;
}

export interface MapRow {
  location: string;
  name: string;
  level: LocationLevel;
  parent: string | null;
  date: string;
  value: number;
  population: number | null;
  source: string | null;
  derived: boolean | null;
}

/** The checks /v1/series makes, for one metric and a whole level. */
export async function checkMapQuery(db: Db, key: MapKey): Promise<void> {
  transformApplies(key.transform, [metricId(key.metric)]);
  if (key.parent) await knownLocation(db, key.parent, 'parent');
}

/**
 * The ranked series of a metric over a level or parent (rankedSeriesAt): the same for every date
 * and as_of, so a server keeps it per data version (ExpensiveWork.memo) instead of asking again.
 */
export type SeriesLister = (metric: string, level: LocationLevel | null, parent: string | null) => ReturnType<typeof rankedSeriesAt>;

/** The lister that keeps each list in `work` for the data version (about 200 bytes a series). */
export function keptSeriesLister(db: Db, work: ExpensiveWork, version: number): SeriesLister {
  return (metric, level, parent) =>
    work.memo({ key: `series-list ${JSON.stringify([metric, level, parent])}`, version, compute: () => rankedSeriesAt(db, metric, level, parent), bytes: (rows) => 200 * rows.length + 64 });
}

/**
 * Builds the served matrix: the same plan /v1/series makes, over every location of the level.
 * `slicer` yields to the event loop between series (a county map is 3,000+ of them).
 */
export async function buildMapMatrix(db: Db, key: MapKey, slicer?: Slicer, list: SeriesLister = (m, l, p) => rankedSeriesAt(db, m, l, p)): Promise<MapMatrix> {
  const candidates = await list(key.metric, key.level, key.parent);
  const info = new Map(candidates.map((c) => [c.location, { name: c.name, level: c.level }]));
  const keys = [...info.keys()];
  const populations = await locationPopulations(db, keys);
  const plan: SeriesPlan = {
    request: { locations: keys, metrics: [key.metric], from: null, to: null, asOf: key.asOf, transform: key.transform, source: 'best', excludeAnomalies: false },
    ranked: rankedByPair(candidates),
    populations,
    pairs: keys.map((location) => ({ location, metric: key.metric })),
  };
  const locations: MapLocation[] = [];
  let first: number | null = null;
  let last: number | null = null;
  for await (const s of servedSeries(db, plan)) {
    await slicer?.tick();
    let lo = -1;
    let hi = -1;
    for (let i = 0; i < s.values.length; i++) {
      if (Number.isNaN(s.values[i])) continue;
      if (lo < 0) lo = i;
      hi = i;
    }
    if (lo < 0) continue;
    first = first === null ? s.start + lo : Math.min(first, s.start + lo);
    last = last === null ? s.start + hi : Math.max(last, s.start + hi);
    const i = info.get(s.location)!;
    locations.push({
      location: s.location, name: i.name, level: i.level, parent: parentOfKey(s.location), population: populations.get(s.location) ?? null,
      start: s.start, values: s.values, supplier: s.supplier, sources: s.refs.map((r) => ({ source: r.source, derived: r.derived })),
    });
  }
  return { locations, first, last };
}

/**
 * Each location's value on `day`, or where it has none that day, its newest value in the
 * `tolerance` days before (weekly reporters; the row's date says which day it is from).
 */
export function snapshotAt(matrix: MapMatrix, day: number, tolerance: number): MapRow[] {
  const rows: MapRow[] = [];
  for (const l of matrix.locations) {
    for (let back = 0; back <= tolerance; back++) {
      const i = day - back - l.start;
      if (i < 0) break;
      if (i >= l.values.length || Number.isNaN(l.values[i])) continue;
      const src = l.sources[l.supplier[i]];
      rows.push({
        location: l.location, name: l.name, level: l.level, parent: l.parent, date: isoFromDay(day - back), value: l.values[i],
        population: l.population, source: src?.source ?? null, derived: src?.derived ?? null,
      });
      break;
    }
  }
  return rows;
}

/** A matrix's memory, for the bound on kept results: its typed arrays and about 200 bytes of strings and objects per location. */
export function matrixBytes(m: MapMatrix): number {
  let n = 0;
  for (const l of m.locations) n += l.values.byteLength + l.supplier.byteLength + 200 + 64 * l.sources.length;
  return n;
}

export const dayOrNull = (d: number | null) => (d === null ? null : isoFromDay(d));
