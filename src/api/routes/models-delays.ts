import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { delayEstimate, incubationEstimate } from '../../query/delays.js';
import { sendExpensive } from '../expensive-route.js';
import { errorResponses } from '../schemas.js';
import { DelaysQuery, DelaysResponse, IncubationQuery, IncubationResponse } from '../schemas-models-delays.js';
import { casesRequest } from './cases.js';
import { jsonBody } from '../render.js';

/** Delay and incubation distributions from the line lists (docs/models/delays.md); fits run in worker threads. */
export const modelDelayRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/models/delays',
    {
      schema: {
        tags: ['models'],
        summary: 'The delay between two events of the case records: empirical distribution and gamma, lognormal, Weibull fits',
        description:
          'For the cases (filtered as /v1/cases) with both dates: the empirical distribution of the delays known to the day, and maximum-likelihood fits that ' +
          'treat each date as a day (or the range the list gives), with AIC and bootstrap 95 % intervals; `interval=week` adds one estimate per week. See docs/models/delays.md.',
        querystring: DelaysQuery,
        response: { 200: DelaysResponse, ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendExpensive(app, req, reply, async () => {
        const q = req.query;
        return jsonBody(await delayEstimate(app.db, { ...casesRequest(q), from_event: q.from_event, to_event: q.to_event, families: q.families, samples: q.samples, seed: q.seed, interval: q.interval }));
      }),
  );

  app.get(
    '/models/incubation',
    {
      schema: {
        tags: ['models'],
        summary: 'The incubation period from cases with an exposure window and an onset date (doubly interval-censored fits)',
        description:
          'Infection uniform over each case’s exposure window, onset within its day (Backer, Klinkenberg & Wallinga 2020): gamma, lognormal and Weibull fits with ' +
          'mean, median, 95th and 99th percentiles and bootstrap 95 % intervals, the cases used and the rule that selected them. See docs/models/delays.md.',
        querystring: IncubationQuery,
        response: { 200: IncubationResponse, ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendExpensive(app, req, reply, async () => {
        const q = req.query;
        return jsonBody(await incubationEstimate(app.db, { ...casesRequest(q), families: q.families, samples: q.samples, seed: q.seed }));
      }),
  );
};
