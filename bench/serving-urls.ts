/**
 * The URLs of the serving benchmark: what the served database holds (read through the API
 * before anything is measured), then seeded random /v1/series URLs over it, all distinct,
 * and the storm's distinct expensive requests.
 */
import type http from 'node:http';
import mt19937 from '@stdlib/random-base-mt19937';
import { LOCATION_LEVELS, type LocationLevel } from '../src/domain/location.js';
import { getJson } from './http.js';

/** Locations that have a value of a metric, by level; and the dates the data spans. */
export interface Catalog {
  entries: { level: LocationLevel; metric: string; cumulative: boolean; locations: string[] }[];
  transforms: string[];
  /** Earliest data_start and latest data_end over the sources (ISO dates). */
  dataStart: string;
  dataEnd: string;
}

interface MetricsBody {
  data: { id: string; kind: string }[];
  transforms: string[];
}
interface LatestBody {
  data: { location: string; value: number | null }[];
}
interface SourcesBody {
  data: { data_start: string | null; data_end: string | null }[];
}

/**
 * Reads /v1/metrics, /v1/latest for every metric and level, and /v1/sources: the (level,
 * metric) pairs with at least one location that has a value. These requests are not measured
 * and none of them is a /v1/series URL, so they warm nothing the load asks for.
 */
export async function readCatalog(base: string, agent: http.Agent): Promise<Catalog> {
  const metrics = await getJson<MetricsBody>(`${base}/v1/metrics`, agent);
  const entries: Catalog['entries'] = [];
  for (const m of metrics.data) {
    for (const level of LOCATION_LEVELS) {
      const latest = await getJson<LatestBody>(`${base}/v1/latest?metric=${m.id}&level=${level}`, agent);
      const locations = latest.data.filter((r) => r.value !== null).map((r) => r.location);
      if (locations.length) entries.push({ level, metric: m.id, cumulative: m.kind === 'cumulative', locations });
    }
  }
  if (!entries.length) throw new Error('the served database has no values (/v1/latest is empty for every metric and level)');
  const sources = (await getJson<SourcesBody>(`${base}/v1/sources`, agent)).data;
  const starts = sources.map((s) => s.data_start).filter((d): d is string => d !== null).sort();
  const ends = sources.map((s) => s.data_end).filter((d): d is string => d !== null).sort();
  return { entries, transforms: metrics.transforms, dataStart: starts[0], dataEnd: ends[ends.length - 1] };
}

/**
 * `count` distinct /v1/series paths from a seeded generator: a level (uniform over the levels
 * that have data, so counties do not crowd out countries), a metric with data at that level, a
 * location with a value of it, a transform (cumulative metrics only; daily and average metrics
 * take none), and for every second URL an `as_of` date drawn uniformly from the data's span
 * plus 30 days.
 */
export interface SeriesUrl {
  path: string;
  level: LocationLevel;
  asOf: boolean;
}

export function seriesPaths(catalog: Catalog, count: number, seed: number): SeriesUrl[] {
  const rand = mt19937.factory({ seed });
  const uniform = () => rand() / (rand.MAX + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(uniform() * xs.length)];
  const levels = [...new Set(catalog.entries.map((e) => e.level))];
  const first = Date.parse(catalog.dataStart);
  const days = Math.round((Date.parse(catalog.dataEnd) - first) / 86_400_000) + 30;
  const out = new Map<string, SeriesUrl>();
  // The URL space (thousands of locations × transforms × dates) is far larger than count; the
  // bound only stops a tiny database from looping forever.
  for (let tries = 0; out.size < count && tries < count * 100; tries++) {
    const level = pick(levels);
    const e = pick(catalog.entries.filter((x) => x.level === level));
    const params = new URLSearchParams({ location: pick(e.locations), metric: e.metric });
    if (e.cumulative) params.set('transform', pick(catalog.transforms));
    const asOf = out.size % 2 === 0;
    if (asOf) params.set('as_of', new Date(first + Math.floor(uniform() * days) * 86_400_000).toISOString().slice(0, 10));
    const path = `/v1/series?${params}`;
    if (!out.has(path)) out.set(path, { path, level, asOf });
  }
  if (out.size < count) throw new Error(`only ${out.size} distinct series URLs for ${count} wanted: the database holds too little`);
  return [...out.values()];
}

/**
 * The storm: 8 distinct expensive requests, each as of a different past date — county maps
 * (every US county's value on one day, several metrics and transforms), a country map, and
 * the discrepancy ranking (every location with two or more sources). The dates are spread
 * from two years before the newest data (where every level has published data) to 30 days
 * after it (where every source's newest copy is known).
 */
export function stormPaths(catalog: Catalog): string[] {
  const end = Date.parse(catalog.dataEnd) + 30 * 86_400_000;
  const date = (k: number) => new Date(end - ((7 - k) * 760 * 86_400_000) / 7).toISOString().slice(0, 10);
  return [
    `/v1/map?metric=confirmed&transform=daily&level=county&as_of=${date(0)}`,
    `/v1/map?metric=confirmed&transform=daily&level=county&as_of=${date(1)}`,
    `/v1/map?metric=deaths&transform=daily_7day_avg&level=county&as_of=${date(2)}`,
    `/v1/map?metric=confirmed&transform=daily_per_100k&level=county&as_of=${date(3)}`,
    `/v1/map?metric=deaths&transform=daily&level=county&as_of=${date(4)}`,
    `/v1/map?metric=confirmed&transform=daily_7day_avg&level=country&as_of=${date(5)}`,
    `/v1/discrepancies?metric=confirmed&as_of=${date(6)}`,
    `/v1/discrepancies?metric=deaths&as_of=${date(7)}`,
  ];
}
