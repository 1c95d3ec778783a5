import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ANOMALY_CODES } from '../../domain/anomalies.js';
import { anomalies } from '../../query/anomalies.js';
import { once, renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { errorResponses } from '../schemas.js';
import { AnomaliesQuery, AnomaliesResponse, AnomalyRowSchema } from '../schemas-anomalies.js';

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
        const { total, rows } = await anomalies(app.db, {
          location: q.location ?? null, metric: q.metric ?? null, code: q.code ?? null, source: q.source ?? null,
          from: q.from ?? null, to: q.to ?? null, limit: q.limit, offset: q.offset,
        });
        const meta = { data_version: version, total, limit: q.limit, offset: q.offset, codes: ANOMALY_CODES };
        // CSV has no nested values: the detail object becomes its JSON text.
        const flat = rows.map((r) => ({ ...r, detail: q.format === 'json' ? r.detail : r.detail ? JSON.stringify(r.detail) : null }));
        return renderText(q.format, rowsText(q.format, COLUMNS, meta, once(flat)), false);
      }),
  );
};
