import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../store/db.js';
import { renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { errorResponses } from '../schemas.js';
import { SeriesQuery, SeriesResponse, SeriesRow } from '../schemas-series.js';
import { planSeries, planSize, servedJson, servedRows, servedSeries, type SeriesPlan } from '../../query/series.js';

const COLUMNS = ['location', 'date', 'metric', 'value', 'missing_reason', 'source', 'derived', 'issue', 'flags'] as const satisfies readonly (keyof SeriesRow)[];
/** Above this many stored series a response is streamed and not cached. */
const STREAM_ABOVE_SERIES = 40;

export const seriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/series',
    {
      schema: {
        tags: ['data'],
        summary: 'Daily time series for locations and metrics',
        description:
          'JSON: one object per location and metric with a dense array of daily values from `start` to `end` (null where missing), ' +
          'the missing reasons, issues (vintages) and supplying sources as runs of dates, and the anomaly flags. CSV and JSON Lines: ' +
          'long format, one row per location, metric and date, with `missing_reason`, `source`, `derived`, `issue` and `flags` on ' +
          'every row. A missing value is null with its reason, never a fake 0. `source=best` (default) takes each date from the ' +
          'first source in precedence order whose series covers it; `as_of` returns the data as known on a past date.',
        querystring: SeriesQuery,
        response: { 200: tabularContent(SeriesResponse, SeriesRow), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async (version) => {
        const plan = await planSeries(app.db, req.query);
        const meta = { data_version: version, transform: plan.request.transform, as_of: plan.request.asOf, source: plan.request.source };
        const format = req.query.format;
        const text =
          format === 'json'
            ? seriesJsonText(app.db, plan, meta)
            : rowsText(format, COLUMNS, meta, (async function* () {
                for await (const s of servedSeries(app.db, plan)) yield servedRows(s);
              })());
        return renderText(format, text, planSize(plan) > STREAM_ABOVE_SERIES);
      }),
  );
};

/** `{"meta": ..., "series": [...]}` with one entry per requested location and metric, in order. */
async function* seriesJsonText(db: Db, plan: SeriesPlan, meta: object): AsyncGenerator<string> {
  yield `{"meta":${JSON.stringify(meta)},"series":[`;
  let sep = '';
  for await (const s of servedSeries(db, plan)) {
    yield sep + JSON.stringify(servedJson(s));
    sep = ',';
  }
  yield ']}';
}
