/**
 * The one registry of API errors. Every error response is
 *   {"error": {"code": "...", "message": "...", "parameter"?: "..."}}
 * with the status given here; codes are stable and listed in docs/api.md.
 */
export const API_ERRORS = {
  ERR_BAD_PARAMETER: { status: 400, description: 'A query parameter is missing, malformed or out of range.' },
  ERR_UNKNOWN_LOCATION: { status: 400, description: 'A location key in the query does not exist (see /v1/locations).' },
  ERR_UNKNOWN_METRIC: { status: 400, description: 'A metric in the query does not exist (see /v1/metrics).' },
  ERR_UNKNOWN_SOURCE: { status: 400, description: 'A source in the query does not exist (see /v1/sources).' },
  ERR_BAD_DATE: { status: 400, description: 'A date is not a real calendar date in YYYY-MM-DD form.' },
  ERR_DATE_RANGE: { status: 400, description: '`from` is after `to`.' },
  ERR_TOO_MANY_LOCATIONS: { status: 400, description: 'More locations than one request may ask for.' },
  ERR_NOT_SATURDAY: { status: 400, description: 'A forecast reference date is not a Saturday (the end of an epiweek).' },
  ERR_TOO_MANY_DATES: { status: 400, description: 'An evaluation spans more reference dates (Saturdays) than one request may score.' },
  ERR_SERIES_TOO_SHORT: { status: 400, description: 'The stored series has too few usable days for the model (e.g. fewer than one Rt window after the first case).' },
  ERR_MODEL_INPUT: { status: 400, description: 'A model cannot run on this input: a parameter out of its domain, a change date outside the data, too few known days.' },
  ERR_MODEL_TIMEOUT: { status: 422, description: 'A model fit did not finish within its time or evaluation budget.' },
  ERR_NO_DATA: { status: 404, description: 'The location has no values of the metric (as known at `as_of`) in the requested range.' },
  ERR_NOT_FOUND: { status: 404, description: 'No such endpoint.' },
  ERR_LOCATION_NOT_FOUND: { status: 404, description: 'No location has this key.' },
  ERR_SOURCE_NOT_FOUND: { status: 404, description: 'No source has this id.' },
  ERR_RUN_NOT_FOUND: { status: 404, description: 'This source has no run with this id.' },
  ERR_UNAVAILABLE: { status: 503, description: 'The database cannot be reached.' },
  ERR_INTERNAL: { status: 500, description: 'A fault on the server; it is logged.' },
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = API_ERRORS[code].status;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.parameter ? { parameter: this.parameter } : {}) } };
  }
}

export interface ErrorBody {
  error: { code: ApiErrorCode; message: string; parameter?: string };
}
