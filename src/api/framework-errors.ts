import type { FastifyError } from 'fastify';
import { QueryError, type ErrorCode } from '../query/errors.js';

/**
 * Fastify's and its plugins' own request errors (router, body parsers, request decompression) as
 * registry codes, so a client sees one error shape whatever layer refused the request. Known
 * codes get a specific message; an unknown 4xx falls back on its status, so the status sent is
 * always the one the registry gives the code.
 */
const BY_FASTIFY_CODE: Record<string, { code: ErrorCode; message: string; parameter?: string }> = {
  FST_ERR_BAD_URL: { code: 'ERR_BAD_PARAMETER', message: 'the path is not valid percent-encoded UTF-8', parameter: 'path' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'ERR_URI_TOO_LONG', message: 'a path segment is longer than 100 characters', parameter: 'path' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'ERR_PAYLOAD_TOO_LARGE', message: 'the request body is larger than 1 MiB', parameter: 'body' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'ERR_UNSUPPORTED_MEDIA_TYPE', message: 'send the body as JSON with Content-Type: application/json', parameter: 'body' },
  FST_CP_ERR_INVALID_CONTENT_ENCODING: { code: 'ERR_UNSUPPORTED_MEDIA_TYPE', message: 'unsupported Content-Encoding (use gzip, deflate or br, or none)', parameter: 'body' },
  FST_CP_ERR_INVALID_CONTENT: { code: 'ERR_BAD_BODY', message: 'the body cannot be decompressed with its Content-Encoding', parameter: 'body' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'ERR_BAD_BODY', message: 'Content-Length does not match the body', parameter: 'body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'ERR_BAD_BODY', message: 'the body is empty but Content-Type is application/json', parameter: 'body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'ERR_BAD_BODY', message: 'the body is not valid JSON', parameter: 'body' },
};

const BY_STATUS: Record<number, ErrorCode> = { 413: 'ERR_PAYLOAD_TOO_LARGE', 414: 'ERR_URI_TOO_LONG', 415: 'ERR_UNSUPPORTED_MEDIA_TYPE' };

/** The registry error for a framework 4xx, or undefined when `err` is not a client error. */
export function frameworkQueryError(err: FastifyError): QueryError | undefined {
  const known = err.code ? BY_FASTIFY_CODE[err.code] : undefined;
  if (known) return new QueryError(known.code, known.message, known.parameter);
  // secure-json-parse's SyntaxError reaches the handler with statusCode 400 and no Fastify code.
  if (err instanceof SyntaxError && err.statusCode === 400) return new QueryError('ERR_BAD_BODY', `the body is not valid JSON: ${err.message}`, 'body');
  if (!err.statusCode || err.statusCode < 400 || err.statusCode >= 500) return undefined;
  return new QueryError(BY_STATUS[err.statusCode] ?? 'ERR_BAD_PARAMETER', err.message);
}
