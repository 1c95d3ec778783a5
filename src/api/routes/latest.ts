import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { latest } from '../../query/latest.js';
import { once, renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { errorResponses } from '../schemas.js';
import { LatestQuery, LatestResponse, LatestRow } from '../schemas-latest.js';

const COLUMNS = ['location', 'name', 'level', 'parent', 'metric', 'date', 'value', 'value_per_100k', 'population', 'source', 'derived', 'issue'] as const;

export const latestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/latest',
    {
      schema: {
        tags: ['data'],
        summary: 'The newest reported value per location (for maps)',
        description: 'One row per location that has data for the metric: its default series’ last reported (non-missing) value and date.',
        querystring: LatestQuery,
        response: { 200: tabularContent(LatestResponse, LatestRow), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async (version) => {
        const q = req.query;
        const rows = await latest(app.db, { metric: q.metric, level: q.level ?? null, parent: q.parent ?? null });
        return renderText(q.format, rowsText(q.format, COLUMNS, { data_version: version, metric: q.metric }, once(rows)), false);
      }),
  );
};
