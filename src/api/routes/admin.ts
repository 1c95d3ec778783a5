import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RefreshController } from '../../domain/refresh.js';
import { QueryError } from '../../query/errors.js';

export interface AdminOptions {
  token: string;
  refresh: RefreshController;
}

export const AdminIngestBody = Type.Object(
  { source: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100, uniqueItems: true, description: 'Only these sources (ids of /v1/sources); all when left out' })) },
  { additionalProperties: false },
);

export const AdminIngestAccepted = Type.Object({
  refresh: Type.Object({
    id: Type.Integer({ description: 'Numbered per server process, from 1' }),
    sources: Type.Array(Type.String(), { description: 'Empty: every source' }),
    trigger: Type.String(),
    started_at: Type.String(),
  }),
  message: Type.String(),
});

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/**
 * Whether the Authorization header carries the token. Both sides are hashed first, so the
 * comparison is constant-time over equal-length digests whatever the lengths of the inputs.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(sha256(given), sha256(token));
}

/**
 * POST /v1/admin/ingest: starts a background refresh. Registered only when GLACIER_ADMIN_TOKEN
 * is set (otherwise the path is the coded 404 of any unknown route).
 */
export const adminRoutes: FastifyPluginAsyncTypebox<AdminOptions> = async (app, opts) => {
  // Checked before the body is read: a caller without the token learns nothing about the body's rules.
  app.addHook('onRequest', async (req) => {
    if (!bearerMatches(req.headers.authorization, opts.token)) {
      req.log.warn({ ip: req.ip, url: req.url }, 'admin: refused a request without the right bearer token');
      throw new QueryError('ERR_UNAUTHORIZED', 'this route needs the header Authorization: Bearer <GLACIER_ADMIN_TOKEN>', 'authorization');
    }
  });

  // The body is optional: none means every source.
  app.addHook('preValidation', async (req) => {
    if (req.body === undefined || req.body === null) req.body = {};
  });

  app.post(
    '/admin/ingest',
    {
      schema: {
        tags: ['sources'],
        summary: 'Start a refresh (ingest) in the background',
        description:
          'Needs `Authorization: Bearer <GLACIER_ADMIN_TOKEN>`; the route exists only when that variable is set. 202 once the refresh has started ' +
          '(follow it at /v1/health and /v1/sources); 409 ERR_BUSY while one is running in this process. On PostgreSQL, when another process ' +
          'holds the ingest lock, the refresh is skipped (and logged).',
        security: [{ adminBearer: [] }],
        body: AdminIngestBody,
        response: { 202: AdminIngestAccepted, 401: Type.Ref('Error'), 409: Type.Ref('Error') },
      },
    },
    async (req, reply) => {
      const sources = req.body.source ?? [];
      const unknown = sources.filter((s) => !opts.refresh.sourceIds.includes(s));
      if (unknown.length) throw new QueryError('ERR_UNKNOWN_SOURCE', `unknown source ${unknown.join(', ')} (known: ${opts.refresh.sourceIds.join(', ')})`, 'source');
      const started = opts.refresh.trigger(sources, 'admin');
      if (!started) {
        const running = opts.refresh.running();
        throw new QueryError('ERR_BUSY', running ? `refresh ${running.id} (started ${running.startedAt}) is still running; try again when it has finished` : 'a refresh is still running; try again when it has finished');
      }
      req.log.info({ refresh: started }, 'admin: refresh started');
      return reply.code(202).send({
        refresh: { id: started.id, sources: started.sources, trigger: started.trigger, started_at: started.startedAt },
        message: 'refresh started; see /v1/health for each source’s last attempt',
      });
    },
  );
};
