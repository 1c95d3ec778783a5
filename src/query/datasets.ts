import { DATASETS } from '../catalog/index.js';
import { bibtex, ris } from '../catalog/citation.js';
import type { AccessKind, DatasetEntry, DatasetType, Modality, RedistributionClass } from '../domain/dataset.js';
import type { Db } from '../store/db.js';
import { localHoldings, type Holding } from '../store/read-datasets.js';
import { QueryError } from './errors.js';

/** The catalog of research datasets, with what the store holds of each. */

export interface DatasetsRequest {
  type: DatasetType | null;
  modality: Modality | null;
  redistribution: RedistributionClass | null;
  commercial: boolean | null;
  /** true: only datasets Glacier holds rows of; false: only those it does not. */
  local: boolean | null;
  access: AccessKind | null;
  /** Words that must all appear (any case) in the id, title, publisher, description or keywords. */
  q: string | null;
}

export interface DatasetView {
  entry: DatasetEntry;
  /** The tables holding the dataset here and their rows; empty: Glacier holds nothing of it. */
  local: Holding[];
}

export async function listDatasets(db: Db, r: DatasetsRequest): Promise<DatasetView[]> {
  const holdings = await localHoldings(db);
  const words = (r.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return DATASETS.map((entry) => view(entry, holdings)).filter(({ entry: e, local }) => {
    if (r.type && e.type !== r.type) return false;
    if (r.modality && !e.modalities?.includes(r.modality)) return false;
    if (r.redistribution && e.redistribution !== r.redistribution) return false;
    if (r.commercial !== null && e.commercialUse !== r.commercial) return false;
    if (r.access && !e.access.includes(r.access)) return false;
    if (r.local !== null && local.some((h) => h.rows > 0) !== r.local) return false;
    if (words.length) {
      const text = [e.id, e.title, e.publisher, e.description, ...(e.keywords ?? [])].join(' ').toLowerCase();
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

export async function datasetDetail(db: Db, id: string): Promise<DatasetView> {
  const entry = DATASETS.find((d) => d.id === id);
  if (!entry) throw new QueryError('ERR_DATASET_NOT_FOUND', `no dataset "${id}" in the catalog (see /v1/datasets)`, 'id');
  return view(entry, await localHoldings(db));
}

export type CitationFormat = 'bibtex' | 'ris';

/** The describing paper of a dataset as BibTeX or RIS text. */
export function datasetCitation(id: string, format: CitationFormat): string {
  const entry = DATASETS.find((d) => d.id === id);
  if (!entry) throw new QueryError('ERR_DATASET_NOT_FOUND', `no dataset "${id}" in the catalog (see /v1/datasets)`, 'id');
  if (!entry.citation) throw new QueryError('ERR_NO_CITATION', `dataset "${id}" has no describing paper; cite its homepage ${entry.homepage}`, 'id');
  return format === 'bibtex' ? bibtex(entry.citation) : ris(entry.citation);
}

function view(entry: DatasetEntry, holdings: readonly Holding[]): DatasetView {
  return { entry, local: holdings.filter((h) => entry.connectors.includes(h.source)) };
}

/** A catalog entry as the API and the CLI give it (snake_case, nulls explicit). */
export interface DatasetRecord {
  id: string;
  title: string;
  publisher: string;
  description: string;
  type: DatasetType;
  modalities: Modality[];
  counts: { unit: string; value: number; stated_on: string; source: string; note: string | null }[];
  license: { spdx: string | null; name: string; url: string };
  redistribution: RedistributionClass;
  redistribution_note: string;
  commercial_use: boolean | null;
  access: AccessKind[];
  homepage: string;
  downloads: { title: string; url: string; format: string | null }[];
  citation: { key: string; kind: string; title: string; authors: string[]; year: number; container: string | null; doi: string | null; url: string | null } | null;
  temporal_coverage: { start: string | null; end: string | null } | null;
  spatial_coverage: string;
  status: 'active' | 'frozen';
  last_update: string | null;
  connectors: string[];
  local: Holding[];
  keywords: string[];
}

export function datasetRecord({ entry: e, local }: DatasetView): DatasetRecord {
  return {
    id: e.id, title: e.title, publisher: e.publisher, description: e.description, type: e.type, modalities: e.modalities ?? [],
    counts: e.counts.map((c) => ({ unit: c.unit, value: c.value, stated_on: c.statedOn, source: c.source, note: c.note ?? null })),
    license: { spdx: e.license.spdx ?? null, name: e.license.name, url: e.license.url },
    redistribution: e.redistribution, redistribution_note: e.redistributionNote, commercial_use: e.commercialUse, access: e.access,
    homepage: e.homepage, downloads: e.downloads.map((d) => ({ title: d.title, url: d.url, format: d.format ?? null })),
    citation: e.citation
      ? { key: e.citation.key, kind: e.citation.kind, title: e.citation.title, authors: e.citation.authors, year: e.citation.year, container: e.citation.container ?? null, doi: e.citation.doi ?? null, url: e.citation.url ?? null }
      : null,
    temporal_coverage: e.temporalCoverage ? { start: e.temporalCoverage.start ?? null, end: e.temporalCoverage.end ?? null } : null,
    spatial_coverage: e.spatialCoverage, status: e.status.state, last_update: e.status.state === 'frozen' ? e.status.lastUpdate : null,
    connectors: e.connectors, local, keywords: e.keywords ?? [],
  };
}
