/**
 * The one registry of error codes. Use cases (src/query) throw `QueryError(code, message,
 * parameter)`; the HTTP layer maps each code to a status (src/api/errors.ts) and the CLI to an
 * exit code (src/cli/errors.ts). Codes are the contract: stable, listed in docs/api.md.
 */
export const ERROR_CODES = {
  ERR_BAD_PARAMETER: 'A parameter is missing, malformed, out of range or unknown.',
  ERR_UNKNOWN_LOCATION: 'A location key in the query does not exist (see /v1/locations).',
  ERR_UNKNOWN_METRIC: 'A metric in the query does not exist (see /v1/metrics).',
  ERR_UNKNOWN_SOURCE: 'A source in the query does not exist (see /v1/sources).',
  ERR_BAD_DATE: 'A date is not a real calendar date in YYYY-MM-DD form.',
  ERR_DATE_RANGE: '`from` is after `to`.',
  ERR_TOO_MANY_LOCATIONS: 'More locations than one request may ask for.',
  ERR_NOT_SATURDAY: 'A forecast reference date is not a Saturday (the end of an epiweek).',
  ERR_TOO_MANY_DATES: 'An evaluation spans more reference dates (Saturdays) than one request may score.',
  ERR_SERIES_TOO_SHORT: 'The stored series has too few usable days for the model (e.g. fewer than one Rt window after the first case).',
  ERR_MODEL_INPUT: 'A model cannot run on this input: a parameter out of its domain, a change date outside the data, too few known days.',
  ERR_MODEL_TIMEOUT: 'A model fit did not finish within its time or evaluation budget.',
  ERR_NO_DATA: 'The location has no values of the metric (as known at `as_of`) in the requested range.',
  ERR_BAD_BODY: 'The request body is empty, not valid JSON, or its Content-Length is wrong.',
  ERR_PAYLOAD_TOO_LARGE: 'The request body is larger than the server accepts.',
  ERR_URI_TOO_LONG: 'A path segment is longer than the server accepts.',
  ERR_UNSUPPORTED_MEDIA_TYPE: 'The request body is not JSON (Content-Type) or uses an unsupported Content-Encoding.',
  ERR_NOT_FOUND: 'No such endpoint.',
  ERR_LOCATION_NOT_FOUND: 'No location has this key.',
  ERR_SOURCE_NOT_FOUND: 'No source has this id.',
  ERR_RUN_NOT_FOUND: 'This source has no run with this id.',
  ERR_DATASET_NOT_FOUND: 'No dataset in the catalog has this id (see /v1/datasets).',
  ERR_NO_CITATION: 'The dataset has no describing paper to cite; cite its homepage.',
  ERR_IMAGE_NOT_FOUND: 'No image of this dataset has this id (see /v1/imaging/images).',
  ERR_NO_LOCAL_FILE: 'The image is listed but its file is not held here, so there is no thumbnail.',
  ERR_CASE_NOT_FOUND: 'The source has no case with this id (or not as of the date asked).',
  ERR_PAPER_NOT_FOUND: 'No paper has this id (a CORD-19 cord_uid).',
  ERR_SEQUENCE_NOT_FOUND: 'No sequence has this strain name.',
  ERR_BULK_FILE_NOT_FOUND: 'No bulk file has this name (see /v1/bulk for the files of the current build).',
  ERR_BULK_NOT_READY: 'No bulk files have been built yet (a build runs after each ingest); try again after Retry-After.',
  ERR_NOT_REDISTRIBUTABLE: 'The data asked for may not be served under its terms (e.g. GISAID genomes); its metadata may.',
  ERR_UNAUTHORIZED: 'An admin route was called without the right `Authorization: Bearer <token>`.',
  ERR_BUSY: 'A refresh is already running in this process; try again when it has finished.',
  ERR_RATE_LIMITED: 'This client sent more requests than the configured rate allows; wait the seconds in Retry-After.',
  ERR_OVERLOADED: 'The server is computing as many expensive answers as it may and its queue is full; try again after Retry-After.',
  ERR_TIMEOUT: 'An expensive answer did not finish within its time budget; try again after Retry-After or ask for less.',
  ERR_UNAVAILABLE: 'The database cannot be reached.',
  ERR_INTERNAL: 'A fault on the server; it is logged.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class QueryError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The request parameter (or body field path) at fault, when there is one. */
    readonly parameter?: string,
    /** For load shedding: when the client may try again (seconds). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; parameter?: string };
}

export function errorBody(err: QueryError): ErrorBody {
  return { error: { code: err.code, message: err.message, ...(err.parameter ? { parameter: err.parameter } : {}) } };
}
