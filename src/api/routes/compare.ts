import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AgreementStats } from '../../domain/agreement.js';
import { isoFromDay } from '../../domain/dates.js';
import { isMetricId } from '../../domain/metrics.js';
import { locationPopulations } from '../../store/read-locations.js';
import type { Db } from '../../store/db.js';
import { findSeries, rankedSeriesAt, type SeriesRef } from '../../store/read-series.js';
import { alignSeries, compareToReference, type AlignedSet } from '../../query/compare.js';
import { Slicer } from '../../query/expensive.js';
import { QueryError } from '../../query/errors.js';
import { once, renderText, rowsText, tabularContent } from '../render.js';
import { sendExpensive, withRetryAfter } from '../expensive-route.js';
import { sendCached } from '../response-cache.js';
import { CompareQuery, CompareResponse, CompareRow, DiscrepanciesQuery, DiscrepanciesResponse, DiscrepancyRow, errorResponses } from '../schemas.js';

const json = (body: unknown) => ({ contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });
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
        if (!isMetricId(q.metric)) throw new QueryError('ERR_UNKNOWN_METRIC', `metric: unknown ${JSON.stringify(q.metric)} (see /v1/metrics)`, 'metric');
        if (!(await locationPopulations(app.db, [q.location])).has(q.location)) throw new QueryError('ERR_UNKNOWN_LOCATION', `location: unknown key ${JSON.stringify(q.location)}`, 'location');
        if (q.from && q.to && q.from > q.to) throw new QueryError('ERR_DATE_RANGE', `from (${q.from}) is after to (${q.to})`, 'from');
        const refs = await findSeries(app.db, [q.location], [q.metric], 'best');
        const referenceAsOf = q.reference_as_of ?? q.as_of ?? null;
        const asOf = (r: { source: string; rank: number }) => ((q.reference ? r.source === q.reference : r.rank === refs[0]?.rank) ? referenceAsOf : q.as_of ?? null);
        const set = (await alignSeries(app.db, refs, asOf, q.from ?? null, q.to ?? null)).get(`${q.location}|${q.metric}`);
        if (q.reference && !set?.series.some((s) => s.ref.source === q.reference)) {
          throw new QueryError('ERR_UNKNOWN_SOURCE', `reference: no ${JSON.stringify(q.reference)} data for ${q.location} ${q.metric} (sources: ${set?.series.map((s) => s.ref.source).join(', ') || 'none'})`, 'reference');
        }
        const reference = set && (set.series.find((s) => s.ref.source === q.reference) ?? set.series[0]);
        const agreements = set && reference ? compareToReference(set, reference) : new Map();
        const meta = { location: q.location, metric: q.metric, as_of: q.as_of ?? null, reference: reference?.ref.source ?? null, reference_as_of: referenceAsOf, data_version: version };
        if (q.format === 'json') {
          return json({
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
      withRetryAfter(reply, () => sendCached(req, reply, app.cache, async (version) => {
        const q = req.query;
        if (!isMetricId(q.metric)) throw new QueryError('ERR_UNKNOWN_METRIC', `metric: unknown ${JSON.stringify(q.metric)} (see /v1/metrics)`, 'metric');
        if (q.from && q.to && q.from > q.to) throw new QueryError('ERR_DATE_RANGE', `from (${q.from}) is after to (${q.to})`, 'from');
        // The ranking is the expensive part: built through the gate and kept, so every page and
        // format of it is a slice of one computation.
        const rows = await app.expensive.run({
          key: `discrepancies ${JSON.stringify([q.metric, q.level ?? null, q.parent ?? null, q.as_of ?? null, q.from ?? null, q.to ?? null, q.min_days])}`,
          version,
          compute: (signal) => discrepancyRows(app.db, q, new Slicer(signal)),
          bytes: (r) => 300 * r.length + 64,
        });
        const page = rows.slice(q.offset, q.offset + q.limit);
        const meta = { metric: q.metric, total: rows.length, limit: q.limit, offset: q.offset, data_version: version };
        const columns = ['location', 'name', 'level', 'reference', 'sources_compared', 'worst_source', 'days_compared', 'days_differing', 'share_differing', 'max_abs_diff', 'max_rel_diff', 'mean_rel_diff'] as const;
        return renderText(q.format, rowsText(q.format, columns, meta, once(page)), false);
      })),
  );
};

/** Every location with two or more sources, worst disagreement first. */
async function discrepancyRows(db: Db, q: DiscrepanciesQuery, slicer: Slicer) {
  const candidates = await rankedSeriesAt(db, q.metric, q.level ?? null, q.parent ?? null);
  const names = new Map(candidates.map((c) => [c.location, c.name]));
  const levels = new Map(candidates.map((c) => [c.location, c.level]));
  const rows = await alignInSlices(db, candidates, q.as_of ?? null, q.from ?? null, q.to ?? null, slicer, (set) => {
    if (set.series.length < 2) return [];
    const reference = set.series[0];
    const others = [...compareToReference(set, reference)].filter(([, s]) => s && s.days_compared >= q.min_days) as [typeof reference, AgreementStats][];
    if (others.length === 0) return [];
    const [worst, w] = others.reduce((a, b) => (b[1].mean_rel_diff > a[1].mean_rel_diff ? b : a));
    const location = reference.ref.location;
    return [{
      location, name: names.get(location) ?? location, level: levels.get(location)!, reference: reference.ref.source,
      sources_compared: others.length, worst_source: worst.ref.source, days_compared: w.days_compared, days_differing: w.days_differing,
      share_differing: w.share_differing, max_abs_diff: w.max_abs_diff, max_rel_diff: w.max_rel_diff, mean_rel_diff: w.mean_rel_diff,
    }];
  });
  rows.sort((a, b) => b.mean_rel_diff - a.mean_rel_diff || b.share_differing - a.share_differing || a.location.localeCompare(b.location));
  return rows;
}

/** Series read and aligned per slice of the level (about this many series each). */
const SLICE_SERIES = 300;

/**
 * alignSeries over a whole level (15,000 series for every confirmed count), each location's set
 * turned into rows, in slices of whole locations with a yield to the event loop between them: one
 * slice is two short queries and a few milliseconds of work, so other requests are answered in between. Locations with a single
 * series are left out before reading: they have nothing to disagree with.
 */
async function alignInSlices<R>(
  db: Db, candidates: SeriesRef[], asOf: string | null, from: string | null, to: string | null, slicer: Slicer,
  rowsOf: (set: AlignedSet) => R[],
): Promise<R[]> {
  const count = new Map<string, number>();
  for (const c of candidates) count.set(c.location, (count.get(c.location) ?? 0) + 1);
  const several = candidates.filter((c) => count.get(c.location)! >= 2);
  const out: R[] = [];
  for (let i = 0; i < several.length; ) {
    // Cut only between locations: a location's series are compared together.
    let j = Math.min(i + SLICE_SERIES, several.length);
    while (j < several.length && several[j].location === several[j - 1].location) j++;
    for (const set of (await alignSeries(db, several.slice(i, j), asOf, from, to)).values()) out.push(...rowsOf(set));
    await slicer.tick();
    i = j;
  }
  return out;
}
