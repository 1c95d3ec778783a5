import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isoFromDay } from '../../domain/dates.js';
import { HUBVERSE_COLUMNS } from '../../models/forecast/hubverse.js';
import { levelsFor } from '../../models/forecast/quantiles.js';
import { forecastRows, SCORE_COLUMNS, scoreRow, SUMMARY_COLUMNS, summaryRow } from '../../query/forecast-rows.js';
import { evaluate, forecastAt, MAX_REFERENCE_DATES, modelsOf } from '../../query/forecast.js';
import { csvLine } from '../../lib/csv-write.js';
import { jsonBody, once, renderText, rowsText } from '../render.js';
import { sendExpensive } from '../expensive-route.js';
import { errorResponses } from '../schemas.js';
import { EvaluationQuery, EvaluationResponse, ForecastQuery, ForecastResponse } from '../schemas-models-forecast.js';

const csvContent = (description: string) => ({ 'text/csv': { schema: { type: 'string', description } } });
export const modelForecastRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/models/forecast',
    {
      schema: {
        tags: ['models'],
        summary: 'Quantile forecasts of weekly incident cases or deaths, 1–4 weeks ahead, in the hubverse format',
        description:
          'Forecasts made at `reference_date` (a Saturday) from the data as it was known on that date (`as_of` changes the vintage): ' +
          'the Forecast Hub’s baseline, a log-linear growth model and their quantile-median ensemble. One row per model, horizon and ' +
          'quantile level (7 levels for cases, 23 for deaths). See docs/models/forecast.md.',
        querystring: ForecastQuery,
        response: { 200: { content: { 'application/json': { schema: ForecastResponse }, ...csvContent('hubverse model-output CSV, one row per quantile') } }, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) =>
      sendExpensive(app, req, reply, async (version) => {
        const q = req.query;
        const models = modelsOf(q.model);
        const out = await forecastAt(app.db, { location: q.location, target: q.target, referenceDate: q.reference_date, asOf: q.as_of ?? null, source: q.source, models });
        const { rows, models: status } = forecastRows(out, q.location, q.target);
        const meta = {
          location: q.location, target: q.target, metric: out.metric, reference_date: q.reference_date, as_of: out.asOf, source: q.source, sources: out.sources,
          last_week: out.lastWeek, quantile_levels: levelsFor(q.target), models: status, data_version: version,
        };
        return renderText(q.format, rowsText(q.format, HUBVERSE_COLUMNS, meta, once(rows)), false);
      }),
  );

  app.get(
    '/models/evaluation',
    {
      schema: {
        tags: ['models'],
        summary: 'Backtest: forecasts at every Saturday of a range, each from the data as then known, scored against the latest data',
        description:
          'For each reference date (Saturday) in `from`..`to` (at most ' + MAX_REFERENCE_DATES + '), the models forecast from the data as known on that date ' +
          '(`versioned=false`: from the latest data cut at that date); ' +
          'every forecast whose target week the latest data knows is scored: weighted interval score (WIS), absolute error of the median, ' +
          '50 % and 95 % interval coverage. The summary gives per model and horizon the mean WIS, coverage and relative WIS ' +
          '(mean WIS / the baseline’s over the same targets). See docs/models/forecast.md.',
        querystring: EvaluationQuery,
        response: { 200: { content: { 'application/json': { schema: EvaluationResponse }, ...csvContent('view=scores: one row per scored forecast; view=summary: one row per model and horizon (empty horizon = all)') } }, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) =>
      sendExpensive(app, req, reply, async (version) => {
        const q = req.query;
        const r = await evaluate(app.db, { location: q.location, target: q.target, from: q.from, to: q.to, source: q.source, versioned: q.versioned, models: modelsOf(q.model) });
        const data = r.scores.map((s) => scoreRow(s, q.location, q.target));
        const summary = r.summary.map(summaryRow);
        if (q.format === 'csv') {
          const text = q.view === 'summary' ? csvLine(SUMMARY_COLUMNS) + summary.map((s) => csvLine(SUMMARY_COLUMNS.map((c) => s[c]))).join('') : csvLine(SCORE_COLUMNS) + data.map((s) => csvLine(SCORE_COLUMNS.map((c) => s[c]))).join('');
          return { contentType: 'text/csv; charset=utf-8', body: text };
        }
        const meta = {
          location: q.location, target: q.target, metric: r.metric, from: q.from, to: q.to, source: q.source, versioned: q.versioned,
          reference_dates: r.referenceDates.map(isoFromDay), truth_sources: r.sources,
          forecasts_scored: r.scores.length, forecasts_unscored: r.unscored,
          skipped: r.skipped.map((s) => ({ model: s.model, reference_date: isoFromDay(s.referenceDate), reason: s.reason })),
          data_version: version,
        };
        return jsonBody({ meta, summary, data });
      }),
  );
};
