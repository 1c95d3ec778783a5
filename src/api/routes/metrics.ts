import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { metricDefinitions } from '../../domain/metrics.js';
import { MISSING_REASONS } from '../../domain/missing.js';
import { TRANSFORMS } from '../../domain/transforms.js';
import { MetricsResponse } from '../schemas-metrics.js';

export const metaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/metrics',
    { schema: { tags: ['meta'], summary: 'Metric definitions and units, missing-value reasons, transforms', response: { 200: MetricsResponse } } },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return { data: metricDefinitions(), missing_reasons: MISSING_REASONS, transforms: [...TRANSFORMS] };
    },
  );
};
