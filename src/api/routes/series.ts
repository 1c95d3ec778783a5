import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { errorResponses, SeriesQuery, SeriesResponse, SeriesRow, type SeriesJson } from '../schemas.js';
import { blockJson, blockRows, planSeries, seriesBlocks, type SeriesPlan } from '../series-view.js';
import type { Db } from '../../store/db.js';

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
          'JSON: one object per location and metric with a dense array of daily values from `start` to `end` (null where missing), ' +
          'the missing reasons and the issues (vintages) as runs of dates. CSV and JSON Lines: long format, one row per location, ' +
          'metric and date, with `missing_reason`, `source`, `derived` and `issue` on every row. A missing value is null with its ' +
          'reason, never a fake 0. `as_of` returns the data as known on a past date. Large requests are streamed.',
        querystring: SeriesQuery,
        response: { 200: tabularContent(SeriesResponse, SeriesRow), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async (version) => {
        const plan = await planSeries(app.db, req.query);
        const meta = { data_version: version, transform: plan.request.transform, as_of: plan.request.asOf };
        const format = req.query.format;
        const text =
          format === 'json'
            ? seriesJsonText(app.db, plan, meta)
            : rowsText(format, COLUMNS, meta, (async function* () {
                for await (const b of seriesBlocks(app.db, plan)) yield blockRows(b);
              })());
        return renderText(format, text, plan.refs.size > STREAM_ABOVE_SERIES);
      }),
  );
};

/** `{"meta": ..., "series": [...]}` with one entry per requested location and metric, in order. */
async function* seriesJsonText(db: Db, plan: SeriesPlan, meta: object): AsyncGenerator<string> {
  yield `{"meta":${JSON.stringify(meta)},"series":[`;
  const blocks = seriesBlocks(db, plan)[Symbol.asyncIterator]();
  let next = await blocks.next();
  let sep = '';
  for (const s of plan.series) {
    const ref = plan.refs.get(`${s.location}|${s.metric}`);
    let entry: SeriesJson;
    if (ref && !next.done && next.value.ref === ref) {
      entry = blockJson(next.value);
      next = await blocks.next();
    } else {
      entry = { location: s.location, metric: s.metric, source: s.source, derived: s.derived, start: null, end: null, values: [], missing: [], issues: [] };
    }
    yield sep + JSON.stringify(entry);
    sep = ',';
  }
  yield ']}';
}
