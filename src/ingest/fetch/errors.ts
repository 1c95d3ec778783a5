/**
 * The one error type of src/ingest/fetch. Every failure to obtain upstream bytes ends up here with
 * a machine-readable `code` and a one-line message a user can act on (plus the fix in `hint`).
 */

export type FetchErrorCode =
  | 'OFFLINE'
  | 'TIMEOUT'
  | 'HTTP_STATUS'
  | 'NOT_IN_MIRROR'
  | 'CORRUPT_GZIP'
  | 'MIRROR_UNREADABLE';

export interface FetchErrorInit {
  url?: string;
  status?: number;
  hint?: string;
  cause?: unknown;
}

export class FetchError extends Error {
  override name = 'FetchError';
  readonly code: FetchErrorCode;
  readonly url?: string;
  readonly status?: number;
  readonly hint?: string;

  constructor(code: FetchErrorCode, message: string, init: FetchErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    if (init.url !== undefined) this.url = init.url;
    if (init.status !== undefined) this.status = init.status;
    if (init.hint !== undefined) this.hint = init.hint;
  }
}

export function isFetchError(err: unknown, code?: FetchErrorCode): err is FetchError {
  return err instanceof FetchError && (code === undefined || err.code === code);
}

/** How to work without the network; shared by every OFFLINE/TIMEOUT message. */
export const OFFLINE_HINT =
  'Glacier reads upstream URLs by default; to work offline point it at a local mirror: ' +
  '--mirror DIR or GLACIER_MIRROR=DIR (a folder laid out like ../shared/data).';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME']);

/** "host[:port]" of a URL, or the text itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** The `code`/`syscall` of a network error, looking through `cause` chains and AggregateErrors. */
export function networkErrorDetails(err: unknown): { code?: string; syscall?: string; message?: string } {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  let firstMessage: string | undefined;
  while (queue.length > 0) {
    const e = queue.shift();
    if (e === null || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const rec = e as { code?: unknown; syscall?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (firstMessage === undefined && typeof rec.message === 'string' && rec.message !== 'fetch failed') {
      firstMessage = rec.message;
    }
    if (typeof rec.code === 'string' && rec.code !== '') {
      return {
        code: rec.code,
        syscall: typeof rec.syscall === 'string' ? rec.syscall : undefined,
        message: typeof rec.message === 'string' ? rec.message : undefined,
      };
    }
    if (rec.cause !== undefined) queue.push(rec.cause);
    if (Array.isArray(rec.errors)) queue.push(...rec.errors);
  }
  return { message: firstMessage };
}

/** OFFLINE: the host could not be reached (or the connection dropped) — with the offline fix. */
export function offlineError(
  url: string,
  cause: unknown,
  opts: { duringBody?: boolean; attempts?: number } = {},
): FetchError {
  const { code, syscall, message } = networkErrorDetails(cause);
  let detail: string;
  if (code !== undefined) {
    const sys = syscall ?? (DNS_CODES.has(code) ? 'getaddrinfo' : opts.duringBody ? 'read' : 'connect');
    detail = `${sys} ${code}`;
  } else {
    detail = message ?? String(cause);
  }
  const tries = opts.attempts !== undefined && opts.attempts > 1 ? `, ${opts.attempts} attempts` : '';
  const host = hostOf(url);
  const head = opts.duringBody
    ? `Lost the connection to ${host} while downloading ${url} (${detail}${tries}).`
    : `Cannot reach ${host} (${detail}${tries}).`;
  return new FetchError('OFFLINE', `${head} ${OFFLINE_HINT}`, { url, hint: OFFLINE_HINT, cause });
}

export function timeoutError(url: string, timeoutMs: number, attempts: number, cause?: unknown): FetchError {
  const hint = `Check your connection, or raise the timeout. ${OFFLINE_HINT}`;
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  return new FetchError(
    'TIMEOUT',
    `Timed out after ${timeoutMs} ms fetching ${url}${tries}. ${hint}`,
    { url, hint, cause },
  );
}

export function httpStatusError(url: string, status: number, statusText: string, attempts: number): FetchError {
  const text = statusText ? ` ${statusText}` : '';
  let hint: string;
  if (status === 404 || status === 410) {
    hint = 'The upstream file may have moved or been removed; check the source URL, or use --mirror DIR / GLACIER_MIRROR=DIR.';
  } else if (status === 429 || status >= 500) {
    hint = 'The upstream server is busy or failing; try again later, or use --mirror DIR / GLACIER_MIRROR=DIR.';
  } else if (status === 401 || status === 403) {
    hint = 'The upstream server refused access; check the URL, or use --mirror DIR / GLACIER_MIRROR=DIR.';
  } else {
    hint = 'Unexpected answer from the upstream server; check the source URL, or use --mirror DIR / GLACIER_MIRROR=DIR.';
  }
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  return new FetchError('HTTP_STATUS', `HTTP ${status}${text} from ${url}${tries}. ${hint}`, { url, status, hint });
}
