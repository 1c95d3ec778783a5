import { getJson, type GetPath } from './api';

/**
 * Answers of /v1/datasets and /v1/imaging as the dashboard reads them. TEMPORARY: written from
 * src/api/schemas-datasets.ts and schemas-imaging.ts until `npm run openapi` can regenerate
 * api-types.ts with these routes; then these become ApiJson<…> aliases.
 */
export interface Dataset {
  id: string;
  title: string;
  publisher: string;
  description: string;
  type: string;
  modalities: string[];
  counts: { unit: string; value: number; stated_on: string; source: string; note: string | null }[];
  license: { spdx: string | null; name: string; url: string };
  redistribution: string;
  redistribution_note: string;
  commercial_use: boolean | null;
  access: string[];
  homepage: string;
  downloads: { title: string; url: string; format: string | null }[];
  citation: { key: string; kind: string; title: string; authors: string[]; year: number; container: string | null; doi: string | null; url: string | null } | null;
  temporal_coverage: { start: string | null; end: string | null } | null;
  spatial_coverage: string;
  status: 'active' | 'frozen';
  last_update: string | null;
  connectors: string[];
  local: { source: string; table: string; rows: number }[];
  keywords: string[];
}
export interface DatasetsJson { meta: { total: number }; data: Dataset[] }
export interface DatasetJson { data: Dataset }

export interface ImageRow {
  dataset: string;
  image_id: string;
  listing: number;
  patient: string | null;
  finding: string | null;
  also_findings: string[];
  modality: string;
  view: string | null;
  sex: 'M' | 'F' | null;
  age: number | null;
  study_date: string | null;
  license: string | null;
  commercial_use: boolean | null;
  local: boolean;
  width: number | null;
  height: number | null;
  thumbnail: string | null;
}
export interface ImagesJson { meta: { total: number; limit: number; offset: number }; data: ImageRow[] }
export interface SummaryRow { dataset: string; finding: string | null; modality: string; view: string | null; images: number; patients: number; local_files: number }
export interface SummaryJson { meta: { images: number; patients: number }; data: SummaryRow[] }
export interface SplitSummary { split: 'train' | 'val' | 'test'; images: number; patients: number; groups: number; findings: Record<string, { images: number; patients: number }> }
export interface SplitsJson { meta: { ratios: number[]; seed: number; groups: number }; summary: SplitSummary[]; data: unknown[] }

/** GET JSON from a route not yet in api-types.ts (same client, same memo, same errors). */
export function getResearch<T>(path: string, query?: Record<string, unknown>, params?: Record<string, string>): Promise<T> {
  return getJson(path as GetPath, query, params) as Promise<T>;
}
