import type { RouteOptions } from 'fastify';
import { OPERATION_IDS } from './operation-ids.js';

/**
 * What every /v1 operation promises, applied in one onRoute hook instead of in each route file:
 * its operationId (operation-ids.ts), the error responses any route can give (all referencing the
 * Error schema), an explicit "no authentication" unless the route declares a security
 * requirement, a query schema that rejects unknown parameters even on routes that take none, and
 * bounds on every query and path value so that an over-long string or an integer beyond what the
 * store holds is a coded 400 naming the parameter, never a database error.
 */

/** Longest query or path string a route accepts unless its schema says otherwise (100 location keys fit in 1,300). */
export const MAX_STRING_LENGTH = 2000;
/** Fastify's default maxParamLength: the router refuses longer path segments. */
export const MAX_PARAM_LENGTH = 100;
/** Integer bounds unless the schema says otherwise: ids and offsets are PostgreSQL `integer`s. */
export const MAX_INTEGER = 2_147_483_647;

type JsonSchema = Record<string, unknown>;

export function applyRouteContract(route: RouteOptions): void {
  const method = route.method;
  if (typeof method !== 'string' || !route.url.startsWith('/v1/')) return;
  const schema: Record<string, unknown> = { ...(route.schema ?? {}) };
  if (schema.hide) return;
  const id = OPERATION_IDS[`${method} ${route.url}`];
  if (id && schema.operationId === undefined) schema.operationId = id;
  // An operation without `security` inherits nothing: [] states that it is public (admin routes declare their scheme).
  if (schema.security === undefined) schema.security = [];
  if (schema.querystring === undefined) schema.querystring = { type: 'object', properties: {}, additionalProperties: false };
  if (schema.querystring) schema.querystring = bounded(schema.querystring as JsonSchema, MAX_STRING_LENGTH);
  // Longer path segments never get here: the router answers 414 past its maxParamLength (100).
  if (schema.params) schema.params = bounded(schema.params as JsonSchema, MAX_PARAM_LENGTH);
  schema.response = withErrorResponses(route.url, schema);
  route.schema = schema;
}

/**
 * The route's responses plus the error statuses every operation can answer with, each described.
 * A route's own response for a status wins unless it is the bare Error reference (e.g. /v1/health
 * answers 503 with its health report).
 */
function withErrorResponses(url: string, schema: Record<string, unknown>): Record<string, unknown> {
  // 429: the optional per-client rate limit applies to every route.
  const statuses = [400, 429, 500, 503];
  if (url.includes(':')) statuses.push(404);
  if (schema.body) statuses.push(413, 415);
  const responses: Record<string, unknown> = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  for (const s of statuses) responses[s] ??= { $ref: 'Error' };
  for (const [status, r] of Object.entries(responses)) {
    if (isErrorRef(r) && DESCRIPTIONS[Number(status)]) responses[status] = { $ref: 'Error', description: DESCRIPTIONS[Number(status)] };
  }
  return responses;
}

function isErrorRef(r: unknown): boolean {
  return typeof r === 'object' && r !== null && (r as JsonSchema).$ref === 'Error';
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'A parameter or the body is malformed, out of range or unknown',
  401: 'The route needs a bearer token (Authorization header) and did not get the right one',
  404: 'Nothing has this key or id',
  413: 'The body is larger than 1 MiB',
  415: 'The body is not JSON',
  409: 'Busy with the same work (e.g. a refresh is already running)',
  422: 'A model fit did not finish within its budget',
  429: 'Too many requests from this client; see Retry-After',
  500: 'A fault on the server (logged)',
  503: 'The database cannot be reached or the server is busy; see Retry-After',
};

/** A copy of the schema with maxLength on free strings (not dates, enums) and bounds on integers that lack them. */
function bounded(node: JsonSchema, maxLength: number): JsonSchema {
  const out: JsonSchema = { ...node };
  const type = node.type;
  const free = node.maxLength === undefined && node.enum === undefined && node.const === undefined && node.format === undefined;
  if (type === 'string' && free) out.maxLength = maxLength;
  if (type === 'integer') {
    if (node.maximum === undefined && node.exclusiveMaximum === undefined) out.maximum = MAX_INTEGER;
    if (node.minimum === undefined && node.exclusiveMinimum === undefined) out.minimum = -MAX_INTEGER;
  }
  const child = (n: JsonSchema) => bounded(n, maxLength);
  if (node.properties) out.properties = Object.fromEntries(Object.entries(node.properties as Record<string, JsonSchema>).map(([k, v]) => [k, child(v)]));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(node[key])) out[key] = (node[key] as JsonSchema[]).map(child);
  if (node.items && typeof node.items === 'object') out.items = child(node.items as JsonSchema);
  return out;
}

/**
 * Keeps only the security schemes some operation uses: the admin routes exist (and are documented)
 * only when an admin token is configured, and a scheme nothing uses is a lint warning.
 */
export function dropUnusedSecuritySchemes(doc: Record<string, unknown>): Record<string, unknown> {
  const components = doc.components as { securitySchemes?: Record<string, unknown> } | undefined;
  if (!components?.securitySchemes) return doc;
  const used = new Set<string>();
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Record<string, { security?: Record<string, unknown>[] }>>)) {
    for (const op of Object.values(item)) for (const requirement of op.security ?? []) for (const name of Object.keys(requirement)) used.add(name);
  }
  for (const name of Object.keys(components.securitySchemes)) if (!used.has(name)) delete components.securitySchemes[name];
  if (Object.keys(components.securitySchemes).length === 0) delete components.securitySchemes;
  return doc;
}
