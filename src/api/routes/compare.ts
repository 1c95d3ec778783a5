import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AgreementStats } from '../../domain/agreement.js';
import { isoFromDay } from '../../domain/dates.js';
import { compareSources, discrepancies } from '../../query/compare.js';
import { Slicer } from '../../query/expensive.js';
import { keptSeriesLister } from '../../query/map.js';
import { sendExpensive } from '../expensive-route.js';
import { jsonBody, once, renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { errorResponses } from '../schemas.js';
import { CompareQuery, CompareResponse, CompareRow, DiscrepanciesQuery, DiscrepanciesResponse, DiscrepancyRow } from '../schemas-compare.js';

const stats = (s: AgreementStats | null) =>
  s && { ...s, first_differing: s.first_differing === null ? null : isoFromDay(s.first_differing), last_differing: s.last_differing === null ? null : isoFromDay(s.last_differing) };

export const compareRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/compare',
    {
      schema: {
        tags: ['data'],
        summary: 'All sources side by side for one location and metric, with agreement statistics',
        description:
          'Every source’s values (as published, missing days null) on a shared date range, and for each source its agreement with ' +
          'the reference source (default: the first in precedence order): days compared, days differing, largest absolute and ' +
          'relative difference. `as_of` compares the data as it was known on a date.',
        querystring: CompareQuery,
        response: { 200: tabularContent(CompareResponse, CompareRow), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendExpensive(app, req, reply, async (version) => {
        const q = req.query;
        const { set, reference, agreements, referenceAsOf } = await compareSources(app.db, {
          location: q.location, metric: q.metric, from: q.from ?? null, to: q.to ?? null, asOf: q.as_of ?? null, reference: q.reference ?? null, referenceAsOf: q.reference_as_of ?? null,
        });
        const meta = { location: q.location, metric: q.metric, as_of: q.as_of ?? null, reference: reference?.ref.source ?? null, reference_as_of: referenceAsOf, data_version: version };
        if (q.format === 'json') {
          return jsonBody({
            meta,
            start: set?.length ? isoFromDay(set.start) : null,
            end: set?.length ? isoFromDay(set.start + set.length - 1) : null,
            sources: (set?.series ?? []).map((s) => ({
              source: s.ref.source, derived: s.ref.derived, rank: s.ref.rank,
              values: Array.from(s.values, (v) => (Number.isNaN(v) ? null : v)), agreement: stats(agreements.get(s) ?? null),
            })),
          });
        }
        const rows = (set?.series ?? []).flatMap((s) =>
          Array.from(s.values, (v, i) => ({
            location: q.location, date: isoFromDay(set!.start + i), metric: q.metric, source: s.ref.source, derived: s.ref.derived,
            value: Number.isNaN(v) ? null : v, missing_reason: s.reasons[i],
          })),
        );
        return renderText(q.format, rowsText(q.format, ['location', 'date', 'metric', 'source', 'derived', 'value', 'missing_reason'] as const, meta, once(rows)), false);
      }),
  );

  app.get(
    '/discrepancies',
    {
      schema: {
        tags: ['data'],
        summary: 'Locations ranked by how much their sources disagree',
        description:
          'For every location with two or more sources of the metric: each source is compared with the first in precedence order ' +
          'over the date range; the location scores the mean relative difference of its worst source. Sources sharing fewer than ' +
          '`min_days` days with the reference are left out.',
        querystring: DiscrepanciesQuery,
        response: { 200: tabularContent(DiscrepanciesResponse, DiscrepancyRow), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async (version) => {
        const q = req.query;
        const request = { metric: q.metric, level: q.level ?? null, parent: q.parent ?? null, from: q.from ?? null, to: q.to ?? null, asOf: q.as_of ?? null, minDays: q.min_days };
        // The ranking is the expensive part: built through the gate and kept, so every page and
        // format of it is a slice of one computation.
        const rows = await app.expensive.run({
          key: `discrepancies ${JSON.stringify(request)}`,
          version,
          compute: (signal) => discrepancies(app.db, request, new Slicer(signal), keptSeriesLister(app.db, app.expensive, version)),
          bytes: (r) => 300 * r.length + 64,
        });
        const page = rows.slice(q.offset, q.offset + q.limit);
        const meta = { metric: q.metric, total: rows.length, limit: q.limit, offset: q.offset, data_version: version };
        const columns = ['location', 'name', 'level', 'reference', 'sources_compared', 'worst_source', 'days_compared', 'days_differing', 'share_differing', 'max_abs_diff', 'max_rel_diff', 'mean_rel_diff'] as const;
        return renderText(q.format, rowsText(q.format, columns, meta, once(page)), false);
      }),
  );
};
