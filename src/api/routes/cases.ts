import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CASE_EVENTS, type CaseEvent } from '../../domain/cases.js';
import { CASE_DICTIONARY } from '../../query/case-dictionary.js';
import { CASE_ROW_COLUMNS, caseDetail, cases, casesSummary, type CasesRequest } from '../../query/cases.js';
import { jsonBody, once, renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { errorResponses } from '../schemas.js';
import { CaseParams, CaseQuery, CaseResponse, CaseRowSchema, CasesQuery, CasesResponse, CasesSummaryQuery, CasesSummaryResponse, DictionaryResponse } from '../schemas-cases.js';

/** The query string as the use case's request (event ranges gathered from `<event>_from` / `<event>_to`). */
export function casesRequest(q: Record<string, unknown>): CasesRequest {
  const events: CasesRequest['events'] = {};
  for (const e of CASE_EVENTS) {
    const from = q[`${e}_from`] as string | undefined;
    const to = q[`${e}_to`] as string | undefined;
    if (from !== undefined || to !== undefined) events[e as CaseEvent] = { from, to };
  }
  return {
    source: q.source as string | undefined, location: q.location as string | undefined, sex: q.sex as string | undefined,
    age_min: q.age_min as number | undefined, age_max: q.age_max as number | undefined, outcome: q.outcome as string | undefined,
    has: q.has as string | undefined, as_of: q.as_of as string | undefined, events,
  };
}

export const caseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Patient-level case records from public line lists, normalised, with the raw text kept',
        description:
          'One row per case: location key, age as a range, sex, every event date as a range with its precision (onset, admission, confirmation, outcome, exposure window, travel, report), ' +
          'outcome, symptoms, travel history, link to Wuhan, sources and notes. `as_of` answers what the lists said on a date. Columns: /v1/cases/dictionary.',
        querystring: CasesQuery,
        response: { 200: tabularContent(CasesResponse, CaseRowSchema), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const q = req.query;
        const { total, rows } = await cases(app.db, casesRequest(q), q.limit, q.offset);
        return renderText(q.format, rowsText(q.format, CASE_ROW_COLUMNS, { total, limit: q.limit, offset: q.offset, as_of: q.as_of ?? null }, once(rows)), false);
      }),
  );

  app.get(
    '/cases/summary',
    {
      schema: {
        tags: ['cases'],
        summary: 'Counts over the case records: age band × sex, outcome, cases per day of each event, travel history',
        querystring: CasesSummaryQuery,
        response: { 200: CasesSummaryResponse, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendCached(req, reply, app.cache, async () => jsonBody(await casesSummary(app.db, casesRequest(req.query)))),
  );

  app.get(
    '/cases/dictionary',
    { schema: { tags: ['cases'], summary: 'The data dictionary of a case row: every column, its type and meaning', response: { 200: DictionaryResponse } } },
    async (req, reply) => sendCached(req, reply, app.cache, async () => jsonBody({ data: CASE_DICTIONARY })),
  );

  app.get(
    '/cases/:source/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'One case record (as of a date), with the list of its versions',
        params: CaseParams,
        querystring: CaseQuery,
        response: { 200: CaseResponse, ...errorResponses(404) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const d = await caseDetail(app.db, req.params.source, req.params.id, req.query.as_of ?? null);
        return jsonBody({ data: d.case, versions: d.versions });
      }),
  );
};
