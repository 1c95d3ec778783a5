import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Papa from 'papaparse';
import { auditImagingSplit, auditPublishedSplit, buildImagingSplits, ratiosOf, type AuditResult } from '../../query/imaging-splits.js';
import { duplicateImages, images, imageThumbnail, imagingSummaryOf, type ImagesRequest, type ThumbnailSize } from '../../query/imaging.js';
import { QueryError } from '../../query/errors.js';
import type { ImageRow } from '../../store/read-imaging.js';
import { jsonBody, once, renderText, rowsText, tabularContent } from '../render.js';
import { sendCached } from '../response-cache.js';
import { boolParam, errorResponses } from '../schemas.js';
import {
  AuditBody, AuditQuery, AuditResponse, DuplicatesQuery, DuplicatesResponse, ImageRowSchema, ImagesQuery, ImagesResponse, SplitRowSchema,
  SplitsQuery, SplitsResponse, SummaryQuery, SummaryResponse, SummaryRowSchema, ThumbnailParams, ThumbnailQuery,
} from '../schemas-imaging.js';

const IMAGE_COLUMNS = Object.keys(ImageRowSchema.properties) as (keyof typeof ImageRowSchema.properties & string)[];
const SUMMARY_COLUMNS = ['dataset', 'finding', 'modality', 'view', 'images', 'patients', 'local_files'] as const;
const SPLIT_CSV_COLUMNS = ['dataset', 'image_id', 'patient', 'finding', 'split'] as const;
/** Audit bodies: 200,000 rows of `dataset,image_id,split` fit in 16 MB. */
const AUDIT_BODY_LIMIT = 16 << 20;

function imagesRequest(q: Partial<Record<keyof ImagesRequest, unknown>> & { commercial?: 'true' | 'false' }): ImagesRequest {
  return {
    dataset: (q.dataset as string | undefined) ?? null, finding: (q.finding as string | undefined) ?? null, modality: (q.modality as string | undefined) ?? null,
    view: (q.view as string | undefined) ?? null, sex: (q.sex as 'M' | 'F' | undefined) ?? null, age_min: (q.age_min as number | undefined) ?? null,
    age_max: (q.age_max as number | undefined) ?? null, commercial: boolParam(q.commercial), patient: (q.patient as string | undefined) ?? null,
  };
}

const thumbnailPath = (r: ImageRow) => (r.local ? `/v1/imaging/images/${encodeURIComponent(r.dataset)}/${encodeURIComponent(r.image_id)}/thumbnail` : null);

/** CSV cells hold no nested values: lists and objects become their JSON text. */
const flat = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v]));

/** An audit body sent as CSV: a header naming dataset, image_id and split, then one row per image. */
function auditRowsFromCsv(text: string): { rows: { dataset: string; image_id: string; split: string }[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), { skipEmptyLines: 'greedy' });
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) throw new QueryError('ERR_BAD_BODY', `CSV body, row ${(quote.row ?? 0) + 1}: malformed quoted field`, 'body');
  const [header, ...data] = parsed.data;
  const names = (header ?? []).map((h) => h.trim());
  const at = (name: string) => {
    const i = names.indexOf(name);
    if (i < 0) throw new QueryError('ERR_BAD_BODY', `CSV body: the header must name dataset, image_id and split (found: ${names.join(', ') || 'nothing'})`, 'body');
    return i;
  };
  const [d, i, s] = [at('dataset'), at('image_id'), at('split')];
  return {
    rows: data.map((row, n) => {
      if (row.length !== names.length) throw new QueryError('ERR_BAD_BODY', `CSV body, row ${n + 2}: ${row.length} cells, the header has ${names.length}`, 'body');
      return { dataset: row[d].trim(), image_id: row[i].trim(), split: row[s].trim() };
    }),
  };
}

function auditJson(a: AuditResult, dataset: string | null) {
  return {
    meta: { rows: a.rows, dataset }, leakage: a.leakage, patients_in_several_splits: a.patientsInSeveralSplits, duplicates_across_splits: a.duplicatesAcrossSplits,
    ids_in_several_splits: a.idsInSeveralSplits, findings_per_split: a.findingsPerSplit, unknown: a.unknown,
  };
}

