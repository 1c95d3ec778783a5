/// <reference lib="webworker" />
import { geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Turns TopoJSON into SVG path strings off the main thread: parsing the US counties file and
 * drawing 3,000+ shapes would otherwise freeze the page. The US files are already projected
 * (Albers USA, 975 × 610), the world is projected here (Equal Earth).
 */
export interface GeoRequest {
  id: number;
  url: string;
  object: 'countries' | 'states' | 'counties';
  /** Keep features whose id starts with this (one state's counties), and fit the view to them. */
  prefix?: string;
}
export interface GeoShape {
  id: string;
  name: string;
  d: string;
}
export interface GeoResponse {
  id: number;
  shapes?: GeoShape[];
  /** Borders drawn once over the fills (shared edges not drawn twice). */
  borders?: string;
  viewBox?: [number, number, number, number];
  error?: string;
}

const topologies = new Map<string, Promise<Topology>>();

function load(url: string): Promise<Topology> {
  let t = topologies.get(url);
  if (!t) {
    t = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json() as Promise<Topology>;
    });
    topologies.set(url, t);
  }
  return t;
}

const round = (d: string | null) => (d ?? '').replace(/(\d+\.\d)\d+/g, '$1');

self.onmessage = async (e: MessageEvent<GeoRequest>) => {
  const req = e.data;
  try {
    const topo = await load(req.url);
    const object = topo.objects[req.object] as GeometryCollection<{ name?: string }>;
    const geometries = req.prefix ? object.geometries.filter((g) => String(g.id ?? '').startsWith(req.prefix!)) : object.geometries;
    const collection = { ...object, geometries };
    const world = req.object === 'countries';
    const width = 960;
    const projection = world ? geoEqualEarth().fitExtent([[4, 4], [width - 4, 496]], { type: 'Sphere' }) : null;
    const path = geoPath(projection);
    const features = feature(topo, collection).features;
    const shapes: GeoShape[] = features.map((f) => ({ id: String(f.id ?? ''), name: f.properties?.name ?? '', d: round(path(f as GeoPermissibleObjects)) }));
    const borders = round(path(mesh(topo, collection, (a, b) => a !== b)));
    let viewBox: [number, number, number, number] = world ? [0, 0, width, 500] : [0, 0, 975, 610];
    if (req.prefix) {
      const [[x0, y0], [x1, y1]] = path.bounds({ type: 'FeatureCollection', features } as GeoPermissibleObjects);
      const pad = Math.max(x1 - x0, y1 - y0) * 0.03;
      viewBox = [x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad];
    }
    (self as unknown as Worker).postMessage({ id: req.id, shapes, borders, viewBox } satisfies GeoResponse);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id: req.id, error: (err as Error).message } satisfies GeoResponse);
  }
};
