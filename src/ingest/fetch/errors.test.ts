import { describe, expect, it } from 'vitest';
import { FetchError, OFFLINE_HINT, hostOf, httpStatusError, networkErrorDetails, offlineError, timeoutError } from './errors.js';

function dnsFailure(host: string): TypeError {
  const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: host });
  return new TypeError('fetch failed', { cause });
}

describe('FetchError', () => {
  it('is an Error with a code and optional url/status/hint', () => {
    const e = new FetchError('HTTP_STATUS', 'HTTP 404', { url: 'https://x/y', status: 404, hint: 'h' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('FetchError');
    expect([e.code, e.url, e.status, e.hint]).toEqual(['HTTP_STATUS', 'https://x/y', 404, 'h']);
  });

  it('OFFLINE on DNS failure names the host and the offline fix, in one line', () => {
    const url = 'https://raw.githubusercontent.com/CSSEGISandData/COVID-19/master/x.csv';
    const e = offlineError(url, dnsFailure('raw.githubusercontent.com'));
    expect(e.code).toBe('OFFLINE');
    expect(e.message).toBe(
      'Cannot reach raw.githubusercontent.com (getaddrinfo ENOTFOUND). Glacier reads upstream URLs by default; ' +
        'to work offline point it at a local mirror: --mirror DIR or GLACIER_MIRROR=DIR (a folder laid out like ../shared/data).',
    );
    expect(e.hint).toBe(OFFLINE_HINT);
    expect(e.url).toBe(url);
    expect(e.message).not.toContain('\n');
  });

  it('finds the code inside AggregateErrors', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED ::1:80'), { code: 'ECONNREFUSED', syscall: 'connect' });
    const err = new TypeError('fetch failed', { cause: new AggregateError([inner]) });
    expect(networkErrorDetails(err)).toMatchObject({ code: 'ECONNREFUSED', syscall: 'connect' });
    expect(offlineError('http://localhost/x', err).message).toMatch(/^Cannot reach localhost \(connect ECONNREFUSED\)\./);
  });

  it('timeout and status messages name the URL', () => {
    expect(timeoutError('http://h/a', 100, 1).message).toMatch(/^Timed out after 100 ms fetching http:\/\/h\/a\. /);
    const s = httpStatusError('http://h/a', 503, 'Service Unavailable', 4);
    expect(s.message).toMatch(/^HTTP 503 Service Unavailable from http:\/\/h\/a after 4 attempts\. /);
    expect(s.status).toBe(503);
  });

  it('hostOf keeps the port', () => {
    expect(hostOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1:8080');
    expect(hostOf('not a url')).toBe('not a url');
  });
});
