import countiesUrl from 'us-atlas/counties-albers-10m.json?url';
import statesUrl from 'us-atlas/states-albers-10m.json?url';
import worldUrl from 'world-atlas/countries-110m.json?url';
import type { GeoRequest, GeoResponse } from './geo-worker';
import GeoWorker from './geo-worker?worker';

/**
 * Map geometry from maintained packages (world-atlas, us-atlas: Natural Earth and US Census
 * shapes as TopoJSON), served with the page: no tile server, no network. Each file is fetched
 * only when its map is first shown; the US counties (250 KB gzipped) only on drill-down.
 */
export type GeoLayer = Required<Pick<GeoResponse, 'shapes' | 'borders' | 'viewBox'>>;

export interface MapSpec {
  url: string;
  object: GeoRequest['object'];
  prefix?: string;
}

export function mapSpec(level: 'country' | 'subdivision' | 'county', stateFips: string | null): MapSpec | null {
  if (level === 'country') return { url: worldUrl, object: 'countries' };
  if (level === 'subdivision') return { url: statesUrl, object: 'states' };
  return { url: countiesUrl, object: 'counties', ...(stateFips ? { prefix: stateFips } : {}) };
}

let worker: Worker | undefined;
let next = 0;
const pending = new Map<number, (r: GeoResponse) => void>();
const layers = new Map<string, Promise<GeoLayer>>();

export function geoLayer(spec: MapSpec): Promise<GeoLayer> {
  const key = `${spec.url}|${spec.object}|${spec.prefix ?? ''}`;
  let hit = layers.get(key);
  if (!hit) {
    if (!worker) {
      worker = new GeoWorker();
      worker.onmessage = (e: MessageEvent<GeoResponse>) => {
        pending.get(e.data.id)?.(e.data);
        pending.delete(e.data.id);
      };
    }
    const id = ++next;
    const w = worker;
    hit = new Promise<GeoLayer>((resolve, reject) => {
      pending.set(id, (r) => (r.error || !r.shapes ? reject(new Error(`map geometry could not be read: ${r.error}`)) : resolve(r as GeoLayer)));
      w.postMessage({ id, url: new URL(spec.url, location.href).href, object: spec.object, prefix: spec.prefix } satisfies GeoRequest);
    });
    hit.catch(() => layers.delete(key));
    layers.set(key, hit);
  }
  return hit;
}
