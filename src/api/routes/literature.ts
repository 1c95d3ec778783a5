import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chatterTerm, chatterTop } from '../../query/chatter.js';
import { literatureCounts, literatureItem, paperCitation, searchLiterature } from '../../query/literature.js';
import { jsonBody, once, renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { boolParam, errorResponses } from '../schemas.js';
import {
  ChatterTermQuery, ChatterTermResponse, ChatterTopQuery, ChatterTopResponse, LiteratureCountsQuery, LiteratureCountsResponse, LiteratureSearchQuery,
  LiteratureSearchResponse, PaperHitSchema, PaperParams, PaperQuery, PaperResponse,
} from '../schemas-literature.js';

const HIT_COLUMNS = Object.keys(PaperHitSchema.properties) as (keyof typeof PaperHitSchema.properties & string)[];
const TEXT_TYPES = { bibtex: 'application/x-bibtex; charset=utf-8', ris: 'application/x-research-info-systems; charset=utf-8' } as const;

export const literatureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/literature/search',
    {
      schema: {
        tags: ['literature'],
        summary: 'Full-text search of the COVID-19 literature (CORD-19), ranked, with highlights',
        description: 'PostgreSQL text search over title (weighted higher) and abstract, in the database itself (PGlite runs the same). Filters: publication dates, CORD-19 source, preprint server, has DOI.',
        querystring: LiteratureSearchQuery,
        response: { 200: tabularContent(LiteratureSearchResponse, PaperHitSchema), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const q = req.query;
        const { total, rows } = await searchLiterature(app.db, { q: q.q, from: q.from, to: q.to, source: q.source, server: q.server, has_doi: boolParam(q.has_doi) ?? undefined }, q.limit, q.offset);
        const out: object[] = q.format === 'csv' ? rows.map((r) => ({ ...r, sources: r.sources.join(';') })) : rows;
        return renderText(q.format, rowsText(q.format, HIT_COLUMNS as never[], { total, limit: q.limit, offset: q.offset, q: q.q }, once(out)), false);
      }),
  );

  app.get(
    '/literature/counts',
    {
      schema: { tags: ['literature'], summary: 'Papers per week or month of publication, optionally matching a query (a series beside the case counts)', querystring: LiteratureCountsQuery, response: { 200: LiteratureCountsResponse, ...errorResponses(400) } },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const { data, uncounted } = await literatureCounts(app.db, req.query.interval, req.query.q ?? null);
        return jsonBody({ meta: { interval: req.query.interval, q: req.query.q ?? null, uncounted }, data });
      }),
  );

  app.get(
    '/literature/:id',
    {
      schema: {
        tags: ['literature'],
        summary: 'One paper (every source id kept, the preprints sharing its DOI); format=bibtex|ris to cite it',
        params: PaperParams,
        querystring: PaperQuery,
        response: {
          200: { content: { 'application/json': { schema: PaperResponse }, 'application/x-bibtex': { schema: { type: 'string' } }, 'application/x-research-info-systems': { schema: { type: 'string' } } } },
          ...errorResponses(404),
        },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const d = await literatureItem(app.db, req.params.id);
        const f = req.query.format;
        if (f === 'json') return jsonBody({ data: d.paper, source: d.source, preprints: d.preprints });
        return { contentType: TEXT_TYPES[f], body: paperCitation(d.paper, f) };
      }),
  );

  app.get(
    '/chatter/top',
    { schema: { tags: ['chatter'], summary: 'A day’s top terms, bigrams or trigrams of COVID-19 Twitter chatter (Panacea Lab), optionally without noise', querystring: ChatterTopQuery, response: { 200: ChatterTopResponse, ...errorResponses(404) } } },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const q = req.query;
        const r = await chatterTop(app.db, { date: q.date, kind: q.kind, n: q.n, filter: q.filter });
        return jsonBody({ meta: { date: r.date, kind: r.kind, removed: r.removed }, data: r.data });
      }),
  );

  app.get(
    '/chatter/terms',
    { schema: { tags: ['chatter'], summary: 'One term’s daily count, rank and share of the day’s chatter (a series)', querystring: ChatterTermQuery, response: { 200: ChatterTermResponse, ...errorResponses(400, 404) } } },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const r = await chatterTerm(app.db, { term: req.query.term, kind: req.query.kind });
        return jsonBody({ meta: { term: r.term, kind: r.kind }, data: r.data });
      }),
  );
};
