import type { DatasetCitation, DatasetEntry } from '../domain/dataset.js';
import { doiUrl, OTHERS } from './citation.js';

/**
 * A catalog entry as a schema.org `Dataset` in JSON-LD, for search engines (Google Dataset
 * Search) and harvesters. Google requires `name` and a `description` of 50 to 5,000 characters;
 * everything else it lists as recommended is filled in where the entry has it.
 * https://developers.google.com/search/docs/appearance/structured-data/dataset
 */

/** A table Glacier holds rows of for this dataset (store/read-datasets.ts `Holding` fits). */
export interface LocalHolding {
  table: string;
  rows: number;
}

export interface JsonLdOptions {
  /** Origin of the Glacier server (`https://glacier.example.org`); the API lives under `/v1`. */
  baseUrl: string;
  /** What this Glacier instance holds of the dataset (tables with no rows are left out). */
  local?: LocalHolding[];
}

export type JsonLd = { [key: string]: unknown };

/** Google's bounds on `description`. */
export const DESCRIPTION_MIN = 50;
export const DESCRIPTION_MAX = 5000;

/** Media types for the short format names entries may use. */
const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  fasta: 'text/x-fasta',
  png: 'image/png',
  jpg: 'image/jpeg',
  html: 'text/html',
};

/** The Glacier page of a dataset: `{baseUrl}/v1/datasets/{id}`. */
export function datasetPageUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/v1/datasets/${encodeURIComponent(id)}`;
}

/** `start/end` (ISO 8601 interval), `..` for an open end; undefined when neither is known. */
export function temporalInterval(coverage: DatasetEntry['temporalCoverage']): string | undefined {
  if (!coverage || (coverage.start === undefined && coverage.end === undefined)) return undefined;
  return `${coverage.start ?? '..'}/${coverage.end ?? '..'}`;
}

function organization(name: string, url?: string): JsonLd {
  return url === undefined ? { '@type': 'Organization', name } : { '@type': 'Organization', name, url };
}

/** "Family, Given" → Person; a name without a comma (an organisation) → Organization. */
function author(name: string): JsonLd {
  const comma = name.indexOf(',');
  if (comma < 0) return organization(name);
  const familyName = name.slice(0, comma).trim();
  const givenName = name.slice(comma + 1).trim();
  return { '@type': 'Person', name: `${givenName} ${familyName}`.trim(), familyName, givenName };
}

function scholarlyArticle(c: DatasetCitation): JsonLd {
  const out: JsonLd = {
    '@type': c.kind === 'dataset' ? 'Dataset' : 'ScholarlyArticle',
    name: c.title,
    author: c.authors.filter((a) => a.trim() !== '' && a !== OTHERS).map(author),
    datePublished: String(c.year),
  };
  if (c.doi) {
    out['@id'] = doiUrl(c.doi);
    out.identifier = doiUrl(c.doi);
  }
  const url = c.doi ? doiUrl(c.doi) : c.url;
  if (url) out.url = url;
  if (c.container) out.isPartOf = { '@type': c.kind === 'dataset' ? 'DataCatalog' : 'Periodical', name: c.container };
  if (c.volume) out.volumeNumber = c.volume;
  if (c.issue) out.issueNumber = c.issue;
  if (c.pages) out.pagination = c.pages;
  return out;
}

/** The description within Google's bounds (cut at 5,000 characters with an ellipsis). */
function boundedDescription(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= DESCRIPTION_MAX ? flat : `${flat.slice(0, DESCRIPTION_MAX - 1)}…`;
}

export function datasetJsonLd(entry: DatasetEntry, opts: JsonLdOptions): JsonLd {
  const url = datasetPageUrl(opts.baseUrl, entry.id);
  const publisher = organization(entry.publisher, entry.homepage);
  const doc: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': url,
    name: entry.title,
    description: boundedDescription(entry.description),
    url,
    sameAs: entry.homepage,
    identifier: entry.citation?.kind === 'dataset' && entry.citation.doi ? [doiUrl(entry.citation.doi), entry.id] : entry.id,
    creator: publisher,
    publisher,
    license: entry.license.url,
    // Every dataset in the catalog is free of charge; some need a (free) registration, which the
    // `conditionsOfAccess` text says.
    isAccessibleForFree: true,
    conditionsOfAccess: entry.redistributionNote,
    spatialCoverage: { '@type': 'Place', name: entry.spatialCoverage },
    includedInDataCatalog: { '@type': 'DataCatalog', name: 'Glacier research-dataset catalog', url: `${opts.baseUrl.replace(/\/+$/, '')}/v1/datasets` },
  };
  if (entry.keywords && entry.keywords.length > 0) doc.keywords = [...entry.keywords];
  const temporal = temporalInterval(entry.temporalCoverage);
  if (temporal !== undefined) doc.temporalCoverage = temporal;
  if (entry.downloads.length > 0) {
    doc.distribution = entry.downloads.map((d) => {
      const download: JsonLd = { '@type': 'DataDownload', name: d.title, contentUrl: d.url };
      if (d.format) download.encodingFormat = MEDIA_TYPES[d.format.toLowerCase()] ?? d.format;
      return download;
    });
  }
  if (entry.citation) doc.citation = scholarlyArticle(entry.citation);
  if (entry.status.state === 'frozen') doc.dateModified = entry.status.lastUpdate;
  const held = (opts.local ?? []).filter((h) => h.rows > 0);
  if (held.length > 0) {
    // What this instance holds, as parts of the dataset: each a Dataset Google can read too
    // (name, and a description over 50 characters).
    doc.hasPart = held.map((h) => ({
      '@type': 'Dataset',
      name: `${entry.title}: Glacier table ${h.table}`,
      description: `The copy of this dataset held by this Glacier instance in its ${h.table} table: ${h.rows} rows, read from the publisher's files by the connector${entry.connectors.length === 1 ? '' : 's'} ${entry.connectors.join(', ')}.`,
      url,
      license: entry.license.url,
      isAccessibleForFree: true,
      size: `${h.rows} rows`,
    }));
  }
  return doc;
}
