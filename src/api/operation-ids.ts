/**
 * The OpenAPI operationId of every route, by "METHOD /url". Generated clients (Python, R, Java,
 * TypeScript) name their methods from these, so they are a contract: never rename one. A new
 * route gets its id here (test/openapi-lint.test.ts fails on an operation without one); the
 * onRoute hook in route-contract.ts writes it into the route's schema.
 */
export const OPERATION_IDS: Readonly<Record<string, string>> = {
  'GET /v1/series': 'getSeries',
  'GET /v1/latest': 'listLatest',
  'GET /v1/map': 'getMap',
  'GET /v1/locations': 'listLocations',
  'GET /v1/locations/:key': 'getLocation',
  'GET /v1/revisions': 'listRevisions',
  'GET /v1/anomalies': 'listAnomalies',
  'GET /v1/compare': 'compareSources',
  'GET /v1/discrepancies': 'listDiscrepancies',
  'GET /v1/models/forecast': 'getForecast',
  'GET /v1/models/evaluation': 'getForecastEvaluation',
  'GET /v1/models/rt': 'getRt',
  'POST /v1/models/seir/simulate': 'postSeirSimulate',
  'POST /v1/models/seir/fit': 'postSeirFit',
  'GET /v1/sources': 'listSources',
  'GET /v1/sources/:id': 'getSource',
  'GET /v1/sources/:id/runs/:run': 'getSourceRun',
  'GET /v1/health': 'getHealth',
  'GET /v1/metrics': 'listMetrics',
  'POST /v1/admin/ingest': 'postAdminIngest',
  'GET /v1/datasets': 'listDatasets',
  'GET /v1/datasets/:id': 'getDataset',
  'GET /v1/datasets/:id/citation': 'getDatasetCitation',
  'GET /v1/imaging/images': 'listImages',
  'GET /v1/imaging/summary': 'getImagingSummary',
  'GET /v1/imaging/images/:dataset/:id/thumbnail': 'getImageThumbnail',
  'GET /v1/imaging/splits': 'getImagingSplits',
  'POST /v1/imaging/splits/audit': 'postImagingSplitAudit',
  'GET /v1/imaging/splits/audit': 'getPublishedSplitAudit',
  'GET /v1/imaging/duplicates': 'listImageDuplicates',
};
