import type { AccessKind, DatasetCitation, DatasetDownload, DatasetEntry, RedistributionClass, StatedCount } from '../domain/dataset.js';
import type { IsoDate } from '../domain/dates.js';
import type { SourceManifest } from '../domain/source.js';

/**
 * What a case-count entry adds to its connector's manifest: everything the manifest does not
 * say. The manifest stays the one place for id, title, publisher, homepage, licence, the
 * redistribution sentence, file URLs and the freeze date.
 */
export interface SourceDatasetExtra {
  description: string;
  counts: StatedCount[];
  redistribution: RedistributionClass;
  commercialUse: boolean | null;
  citation?: DatasetCitation;
  temporalCoverage?: { start?: IsoDate; end?: IsoDate };
  spatialCoverage: string;
  keywords?: string[];
  /** Default `['download']`: every connector reads files. */
  access?: AccessKind[];
}

/** Media type of a connector file from its URL (the extension; Socrata's `rows.csv?…` too). */
export function formatOfUrl(url: string): string | undefined {
  const path = new URL(url).pathname.toLowerCase();
  if (path.endsWith('.csv')) return 'text/csv';
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (path.endsWith('.mat')) return 'application/x-matlab-data';
  if (path.endsWith('/csv')) return 'text/csv'; // ECDC's opendata endpoint
  return undefined;
}

/** A `cases` entry for a connector: manifest fields taken as they are, the rest from `extra`. */
export function sourceDataset(manifest: SourceManifest, extra: SourceDatasetExtra): DatasetEntry {
  const downloads: DatasetDownload[] = manifest.files.map((file) => {
    const format = formatOfUrl(file.url);
    return format === undefined ? { title: file.id, url: file.url } : { title: file.id, url: file.url, format };
  });
  const entry: DatasetEntry = {
    id: manifest.id,
    title: manifest.title,
    publisher: manifest.publisher,
    description: extra.description,
    type: 'cases',
    counts: extra.counts,
    license: { ...manifest.license },
    redistribution: extra.redistribution,
    redistributionNote: manifest.redistribution,
    commercialUse: extra.commercialUse,
    access: extra.access ?? ['download'],
    homepage: manifest.homepage,
    downloads,
    spatialCoverage: extra.spatialCoverage,
    status: manifest.frozenOn === undefined ? { state: 'active' } : { state: 'frozen', lastUpdate: manifest.frozenOn },
    connectors: [manifest.id],
  };
  if (extra.citation) entry.citation = extra.citation;
  if (extra.temporalCoverage) entry.temporalCoverage = extra.temporalCoverage;
  if (extra.keywords) entry.keywords = extra.keywords;
  return entry;
}
