import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { cladeFrequencies, mutationFrequencies, SEQUENCE_ROW_COLUMNS, sequenceDetail, sequences, sequencesFasta } from '../../query/sequences.js';
import { jsonBody, once, renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { errorResponses } from '../schemas.js';
import { CladesQuery, CladesResponse, FastaQuery, MutationsQuery, MutationsResponse, SequenceResponse, SequenceRowSchema, SequencesQuery, SequencesResponse, StrainParams } from '../schemas-sequences.js';

export const sequenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/sequences',
    {
      schema: {
        tags: ['sequences'],
        summary: 'SARS-CoV-2 genomes: metadata, clade, QC and mutations (aligned to the reference at ingest)',
        querystring: SequencesQuery,
        response: { 200: tabularContent(SequencesResponse, SequenceRowSchema), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const { limit, offset, format, ...filters } = req.query;
        const { total, rows } = await sequences(app.db, filters, limit, offset);
        return renderText(format, rowsText(format, SEQUENCE_ROW_COLUMNS, { total, limit, offset }, once(rows)), false);
      }),
  );

  app.get(
    '/sequences/clades',
    { schema: { tags: ['sequences'], summary: 'Sequences of each clade per week or month, with frequencies (a series)', querystring: CladesQuery, response: { 200: CladesResponse, ...errorResponses(400) } } },
    async (req, reply) => sendCached(req, reply, app.cache, async () => jsonBody({ data: await cladeFrequencies(app.db, req.query) })),
  );

  app.get(
    '/sequences/mutations',
    { schema: { tags: ['sequences'], summary: 'How many sequences carry each nucleotide and amino-acid substitution', querystring: MutationsQuery, response: { 200: MutationsResponse, ...errorResponses(400) } } },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const r = await mutationFrequencies(app.db, req.query);
        return jsonBody({ meta: { analysed: r.analysed }, data: r.data });
      }),
  );

  app.get(
    '/sequences/fasta',
    {
      schema: {
        tags: ['sequences'],
        summary: 'The selected genomes as FASTA, only where their terms allow serving them',
        querystring: FastaQuery,
        response: { 200: { content: { 'text/x-fasta': { schema: { type: 'string' } } } }, ...errorResponses(400, 403) },
      },
    },
    async (req, reply) => sendCached(req, reply, app.cache, async () => ({ contentType: 'text/x-fasta; charset=utf-8', body: await sequencesFasta(app.db, req.query) })),
  );

  app.get(
    '/sequences/:strain',
    { schema: { tags: ['sequences'], summary: 'One sequence with its mutations, clade and QC', params: StrainParams, response: { 200: SequenceResponse, ...errorResponses(404) } } },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const d = await sequenceDetail(app.db, req.params.strain);
        return jsonBody({ data: d.row, record: d.record, analysis: d.analysis });
      }),
  );
};
