import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { health } from '../../query/health.js';
import { HealthResponse, HealthUnavailableResponse } from '../schemas-health.js';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['meta'],
        summary: 'Database reachable; per source: last attempt, last success, data end, ages, staleness',
        description:
          '200 with status ok, or degraded when a required source (the first choice of a precedence rule) is failing or stale; ' +
          'a source is stale when its last success is older than its cadence allows (daily 48 h, weekly 9 days, irregular 31 days; ' +
          'archived sources with frozen_on never are). 503 with status unavailable when the database cannot be reached. Never cached.',
        response: { 200: HealthResponse, 503: HealthUnavailableResponse },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        // The data version first: it decides where reads go (primary or replica).
        await app.cache.versions.current();
        return await health(app.db, new Date(), app.cache.versions.readsFrom());
      } catch (err) {
        req.log.warn({ err }, 'health: the database cannot be reached');
        return reply.code(503).send({ status: 'unavailable', database: { reachable: false, kind: app.db.kind }, data_version: null, sources: [] });
      }
    },
  );
};
