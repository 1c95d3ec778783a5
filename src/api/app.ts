import compress from '@fastify/compress';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Db } from '../store/db.js';
import type { ReadRouting } from '../store/read-routing.js';
import { createVersionTracker } from './data-version.js';
import { errorBody, QueryError } from '../query/errors.js';
import { httpStatus } from './errors.js';
import { ajvPlugins } from './date-format.js';
import { frameworkQueryError } from './framework-errors.js';
import { guardInput, rejectNonFinite } from './input-guard.js';
import { applyRouteContract, dropUnusedSecuritySchemes } from './route-contract.js';
import { ResponseCache } from './response-cache.js';
import { registerServingLimits, type ServingLimits } from './serving-limits.js';
import { ErrorResponse } from './schemas.js';
import { adminRoutes, type AdminOptions } from './routes/admin.js';
import { anomalyRoutes } from './routes/anomalies.js';
import { bulkRoutes } from './routes/bulk.js';
import { compareRoutes } from './routes/compare.js';
import { caseRoutes } from './routes/cases.js';
import { literatureRoutes } from './routes/literature.js';
import { sequenceRoutes } from './routes/sequences.js';
import { modelDelayRoutes } from './routes/models-delays.js';
import { datasetRoutes } from './routes/datasets.js';
import { imagingRoutes } from './routes/imaging.js';
import { modelForecastRoutes } from './routes/models-forecast.js';
import { modelSeirRoutes } from './routes/models-seir.js';
import { healthRoutes } from './routes/health.js';
import { modelRtRoutes } from './routes/models-rt.js';
import { latestRoutes } from './routes/latest.js';
import { mapRoutes } from './routes/map.js';
import { locationRoutes } from './routes/locations.js';
import { metaRoutes } from './routes/metrics.js';
import { revisionRoutes } from './routes/revisions.js';
import { seriesRoutes } from './routes/series.js';
import { sourceRoutes } from './routes/sources.js';
import { validationError } from './validation-error.js';
import { findWebRoot, registerDashboard } from './web-static.js';

export const API_VERSION = '1.0.0';

export interface AppDeps {
  db: Db;
  /** Where reads go with a read replica (src/store/read-routing.ts); default: all to `db`. */
  reads?: ReadRouting;
  /** Pino options or false (tests). */
  logger?: boolean | object;
  /** How often the data version is re-read (ms). */
  versionTtlMs?: number;
  /** The built dashboard to serve at / (default: dist/web when built; null: none, / redirects to /docs). */
  webRoot?: string | null;
  /** Expensive-work gate, per-client rate limit, security headers (src/api/serving-limits.ts). */
  limits?: ServingLimits;
  /** POST /v1/admin/ingest, only when given: the token it requires and the refresh it starts (the CLI wires src/ingest in). */
  admin?: AdminOptions;
  /** The folder of the bulk files (`<dataDir>/bulk`, built by src/query/bulk); absent: /v1/bulk lists none. */
  bulkRoot?: string | null;
}

export type App = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

