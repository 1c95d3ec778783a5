import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { bodyValidationError } from '../body-validation-error.js';
import { errorResponses } from '../schemas.js';
import { SEIR_LIMITS, SeirFitBody, SeirFitResponse, SeirSimulateBody, SeirSimulateResponse } from '../../query/seir-schemas.js';
import { FIT_BUDGET, runFit } from '../../query/seir-fit.js';
import { runSimulation } from '../../query/seir-simulate.js';

/** POST bodies carry their own data, so these answers are not cached (docs/models/seir.md). */
export const modelSeirRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/models/seir/simulate',
    {
      attachValidation: true,
      schema: {
        tags: ['models'],
        summary: 'Run a deterministic SIR/SEIR model (or a metapopulation of linked patches)',
        description:
          'Solves the compartment model (Dormand–Prince 5(4), relative tolerance 1e-7) for `days` days from the day-0 state, with a ' +
          'piecewise-constant transmission rate β and a deaths compartment. With `patches` and `mobility` it runs one model per patch, ' +
          `linked by daily travel. At most ${SEIR_LIMITS.days} days and ${SEIR_LIMITS.patches} patches. See docs/models/seir.md.`,
        body: SeirSimulateBody,
        response: { 200: SeirSimulateResponse, ...errorResponses(400) },
      },
    },
    async (req) => {
      if (req.validationError) throw bodyValidationError(req.validationError);
      return runSimulation(req.body);
    },
  );

  app.post(
    '/models/seir/fit',
    {
      attachValidation: true,
      schema: {
        tags: ['models'],
        summary: 'Fit SIR/SEIR to daily cases (and deaths) by maximum likelihood, with scenarios',
        description:
          'Fits each transmission segment’s R (split at `change_dates`) and the day-0 seed — and gamma, reporting or ifr if asked — ' +
          'to an explicit series (`observed`) or a stored one (`location`, `from`, `to`, `as_of`), by negative-binomial (default) or ' +
          'Poisson likelihood with several Nelder–Mead starts. Reports R0 = β/γ and every R with 95 % profile-likelihood intervals, ' +
          'the log-likelihood and AIC, the fitted curve, and `scenarios` (transmission changed from a date) projected `horizon` days on. ' +
          `A fit stops with ERR_MODEL_TIMEOUT after ${FIT_BUDGET.timeLimitMs / 1000} s. See docs/models/seir.md.`,
        body: SeirFitBody,
        response: { 200: SeirFitResponse, ...errorResponses(400, 404, 422) },
      },
    },
    async (req) => {
      if (req.validationError) throw bodyValidationError(req.validationError);
      // A fit is seconds of work: it goes through the gate (bounded concurrency and queue, time
      // budget); identical bodies sent at once share one fit. Not kept: bodies carry their own data.
      const body = req.body;
      return app.expensive.run({ key: `seir-fit ${JSON.stringify(body)}`, version: await app.cache.versions.current(), compute: () => runFit(app.db, body, () => app.cache.versions.current()) });
    },
  );
};
