import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findLocations, locationDetail } from '../../query/locations.js';
import { sendCached } from '../response-cache.js';
import { errorResponses } from '../schemas.js';
import { LocationDetail, LocationsQuery, LocationsResponse } from '../schemas-locations.js';

export const locationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/locations',
    {
      schema: {
        tags: ['locations'],
        summary: 'Search locations by name, alias or code',
        description: 'English or Chinese names ("Hubei", "湖北"); case and accents do not matter ("cote d’ivoire", "CÔTE D’IVOIRE"). Exact name or code matches come first. Paginated with limit and offset.',
        querystring: LocationsQuery,
        response: { 200: LocationsResponse, ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const q = req.query;
        const { total, rows } = await findLocations(app.db, { q: q.q, level: q.level, parent: q.parent, limit: q.limit, offset: q.offset });
        return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ meta: { total, limit: q.limit, offset: q.offset }, data: rows }) };
      }),
  );

  app.get(
    '/locations/:key',
    {
      schema: {
        tags: ['locations'],
        summary: 'One location with its parent, children and available series',
        params: Type.Object({ key: Type.String({ examples: ['US_CA'] }) }),
        response: { 200: LocationDetail, ...errorResponses(404) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const data = await locationDetail(app.db, req.params.key);
        return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ data }) };
      }),
  );
};
