import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { datasetJsonLd } from '../../catalog/jsonld.js';
import { datasetCitation, datasetDetail, datasetRecord, listDatasets, type DatasetRecord } from '../../query/datasets.js';
import { once, renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { boolParam, errorResponses } from '../schemas.js';
import { CitationQuery, DatasetCsvRow, DatasetDetailQuery, DatasetParams, DatasetSchema, DatasetsQuery, DatasetsResponse } from '../schemas-datasets.js';

const CSV_COLUMNS = [
  'id', 'title', 'publisher', 'type', 'modalities', 'redistribution', 'commercial_use', 'access', 'license_spdx', 'license_name',
  'license_url', 'homepage', 'doi', 'temporal_start', 'temporal_end', 'spatial_coverage', 'status', 'last_update', 'local_rows',
] as const;

/** One flat row per dataset for CSV (lists joined with ";"). */
function csvRow(d: DatasetRecord) {
  return {
    id: d.id, title: d.title, publisher: d.publisher, type: d.type, modalities: d.modalities.join(';'), redistribution: d.redistribution,
    commercial_use: d.commercial_use, access: d.access.join(';'), license_spdx: d.license.spdx, license_name: d.license.name,
    license_url: d.license.url, homepage: d.homepage, doi: d.citation?.doi ?? null, temporal_start: d.temporal_coverage?.start ?? null,
    temporal_end: d.temporal_coverage?.end ?? null, spatial_coverage: d.spatial_coverage, status: d.status, last_update: d.last_update,
    local_rows: d.local.filter((h) => h.table !== 'series').reduce((n, h) => n + h.rows, 0),
  };
}

const CITATION_TYPES = { bibtex: 'application/x-bibtex; charset=utf-8', ris: 'application/x-research-info-systems; charset=utf-8' } as const;

export const datasetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/datasets',
    {
      schema: {
        tags: ['datasets'],
        summary: 'The catalog of COVID-19 research datasets: licences, counts, citations, what Glacier holds',
        description:
          'One entry per dataset (case counts, imaging, literature, sequences, social media, line lists), whether Glacier ingests it or not: ' +
          'licence, redistribution class, whether commercial use is allowed, access, counts as the publisher states them, citation, ' +
          'coverage, status, and `local`: the tables and rows Glacier holds of it here.',
        querystring: DatasetsQuery,
        response: { 200: tabularContent(DatasetsResponse, DatasetSchema), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const q = req.query;
        const views = await listDatasets(app.db, {
          type: q.type ?? null, modality: q.modality ?? null, redistribution: q.redistribution ?? null, commercial: boolParam(q.commercial),
          local: boolParam(q.local), access: q.access ?? null, q: q.q ?? null,
        });
        const records = views.map(datasetRecord);
        if (q.format === 'csv') return renderText('csv', rowsText('csv', CSV_COLUMNS, {}, once(records.map(csvRow))), false);
        return renderText(q.format, rowsText(q.format, [], { total: records.length }, once(records)), false);
      }),
  );

  app.get(
    '/datasets/:id',
    {
      schema: {
        tags: ['datasets'],
        summary: 'One dataset of the catalog; format=jsonld gives it as a schema.org Dataset',
        params: DatasetParams,
        querystring: DatasetDetailQuery,
        response: {
          200: {
            content: {
              'application/json': { schema: Type.Object({ data: DatasetSchema }) },
              'application/ld+json': { schema: Type.Object({ '@context': Type.String(), '@type': Type.Literal('Dataset'), name: Type.String() }, { additionalProperties: true }) },
            },
          },
          ...errorResponses(404),
        },
      },
    },
    async (req, reply) => {
      if (req.query.format === 'jsonld') {
        // Not cached: the document names this server by the Host of the request.
        const v = await datasetDetail(app.db, req.params.id);
        const baseUrl = `${req.protocol}://${req.host}`;
        return reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(datasetJsonLd(v.entry, { baseUrl, local: v.local })) as never);
      }
      return sendCached(req, reply, app.cache, async () => ({
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ data: datasetRecord(await datasetDetail(app.db, req.params.id)) }),
      }));
    },
  );

  app.get(
    '/datasets/:id/citation',
    {
      schema: {
        tags: ['datasets'],
        summary: 'How to cite a dataset: its describing paper as BibTeX or RIS',
        params: DatasetParams,
        querystring: CitationQuery,
        response: {
          200: { content: { 'application/x-bibtex': { schema: { type: 'string' } }, 'application/x-research-info-systems': { schema: { type: 'string' } } } },
          ...errorResponses(404),
        },
      },
    },
    async (req, reply) => {
      const format = req.query.format;
      const text = datasetCitation(req.params.id, format);
      return reply
        .type(CITATION_TYPES[format])
        .header('content-disposition', `inline; filename="${req.params.id.replace(/[^A-Za-z0-9._-]/g, '_')}.${format === 'bibtex' ? 'bib' : 'ris'}"`)
        .send(text);
    },
  );
};
