import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { dayNumber } from '../../domain/dates.js';
import { isMetricId } from '../../domain/metrics.js';
import { maskFromSpans } from '../../ingest/missing-rules.js';
import { getLocation } from '../../store/read-locations.js';
import { annotationHistory, revisionsOf } from '../../store/read-revisions.js';
import { QueryError } from '../../query/errors.js';
import { sendCached } from '../response-cache.js';
import { errorResponses, RevisionsQuery, RevisionsResponse } from '../schemas.js';

export const revisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/revisions',
    {
      schema: {
        tags: ['data'],
        summary: 'Every published value of one cell, by vintage',
        description: 'All values each source published for a location, metric and date, oldest issue first, with the run and file each came from.',
        querystring: RevisionsQuery,
        response: { 200: RevisionsResponse, ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async (version) => {
        const { location, metric, date } = req.query;
        if (!isMetricId(metric)) throw new QueryError('ERR_UNKNOWN_METRIC', `metric: unknown ${JSON.stringify(metric)} (see /v1/metrics)`, 'metric');
        if (!(await getLocation(app.db, location))) throw new QueryError('ERR_UNKNOWN_LOCATION', `location: unknown key ${JSON.stringify(location)}`, 'location');
        const rows = await revisionsOf(app.db, location, metric, date);
        const ids = [...new Set(rows.map((r) => r.series_id))];
        const history = await annotationHistory(app.db, ids);
        const best = new Set((await app.db.query<{ series_id: number }>('SELECT series_id FROM series_rank WHERE series_id = ANY($1) AND rank = 0', [ids])).map((r) => r.series_id));
        const day = dayNumber(date);
        const data = rows.map((r) => {
          const spans = history.filter((h) => h.series_id === r.series_id && h.issue <= r.issue).pop()?.spans ?? [];
          const reason = maskFromSpans(spans, day, 1, dayNumber)[0] ?? (r.value === null ? 'not_reported' : null);
          return {
            source: r.source,
            derived: r.derived,
            issue: r.issue,
            value: reason === null ? r.value : null,
            missing_reason: reason,
            best: best.has(r.series_id),
            run_id: r.run_id,
            file: { id: r.file_id, url: r.file_url, read_from: r.file_location },
            note: r.note,
          };
        });
        return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ meta: { location, metric, date, data_version: version }, data }) };
      }),
  );
};
