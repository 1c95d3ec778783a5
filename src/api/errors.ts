import { ERROR_CODES, QueryError, type ErrorCode } from '../query/errors.js';

/**
 * HTTP status of every error code (the codes and their meaning: src/query/errors.ts). Every
 * error response is {"error": {"code": "...", "message": "...", "parameter"?: "..."}}.
 */
export const HTTP_STATUS = {
  ERR_BAD_PARAMETER: 400,
  ERR_UNKNOWN_LOCATION: 400,
  ERR_UNKNOWN_METRIC: 400,
  ERR_UNKNOWN_SOURCE: 400,
  ERR_BAD_DATE: 400,
  ERR_DATE_RANGE: 400,
  ERR_TOO_MANY_LOCATIONS: 400,
  ERR_NOT_SATURDAY: 400,
  ERR_TOO_MANY_DATES: 400,
  ERR_SERIES_TOO_SHORT: 400,
  ERR_MODEL_INPUT: 400,
  ERR_MODEL_TIMEOUT: 422,
  ERR_NO_DATA: 404,
  ERR_BAD_BODY: 400,
  ERR_PAYLOAD_TOO_LARGE: 413,
  ERR_URI_TOO_LONG: 414,
  ERR_UNSUPPORTED_MEDIA_TYPE: 415,
  ERR_NOT_FOUND: 404,
  ERR_LOCATION_NOT_FOUND: 404,
  ERR_SOURCE_NOT_FOUND: 404,
  ERR_RUN_NOT_FOUND: 404,
  ERR_DATASET_NOT_FOUND: 404,
  ERR_NO_CITATION: 404,
  ERR_IMAGE_NOT_FOUND: 404,
  ERR_NO_LOCAL_FILE: 404,
  ERR_CASE_NOT_FOUND: 404,
  ERR_PAPER_NOT_FOUND: 404,
  ERR_SEQUENCE_NOT_FOUND: 404,
  ERR_BULK_FILE_NOT_FOUND: 404,
  ERR_BULK_NOT_READY: 503,
  ERR_NOT_REDISTRIBUTABLE: 403,
  ERR_UNAUTHORIZED: 401,
  ERR_BUSY: 409,
  ERR_RATE_LIMITED: 429,
  ERR_OVERLOADED: 503,
  ERR_TIMEOUT: 503,
  ERR_UNAVAILABLE: 503,
  ERR_INTERNAL: 500,
} as const satisfies Record<ErrorCode, number>;

/** The registry as the API documents it: code → status and description. */
export const API_ERRORS = Object.fromEntries(
  (Object.keys(ERROR_CODES) as ErrorCode[]).map((code) => [code, { status: HTTP_STATUS[code], description: ERROR_CODES[code] }]),
) as Record<ErrorCode, { status: number; description: string }>;

export function httpStatus(err: QueryError): number {
  return HTTP_STATUS[err.code];
}