export const imagingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: AUDIT_BODY_LIMIT }, (_req, body, done) => {
    try {
      done(null, auditRowsFromCsv(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  app.get(
    '/imaging/images',
    {
      schema: {
        tags: ['imaging'],
        summary: 'The imaging index: one row per image, with normalised finding, view, patient and clinical fields',
        description: 'Images of the medical-imaging datasets Glacier indexes, filtered and paged. `finding` matches a hierarchy prefix. Raw strings are kept beside normalised values; `local` images have a hash, size and thumbnail.',
        querystring: ImagesQuery,
        response: { 200: tabularContent(ImagesResponse, ImageRowSchema), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const q = req.query;
        const { total, rows } = await images(app.db, imagesRequest(q), q.limit, q.offset);
        const out = rows.map((r) => ({ ...r, thumbnail: thumbnailPath(r) }));
        return renderText(q.format, rowsText(q.format, IMAGE_COLUMNS, { total, limit: q.limit, offset: q.offset }, once(q.format === 'csv' ? out.map(flat) : out)), false);
      }),
  );

  app.get(
    '/imaging/summary',
    {
      schema: {
        tags: ['imaging'],
        summary: 'Images and patients by dataset × finding × modality × view',
        querystring: SummaryQuery,
        response: { 200: tabularContent(SummaryResponse, SummaryRowSchema), ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const q = req.query;
        const rows = await imagingSummaryOf(app.db, imagesRequest(q));
        const meta = { images: rows.reduce((n, r) => n + r.images, 0), patients: rows.reduce((n, r) => n + r.patients, 0) };
        return renderText(q.format, rowsText(q.format, SUMMARY_COLUMNS, meta, once(rows)), false);
      }),
  );

  app.get(
    '/imaging/images/:dataset/:id/thumbnail',
    {
      schema: {
        tags: ['imaging'],
        summary: 'A JPEG thumbnail of an image whose file is held here',
        params: ThumbnailParams,
        querystring: ThumbnailQuery,
        response: { 200: { content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } } }, ...errorResponses(404) },
      },
    },
    async (req, reply) => {
      const t = await imageThumbnail(app.db, req.params.dataset, req.params.id, req.query.size as ThumbnailSize);
      reply.header('etag', t.etag).header('cache-control', 'public, max-age=86400');
      if (req.headers['if-none-match'] === t.etag) return reply.code(304 as never).send();
      return reply.type(t.contentType).send(t.body as never);
    },
  );

  app.get(
    '/imaging/splits',
    {
      schema: {
        tags: ['imaging'],
        summary: 'A patient-level train/val/test split, stratified by finding, reproducible for a seed',
        description:
          'Whole patients go to one split, and images that are the same image under two patient ids (same file name and source, or identical content) go with them: ' +
          'no patient and no image is in two splits. Per finding, the number of groups (a patient with any patient it shares an image with) in each split is the ratio’s share rounded down or up. Same seed, same split. See docs/models/splits.md.',
        querystring: SplitsQuery,
        response: {
          200: { content: { 'application/json': { schema: SplitsResponse }, 'text/csv': { schema: { type: 'string', description: 'dataset,image_id,patient,finding,split' } } } },
          ...errorResponses(400),
        },
      },
    },
    async (req, reply) =>
      sendCached(req, reply, app.cache, async () => {
        const q = req.query;
        const built = await buildImagingSplits(app.db, { dataset: q.dataset ?? null, finding: q.finding ?? null, ratios: q.ratios, seed: q.seed });
        if (q.format === 'csv') return renderText('csv', rowsText('csv', SPLIT_CSV_COLUMNS, {}, once(built.rows)), false);
        return jsonBody({ meta: { ratios: ratiosOf(q.ratios), seed: q.seed, groups: built.groups }, summary: built.summary, data: built.rows });
      }),
  );

  app.post(
    '/imaging/splits/audit',
    {
      bodyLimit: AUDIT_BODY_LIMIT,
      schema: {
        tags: ['imaging'],
        summary: 'Audit a split: patients and duplicate images in more than one split, findings per split',
        description: 'The body is `{"rows": [{"dataset", "image_id", "split"}]}` as JSON, or CSV (Content-Type: text/csv) with a header naming dataset, image_id and split.',
        consumes: ['application/json', 'text/csv'],
        body: AuditBody,
        response: { 200: AuditResponse, ...errorResponses(400) },
      },
    },
    async (req, reply) => reply.type('application/json; charset=utf-8').send(JSON.stringify(auditJson(await auditImagingSplit(app.db, req.body.rows), null)) as never),
  );

  app.get(
    '/imaging/splits/audit',
    {
      schema: {
        tags: ['imaging'],
        summary: 'Audit the split a dataset’s authors published (COVID-CT’s train/val/test lists)',
        querystring: AuditQuery,
        response: { 200: AuditResponse, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendCached(req, reply, app.cache, async () => jsonBody(auditJson(await auditPublishedSplit(app.db, req.query.dataset), req.query.dataset))),
  );

  app.get(
    '/imaging/duplicates',
    {
      schema: {
        tags: ['imaging'],
        summary: 'Images filed twice: under two patients, or in two datasets',
        querystring: DuplicatesQuery,
        response: { 200: DuplicatesResponse, ...errorResponses(400) },
      },
    },
    async (req, reply) => sendCached(req, reply, app.cache, async () => jsonBody({ data: await duplicateImages(app.db, { dataset: req.query.dataset ?? null }) })),
  );
};
