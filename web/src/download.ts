import { apiUrl, getJson, getText } from './api';
import { distinctColumn } from './csv';
import { download } from './dom';
import { describeMeasure } from './format';
import { mapScope, serializeState, transformOf, type ViewState } from './state';

/** The API CSV URLs behind what a view shows: the map and table a snapshot, the chart its series. */
export function csvUrls(s: ViewState): { name: string; url: string }[] {
  const transform = transformOf(s.measure, s.perCapita);
  if (s.tab === 'chart') {
    const q = { location: s.locations.join(','), metric: s.metric, transform, from: s.from ?? undefined, to: s.to ?? undefined, format: 'csv' };
    if (s.locations.length === 0) return [];
    const base = `glacier-${s.metric}-${transform}-${s.locations.join('-')}`;
    return [{ name: `${base}.csv`, url: apiUrl('/v1/series', q) }, ...(s.asOf ? [{ name: `${base}-as-of-${s.asOf}.csv`, url: apiUrl('/v1/series', { ...q, as_of: s.asOf }) }] : [])];
  }
  const scope = mapScope(s);
  const q = { metric: s.metric, transform, level: scope.level, parent: scope.parent ?? undefined, date: s.date ?? undefined, format: 'csv' };
  return [{ name: `glacier-map-${s.metric}-${transform}-${s.region}-${s.date ?? 'latest'}.csv`, url: apiUrl('/v1/map', q) }];
}

/**
 * Downloads exactly the API's CSV for the view, and beside it a metadata file: what the numbers
 * are, the sources they come from with their licences, when they were retrieved, and the URLs.
 */
export async function downloadView(s: ViewState, metricTitle: string): Promise<void> {
  const files = csvUrls(s);
  const texts = await Promise.all(files.map((f) => getText(f.url)));
  const used = new Set(texts.flatMap((t) => distinctColumn(t, 'source')));
  const sources = (await getJson('/v1/sources')).data.filter((src) => used.has(src.id));
  const origin = location.origin;
  const metadata = {
    title: describeMeasure(metricTitle, s.measure, s.perCapita),
    view_url: `${origin}/${serializeState(s)}`,
    query_urls: files.map((f) => `${origin}${f.url}`),
    retrieved_at: new Date().toISOString(),
    files: files.map((f) => f.name),
    sources: sources.map((src) => ({ id: src.id, title: src.title, publisher: src.publisher, homepage: src.homepage, license: src.license, redistribution: src.redistribution, data_end: src.data_end })),
    notes: 'Empty value cells are missing values (see missing_reason), never zeros. Definitions: /v1/metrics; API reference: /docs.',
  };
  files.forEach((f, i) => download(f.name, texts[i], 'text/csv'));
  download(files[0].name.replace(/\.csv$/, '.metadata.json'), JSON.stringify(metadata, null, 2), 'application/json');
}
