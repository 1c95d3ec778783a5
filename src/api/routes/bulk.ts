import send from '@fastify/send';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { bulkFileMediaType, listBulk, locateBulkFile } from '../../query/bulk/files.js';
import { QueryError } from '../../query/errors.js';
import { errorResponses } from '../schemas.js';
import { BulkFileParams, BulkListing } from '../schemas-bulk.js';

export interface BulkOptions {
  /** The folder holding the builds (`<dataDir>/bulk`), or null: nothing is built here. */
  root: string | null;
}

const PREFIX = '/v1/bulk/';

/**
 * The bulk files (src/query/bulk): a listing, and each file served from disk by @fastify/send
 * (ETag, Last-Modified, 304, byte ranges for resuming a download). Not compressed on the way:
 * Parquet is compressed inside and the CSV is gzip already, and a range must index the file itself.
 */
export const bulkRoutes: FastifyPluginAsyncTypebox<BulkOptions> = async (app, opts) => {
  app.get(
    '/bulk',
    {
      schema: {
        tags: ['bulk'],
        summary: 'The bulk files of the current data version: every table as Parquet and gzip CSV, with a Frictionless datapackage.json',
        description:
          'Built once per data version in the background after an ingest. `status` is `building` while the files listed (if any) are of an older ' +
          'version. Each file has its rows, bytes and SHA-256; download it from `url` (byte ranges supported).',
        response: { 200: BulkListing },
      },
    },
    async (_req, reply) => {
      const version = await app.cache.versions.current();
      const listing = opts.root ? await listBulk(opts.root, version, PREFIX) : { data_version: version, status: 'building' as const, files_version: null, created: null, datapackage: null, files: [] };
      return reply.header('cache-control', 'no-cache').send(listing);
    },
  );

  app.get(
    '/bulk/:file',
    {
      compress: false,
      schema: {
        tags: ['bulk'],
        summary: 'One bulk file (Parquet, gzip CSV or datapackage.json), with ETag, Last-Modified and byte ranges',
        params: BulkFileParams,
        response: {
          200: { description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          206: { description: 'The requested byte range of the file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          304: { description: 'Not modified (If-None-Match / If-Modified-Since)', type: 'null' },
          ...errorResponses(404, 503),
        },
      },
    },
    async (req, typedReply) => {
      // The body is a file stream with the status send() chose, outside the typed JSON responses.
      const reply = typedReply as unknown as FastifyReply;
      if (!opts.root) throw new QueryError('ERR_BULK_NOT_READY', 'this server builds no bulk files', 'file', 60);
      const file = await locateBulkFile(opts.root, req.params.file);
      const sent = await send(req.raw, `/${file.name}`, { root: file.dir, cacheControl: false, dotfiles: 'deny', index: false, contentType: false });
      if (sent.type === 'error') throw new QueryError('ERR_BULK_FILE_NOT_FOUND', `no bulk file "${file.name}" (see /v1/bulk)`, 'file');
      reply.code(sent.statusCode);
      for (const [k, v] of Object.entries(sent.headers)) if (v !== undefined) reply.header(k, v);
      // Files of a build never change; a new data version is a new build (new ETag).
      reply.header('cache-control', 'public, max-age=300');
      if (sent.statusCode < 300) reply.header('content-type', bulkFileMediaType(file.name));
      return reply.send(sent.stream);
    },
  );
};
