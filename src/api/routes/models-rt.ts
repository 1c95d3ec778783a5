import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RT_ROW_COLUMNS } from '../../models/rt/rt-report.js';
import { once, renderText, rowsText } from '../render.js';
import { sendExpensive } from '../expensive-route.js';
import { rtView } from '../../query/rt.js';
import { errorResponses } from '../schemas.js';
import { RtQuery, RtResponse } from '../schemas-models-rt.js';

export const modelRtRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/models/rt',
    {
      schema: {
        tags: ['models'],
        summary: 'The reproduction number Rt over sliding windows (Cori et al. 2013, as EpiEstim computes it)',
        description:
          'Posterior of the instantaneous reproduction number for each window of `window` days, from the daily incidence of a stored ' +
          'cumulative series as known at `as_of`: mean, sd, median, the quantiles EpiEstim reports, P(R < 1) and EpiNow2’s trend label. ' +
          'Serial interval: 1 day + a gamma delay of mean `mean_si` and sd `std_si`, discretised as EpiEstim’s discr_si, or `si_distr`. ' +
          'Unknown days are interpolated across gaps of up to 7 days and counted in `imputed_days`; windows too early in the epidemic ' +
          'are left out unless `include_early`. See docs/models/rt.md.',
        querystring: RtQuery,
        response: {
          200: { content: { 'application/json': { schema: RtResponse }, 'text/csv': { schema: { type: 'string', description: 'One row per window, header first' } } } },
          ...errorResponses(400, 404),
        },
      },
    },
    async (req, reply) =>
      sendExpensive(app, req, reply, async (version) => {
        const q = req.query;
        const { meta, rows } = await rtView(app.db, {
          location: q.location, metric: q.metric, source: q.source, asOf: q.as_of ?? null, from: q.from ?? null, to: q.to ?? null,
          meanSi: q.mean_si, stdSi: q.std_si, siDistr: q.si_distr ?? null, window: q.window, windows: q.windows ?? null, meanPrior: q.mean_prior, stdPrior: q.std_prior,
          includeEarly: q.include_early, dateBy: q.date_by,
        });
        return renderText(q.format, rowsText(q.format, RT_ROW_COLUMNS, { ...meta, data_version: version }, once(rows)), false);
      }),
  );
};
