import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { runReport, sourceDetail, sources } from '../../query/sources.js';
import { sendCached } from '../response-cache.js';
import { errorResponses } from '../schemas.js';
import { RunDetail, SourceDetail, SourcesResponse } from '../schemas-sources.js';
import { jsonBody } from '../render.js';

export const sourceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/sources',
    { schema: { tags: ['sources'], summary: 'Every source: licence, coverage, freshness, last run', response: { 200: SourcesResponse } } },
    async (req, reply) => sendCached(req, reply, app.cache, async () => jsonBody({ data: await sources(app.db) })),
  );

  app.get(
    '/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'One source: licence, files with upstream URLs, recent runs',
        params: Type.Object({ id: Type.String({ examples: ['jhu-global'] }) }),
        response: { 200: SourceDetail, ...errorResponses(404) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        return jsonBody({ data: await sourceDetail(app.db, req.params.id) });
      }),
  );

  app.get(
    '/sources/:id/runs/:run',
    {
      schema: {
        tags: ['sources'],
        summary: 'One ingest run: files read (URL, sha256, bytes), counts and its validation report',
        params: Type.Object({ id: Type.String({ examples: ['jhu-global'] }), run: Type.Integer({ minimum: 1 }) }),
        response: { 200: RunDetail, ...errorResponses(404) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        return jsonBody({ data: await runReport(app.db, req.params.id, req.params.run) });
      }),
  );
};
