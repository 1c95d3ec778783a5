import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { revisions } from '../../query/revisions.js';
import { sendCached } from '../response-cache.js';
import { errorResponses } from '../schemas.js';
import { RevisionsQuery, RevisionsResponse } from '../schemas-revisions.js';

export const revisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/revisions',
    {
      schema: {
        tags: ['data'],
        summary: 'Every published value of one cell, by vintage',
        description: 'All values each source published for a location, metric and date, oldest issue first, with the run and file each came from.',
        querystring: RevisionsQuery,
        response: { 200: RevisionsResponse, ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async (version) => {
        const { location, metric, date } = req.query;
        const data = await revisions(app.db, { location, metric, date });
        return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ meta: { location, metric, date, data_version: version }, data }) };
      }),
  );
};