/** Builds the API without listening: tests call inject(), the CLI calls listen(). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logger ?? false,
    // Unknown query parameters are errors (a typo must not be silently ignored).
    // strictNumbers: NaN, Infinity and 1e309 are not numbers a parameter can take.
    // Plugins: ajv-formats with `date` as the domain defines it (date-format.ts).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, strictNumbers: true }, plugins: ajvPlugins },
    // The router's own refusals (bad percent-encoding, an over-long path segment) in the registry's shape.
    frameworkErrors: (err, _req, reply) => {
      const e = frameworkQueryError(err) ?? new QueryError('ERR_BAD_PARAMETER', err.message);
      (reply as FastifyReply).code(httpStatus(e)).send(errorBody(e));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Before any route is declared: every /v1 route gets its operationId, error responses and bounds.
  app.addHook('onRoute', applyRouteContract);
  app.addHook('onRequest', guardInput);
  app.addHook('preHandler', rejectNonFinite);
  // Bodies are JSON only: anything else is a coded 415, not a string for the schema to refuse.
  app.removeContentTypeParser('text/plain');
  // Set before any plugin declares routes (CORS's OPTIONS, /docs): a route keeps the error handler in force when it is declared.
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof QueryError) {
      // A refusal that says when to come back (ERR_OVERLOADED, ERR_TIMEOUT, ERR_RATE_LIMITED).
      if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.retryAfterSeconds));
      return reply.code(httpStatus(err)).send(errorBody(err));
    }
    if (err.validation) {
      const e = validationError(err);
      return reply.code(httpStatus(e)).send(errorBody(e));
    }
    const framework = frameworkQueryError(err);
    if (framework) return reply.code(httpStatus(framework)).send(errorBody(framework));
    req.log.error(err);
    if (isConnectionError(err)) return reply.code(503).send(errorBody(new QueryError('ERR_UNAVAILABLE', 'the database cannot be reached; try again shortly')));
    return reply.code(500).send(errorBody(new QueryError('ERR_INTERNAL', 'internal error; it has been logged')));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(errorBody(new QueryError('ERR_NOT_FOUND', `no endpoint ${req.method} ${req.url.split('?')[0]} (see /docs)`)));
  });

  const versions = createVersionTracker(deps.reads ?? deps.db, deps.versionTtlMs);
  const cache = new ResponseCache(versions);
  app.decorate('db', deps.reads?.db ?? deps.db);
  app.decorate('cache', cache);

  app.addSchema(ErrorResponse);
  await app.register(swagger, {
    // A parameter with a default may be left out, whatever the validation schema says.
    transformObject: (doc) => dropUnusedSecuritySchemes(markDefaultsOptional((doc as { openapiObject: Record<string, unknown> }).openapiObject)),
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Glacier API',
        version: API_VERSION,
        description:
          'COVID-19 data from every public source, versioned (as_of), with provenance, explicit missing values and declared precedence. ' +
          'All GET responses carry an ETag and can be asked for as JSON, CSV or JSON Lines where a format parameter exists. Errors: {"error": {"code", "message", "parameter"}}.',
        license: { name: 'MIT (the software); each source’s data keeps its own licence, listed at /v1/sources', identifier: 'MIT' },
      },
      servers: [{ url: '/', description: 'The server that serves this document' }],
      components: {
        securitySchemes: {
          adminBearer: { type: 'http', scheme: 'bearer', description: 'GLACIER_ADMIN_TOKEN, for /v1/admin routes only; every other route is public' },
        },
      },
      tags: [
        { name: 'data', description: 'Time series and latest values' },
        { name: 'locations', description: 'The gazetteer: keys, names, hierarchy' },
        { name: 'sources', description: 'Sources, licences, ingest runs' },
        { name: 'meta', description: 'Health and vocabularies' },
        { name: 'models', description: 'Models on the stored data: forecasts and their evaluation, Rt, SEIR' },
        { name: 'datasets', description: 'The catalog of COVID-19 research datasets: licences, counts, citations, what Glacier holds' },
        { name: 'literature', description: 'The COVID-19 literature (CORD-19, preprints): full-text search, papers, papers per period' },
        { name: 'sequences', description: 'SARS-CoV-2 genomes (Nextstrain open data): clades, QC, mutations, FASTA where allowed' },
        { name: 'chatter', description: 'COVID-19 Twitter chatter (Panacea Lab daily n-gram counts): top lists and term series' },
        { name: 'cases', description: 'Patient-level case records from public line lists, their summary and data dictionary' },
        { name: 'bulk', description: 'Bulk files: every table of a data version as Parquet and gzip CSV, with a Frictionless datapackage.json' },
        { name: 'imaging', description: 'The medical-imaging index: images, summary, thumbnails, patient-level splits and their audit, duplicates' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(compress, { global: true, threshold: 1024 });
  // strictPreflight off: a bare OPTIONS (no CORS preflight headers) is answered 204 rather than with a plain-text 400.
  await app.register(cors, { origin: '*', methods: ['GET', 'HEAD', 'OPTIONS', 'POST'], strictPreflight: false });
  await registerServingLimits(app, deps.limits);

  await app.register(
    async (v1) => {
      await v1.register(seriesRoutes);
      await v1.register(latestRoutes);
      await v1.register(mapRoutes);
      await v1.register(locationRoutes);
      await v1.register(revisionRoutes);
      await v1.register(anomalyRoutes);
      await v1.register(compareRoutes);
      await v1.register(datasetRoutes);
      await v1.register(imagingRoutes);
      await v1.register(caseRoutes);
      await v1.register(modelDelayRoutes);
      await v1.register(literatureRoutes);
      await v1.register(sequenceRoutes);
      await v1.register(modelForecastRoutes);
      await v1.register(modelSeirRoutes);
      await v1.register(modelRtRoutes);
      await v1.register(sourceRoutes);
      await v1.register(healthRoutes);
      await v1.register(metaRoutes);
      await v1.register(bulkRoutes, { root: deps.bulkRoot ?? null });
      if (deps.admin) await v1.register(adminRoutes, deps.admin);
    },
    { prefix: '/v1' },
  );
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerDashboard(app, deps.webRoot === undefined ? findWebRoot() : deps.webRoot);
  return app;
}

function markDefaultsOptional(doc: Record<string, unknown>): Record<string, unknown> {
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Record<string, { parameters?: { required?: boolean; schema?: { default?: unknown } }[] }>>)) {
    for (const op of Object.values(item)) for (const p of op.parameters ?? []) if (p.schema?.default !== undefined) p.required = false;
  }
  return doc;
}

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ECONNREFUSED' || code === 'CONNECTION_CLOSED' || code === 'CONNECTION_ENDED' || code === 'CONNECT_TIMEOUT' || code === '57P01';
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    cache: ResponseCache;
  }
}
