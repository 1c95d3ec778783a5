import { QueryError, type ErrorCode } from '../query/errors.js';

/** A failure the CLI reports in one line and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Exit code of every error code: the user's mistake (a flag's value) is a usage error (2); what
 * the data or the machine could not do is a failure (1).
 */
export const EXIT_CODE = {
  ERR_BAD_PARAMETER: EXIT.usage,
  ERR_UNKNOWN_LOCATION: EXIT.usage,
  ERR_UNKNOWN_METRIC: EXIT.usage,
  ERR_UNKNOWN_SOURCE: EXIT.usage,
  ERR_BAD_DATE: EXIT.usage,
  ERR_DATE_RANGE: EXIT.usage,
  ERR_TOO_MANY_LOCATIONS: EXIT.usage,
  ERR_NOT_SATURDAY: EXIT.usage,
  ERR_TOO_MANY_DATES: EXIT.usage,
  ERR_SERIES_TOO_SHORT: EXIT.failed,
  ERR_MODEL_INPUT: EXIT.usage,
  ERR_MODEL_TIMEOUT: EXIT.failed,
  ERR_NO_DATA: EXIT.failed,
  ERR_BAD_BODY: EXIT.usage,
  ERR_PAYLOAD_TOO_LARGE: EXIT.usage,
  ERR_URI_TOO_LONG: EXIT.usage,
  ERR_UNSUPPORTED_MEDIA_TYPE: EXIT.usage,
  ERR_NOT_FOUND: EXIT.usage,
  ERR_LOCATION_NOT_FOUND: EXIT.usage,
  ERR_SOURCE_NOT_FOUND: EXIT.usage,
  ERR_RUN_NOT_FOUND: EXIT.usage,
  ERR_DATASET_NOT_FOUND: EXIT.usage,
  ERR_NO_CITATION: EXIT.failed,
  ERR_IMAGE_NOT_FOUND: EXIT.usage,
  ERR_NO_LOCAL_FILE: EXIT.failed,
  ERR_CASE_NOT_FOUND: EXIT.usage,
  ERR_PAPER_NOT_FOUND: EXIT.usage,
  ERR_SEQUENCE_NOT_FOUND: EXIT.usage,
  ERR_BULK_FILE_NOT_FOUND: EXIT.failed,
  ERR_BULK_NOT_READY: EXIT.failed,
  ERR_NOT_REDISTRIBUTABLE: EXIT.failed,
  ERR_UNAUTHORIZED: EXIT.usage,
  ERR_BUSY: EXIT.failed,
  ERR_RATE_LIMITED: EXIT.failed,
  ERR_OVERLOADED: EXIT.failed,
  ERR_TIMEOUT: EXIT.failed,
  ERR_UNAVAILABLE: EXIT.failed,
  ERR_INTERNAL: EXIT.failed,
} as const satisfies Record<ErrorCode, number>;

/** A use case's error as the CLI reports it; anything else passes through. */
export function cliErrorOf(e: unknown): unknown {
  return e instanceof QueryError ? new CliError(e.message, EXIT_CODE[e.code]) : e;
}
