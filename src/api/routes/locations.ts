import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getChildren, getLocation, locationSeries, searchLocations } from '../../store/read-locations.js';
import { QueryError } from '../../query/errors.js';
import { sendCached } from '../response-cache.js';
import { errorResponses, LocationDetail, LocationsQuery, LocationsResponse } from '../schemas.js';

export const locationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/locations',
    {
      schema: {
        tags: ['locations'],
        summary: 'Search locations by name, alias or code',
        description: 'Case and accents do not matter ("cote d’ivoire", "CÔTE D’IVOIRE"). Exact name or code matches come first. Paginated with limit and offset.',
        querystring: LocationsQuery,
        response: { 200: LocationsResponse, ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const q = req.query;
        const { total, rows } = await searchLocations(app.db, { q: q.q, level: q.level, parent: q.parent, limit: q.limit, offset: q.offset });
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
        const loc = await getLocation(app.db, req.params.key);
        if (!loc) throw new QueryError('ERR_LOCATION_NOT_FOUND', `no location has the key ${JSON.stringify(req.params.key)} (search at /v1/locations?q=)`);
        const [parent, children, series] = await Promise.all([
          loc.parent ? getLocation(app.db, loc.parent) : Promise.resolve(undefined),
          getChildren(app.db, loc.key),
          locationSeries(app.db, loc.key),
        ]);
        const data = { ...loc, parent_location: parent ? { key: parent.key, name: parent.name, level: parent.level } : null, children, series };
        return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ data }) };
      }),
  );
};
