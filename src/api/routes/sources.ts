import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listSources, recentRuns, runDetail, type SourceRow } from '../../store/read-sources.js';
import { QueryError } from '../../query/errors.js';
import { sendCached } from '../response-cache.js';
import { errorResponses, RunDetail, SourceDetail, SourcesResponse } from '../schemas.js';

function summary(s: SourceRow) {
  const m = s.manifest;
  return {
    id: s.id, title: m.title, publisher: m.publisher, homepage: m.homepage, license: m.license, redistribution: m.redistribution,
    cadence: m.cadence, metrics: m.metrics, levels: m.levels, data_start: s.data_start, data_end: s.data_end,
    series_count: s.series_count, last_run: s.last_run, last_success: s.last_success,
  };
}

const json = (body: unknown) => ({ contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });

export const sourceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/sources',
    { schema: { tags: ['sources'], summary: 'Every source: licence, coverage, freshness, last run', response: { 200: SourcesResponse } } },
    async (req, reply) => sendCached(req, reply, app.cache, async () => json({ data: (await listSources(app.db)).map(summary) })),
  );

  app.get(
    '/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'One source: licence, files with upstream URLs, recent runs',
        params: Type.Object({ id: Type.String({ examples: ['jhu-global'] }) }),
        response: { 200: SourceDetail, ...errorResponses(404) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const s = (await listSources(app.db)).find((x) => x.id === req.params.id);
        if (!s) throw new QueryError('ERR_SOURCE_NOT_FOUND', `no source has the id ${JSON.stringify(req.params.id)} (see /v1/sources)`);
        const m = s.manifest;
        return json({
          data: {
            ...summary(s), frozen_on: m.frozenOn ?? null, notes: m.notes ?? [], files: m.files, discontinued: m.discontinued ?? [],
            runs: await recentRuns(app.db, s.id, 20),
          },
        });
      }),
  );

  app.get(
    '/sources/:id/runs/:run',
    {
      schema: {
        tags: ['sources'],
        summary: 'One ingest run: files read (URL, sha256, bytes), counts and its validation report',
        params: Type.Object({ id: Type.String(), run: Type.Integer({ minimum: 1 }) }),
        response: { 200: RunDetail, ...errorResponses(404) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const d = await runDetail(app.db, req.params.id, req.params.run);
        if (!d) throw new QueryError('ERR_RUN_NOT_FOUND', `source ${JSON.stringify(req.params.id)} has no run ${req.params.run}`);
        const { report, ...run } = d.run;
        return json({ data: { ...run, source: req.params.id, files: d.files.map(({ id: _id, ...f }) => f), report } });
      }),
  );
};
