import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listSources } from '../../store/read-sources.js';
import { HealthResponse } from '../schemas.js';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['meta'],
        summary: 'Database reachable; per source: last run, last success, data end date',
        description: '200 with status ok (every source’s last run succeeded) or degraded (some failed); 503 with status unavailable when the database cannot be reached. Never cached.',
        response: { 200: HealthResponse, 503: HealthResponse },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        const [v] = await app.db.query<{ version: number }>('SELECT version FROM data_version');
        const sources = await listSources(app.db);
        const degraded = sources.some((s) => s.last_run?.status === 'failed');
        return {
          status: degraded ? 'degraded' : 'ok',
          database: { reachable: true, kind: app.db.kind },
          data_version: v.version,
          sources: sources.map((s) => ({
            id: s.id,
            last_run_status: s.last_run?.status ?? null,
            last_run_at: s.last_run?.finished_at ?? null,
            last_success_at: s.last_success?.finished_at ?? null,
            data_end: s.data_end,
          })),
        } as const;
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: { reachable: false, kind: app.db.kind }, data_version: null, sources: [] });
      }
    },
  );
};
