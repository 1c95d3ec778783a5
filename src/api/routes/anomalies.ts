import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ANOMALY_CODES } from '../../domain/anomalies.js';
import { isMetricId } from '../../domain/metrics.js';
import { listAnomalies } from '../../store/read-anomalies.js';
import { QueryError } from '../../query/errors.js';
import { once, renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { AnomaliesQuery, AnomaliesResponse, AnomalyRowSchema, errorResponses } from '../schemas.js';
import { splitList } from '../../query/series.js';

const COLUMNS = ['location', 'metric', 'source', 'derived', 'date', 'code', 'detail'] as const;

export const anomalyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/anomalies',
    {
      schema: {
        tags: ['data'],
        summary: 'Anomalies flagged in the data (negative changes, backlog dumps, cadence changes, stale values, …)',
        description: 'Flags of the newest reading of every series; the values themselves are never edited. Filter by location, metric, code, source and dates; paged.',
        querystring: AnomaliesQuery,
        response: { 200: tabularContent(AnomaliesResponse, AnomalyRowSchema), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async (version) => {
        const q = req.query;
        if (q.metric && !isMetricId(q.metric)) throw new QueryError('ERR_UNKNOWN_METRIC', `metric: unknown ${JSON.stringify(q.metric)} (see /v1/metrics)`, 'metric');
        if (q.from && q.to && q.from > q.to) throw new QueryError('ERR_DATE_RANGE', `from (${q.from}) is after to (${q.to})`, 'from');
        const { total, rows } = await listAnomalies(app.db, {
          locations: q.location ? splitList(q.location) : null, metric: q.metric ?? null, code: q.code ?? null, source: q.source ?? null,
          from: q.from ?? null, to: q.to ?? null, limit: q.limit, offset: q.offset,
        });
        const meta = { data_version: version, total, limit: q.limit, offset: q.offset, codes: ANOMALY_CODES };
        // CSV has no nested values: the detail object becomes its JSON text.
        const flat = rows.map((r) => ({ ...r, detail: q.format === 'json' ? r.detail : r.detail ? JSON.stringify(r.detail) : null }));
        return renderText(q.format, rowsText(q.format, COLUMNS, meta, once(flat)), false);
      }),
  );
};
