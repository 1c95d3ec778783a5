import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isMetricId } from '../../domain/metrics.js';
import { latestValues } from '../../store/read-latest.js';
import { QueryError } from '../../query/errors.js';
import { once, renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { errorResponses, LatestQuery, LatestResponse, LatestRow } from '../schemas.js';

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
        if (!isMetricId(q.metric)) throw new QueryError('ERR_UNKNOWN_METRIC', `metric: unknown ${JSON.stringify(q.metric)} (see /v1/metrics)`, 'metric');
        if (q.parent) {
          const [p] = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM locations WHERE key = $1', [q.parent]);
          if (!p.n) throw new QueryError('ERR_UNKNOWN_LOCATION', `parent: unknown key ${JSON.stringify(q.parent)}`, 'parent');
        }
        const rows = (await latestValues(app.db, q.metric, q.level ?? null, q.parent ?? null)).map((r) => ({
          ...r,
          value_per_100k: r.value !== null && r.population ? (r.value / r.population) * 100_000 : null,
        }));
        return renderText(q.format, rowsText(q.format, COLUMNS, { data_version: version, metric: q.metric }, once(rows)), false);
      }),
  );
};
