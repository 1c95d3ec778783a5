import type { FastifyError } from 'fastify';
import { QueryError } from '../query/errors.js';

/** Turns Fastify's schema validation failure into a coded error naming the parameter. */
export function validationError(err: FastifyError): QueryError {
  const v = err.validation?.[0];
  if (!v) return new QueryError('ERR_BAD_PARAMETER', err.message);
  const params = v.params as Record<string, unknown>;
  const parameter =
    (params.missingProperty as string | undefined) ??
    (params.additionalProperty as string | undefined) ??
    v.instancePath.replace(/^\//, '').split('/')[0] ??
    undefined;
  if (v.keyword === 'additionalProperties') return new QueryError('ERR_BAD_PARAMETER', `unknown parameter ${JSON.stringify(parameter)} (see /docs for this endpoint's parameters)`, parameter);
  if (v.keyword === 'required') return new QueryError('ERR_BAD_PARAMETER', `${parameter}: required`, parameter);
  if (v.keyword === 'format' && params.format === 'date') return new QueryError('ERR_BAD_DATE', `${parameter}: must be a real date written YYYY-MM-DD`, parameter);
  if (v.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[] | undefined)?.map(String).join(', ');
    return new QueryError('ERR_BAD_PARAMETER', `${parameter}: must be one of ${allowed}`, parameter);
  }
  return new QueryError('ERR_BAD_PARAMETER', `${parameter || err.validationContext}: ${v.message}`, parameter || undefined);
}
