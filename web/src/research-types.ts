import type { ApiJson } from './api';

/** Answers of /v1/datasets and /v1/imaging as the dashboard reads them (generated types, api-types.ts). */
export type DatasetsJson = ApiJson<'/v1/datasets'>;
export type Dataset = DatasetsJson['data'][number];
export type DatasetJson = ApiJson<'/v1/datasets/{id}'>;
export type ImagesJson = ApiJson<'/v1/imaging/images'>;
export type ImageRow = ImagesJson['data'][number];
export type SummaryJson = ApiJson<'/v1/imaging/summary'>;
export type SplitsJson = ApiJson<'/v1/imaging/splits'>;
