import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { dayNumber } from '../../domain/dates.js';
import { Slicer } from '../../query/expensive.js';
import { buildMapMatrix, checkMapQuery, dayOrNull, keptSeriesLister, matrixBytes, snapshotAt } from '../../query/map.js';
import { once, renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { errorResponses } from '../schemas.js';
import { MapQuery, MapResponse, MapRowSchema } from '../schemas-map.js';

const COLUMNS = ['location', 'name', 'level', 'parent', 'date', 'value', 'population', 'source', 'derived'] as const;

export const mapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/map',
    {
      schema: {
        tags: ['data'],
        summary: 'Every location’s value on one day (map snapshots)',
        description:
          'One row per location of a level (or children of a parent) with its value of the metric and transform on `date` — the ' +
          'same value /v1/series gives — or, when it has none that day, its newest value within `tolerance` days before. `meta` ' +
          'gives the first and last day with data, for a timeline. The first request for a metric, transform and level reads every ' +
          'series of that level; later days are served from memory until the data changes.',
        querystring: MapQuery,
        response: { 200: tabularContent(MapResponse, MapRowSchema), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async (version) => {
        const q = req.query;
        const key = { metric: q.metric, transform: q.transform, level: q.level ?? null, parent: q.parent ?? null, asOf: q.as_of ?? null };
        await checkMapQuery(app.db, key);
        // The matrix (every series of the level) is the expensive part: built through the gate, kept
        // by data version and bytes, shared by every date, tolerance and format asked of it.
        const matrix = await app.expensive.run({
          key: `map-matrix ${JSON.stringify([key.metric, key.transform, key.level, key.parent, key.asOf])}`,
          version,
          compute: (signal) => buildMapMatrix(app.db, key, new Slicer(signal), keptSeriesLister(app.db, app.expensive, version)),
          bytes: matrixBytes,
        });
        const day = q.date ? dayNumber(q.date) : matrix.last;
        const rows = day === null ? [] : snapshotAt(matrix, day, q.tolerance);
        const meta = {
          metric: q.metric, transform: q.transform, date: dayOrNull(day), as_of: key.asOf, level: key.level, parent: key.parent, tolerance: q.tolerance,
          first_date: dayOrNull(matrix.first), last_date: dayOrNull(matrix.last), data_version: version,
        };
        return renderText(q.format, rowsText(q.format, COLUMNS, meta, once(rows)), false);
      }),
  );
};
