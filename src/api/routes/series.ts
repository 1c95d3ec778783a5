import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { renderRows, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { errorResponses, SeriesQuery, SeriesResponse, type SeriesRow } from '../schemas.js';
import { planSeries, seriesRows } from '../series-view.js';

const COLUMNS = ['location', 'date', 'metric', 'value', 'missing_reason', 'source', 'derived', 'issue'] as const satisfies readonly (keyof SeriesRow)[];
/** Above this many series a response is streamed and not cached. */
const STREAM_ABOVE_SERIES = 20;

export const seriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/series',
    {
      schema: {
        tags: ['data'],
        summary: 'Daily time series for locations and metrics',
        description:
          'Long format: one row per location, metric and date. `value` is null when missing, with `missing_reason` saying why ' +
          '(never a fake 0). `source` and `derived` say where each value comes from; `issue` is the vintage it was published in. ' +
          '`as_of` returns the data as known on a past date. Large requests are streamed.',
        querystring: SeriesQuery,
        response: { 200: tabularContent(SeriesResponse), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async (version) => {
        const plan = await planSeries(app.db, req.query);
        const meta = { data_version: version, transform: plan.request.transform, as_of: plan.request.asOf, series: plan.series };
        return renderRows(req.query.format, COLUMNS, meta, seriesRows(app.db, plan), plan.refs.size > STREAM_ABOVE_SERIES);
      }),
  );
};
