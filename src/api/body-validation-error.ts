import type { FastifySchemaValidationError } from 'fastify';
import { QueryError } from '../query/errors.js';

/**
 * A JSON body's schema failure as a coded error naming the field by its full path
 * ("observed.cases[3]", "patches[1].population"), as the query mapping (validation-error.ts)
 * names a query parameter.
 */
export function bodyValidationError(err: Error & { validation?: FastifySchemaValidationError[] }): QueryError {
  const v = err.validation?.[0];
  if (!v) return new QueryError('ERR_BAD_PARAMETER', err.message);
  const params = v.params as Record<string, unknown>;
  const at = v.instancePath.split('/').slice(1).reduce((path, seg) => (/^\d+$/.test(seg) ? `${path}[${seg}]` : path ? `${path}.${seg}` : seg), '');
  const child = (name: unknown) => (at ? `${at}.${String(name)}` : String(name));
  if (v.keyword === 'required') return new QueryError('ERR_BAD_PARAMETER', `${child(params.missingProperty)}: required`, child(params.missingProperty));
  if (v.keyword === 'additionalProperties') {
    const field = child(params.additionalProperty);
    return new QueryError('ERR_BAD_PARAMETER', `unknown field ${JSON.stringify(field)} (see /docs for this endpoint's body)`, field);
  }
  const field = at || 'body';
  if (v.keyword === 'format' && params.format === 'date') return new QueryError('ERR_BAD_DATE', `${field}: must be a real date written YYYY-MM-DD`, field);
  if (v.keyword === 'enum') return new QueryError('ERR_BAD_PARAMETER', `${field}: must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`, field);
  if (v.keyword === 'type') return new QueryError('ERR_BAD_PARAMETER', `${field}: must be ${String(params.type).replace(',', ' or ')}`, field);
  return new QueryError('ERR_BAD_PARAMETER', `${field}: ${v.message}`, field);
}
