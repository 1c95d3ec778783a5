import { gzipSync } from 'node:zlib';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/api/app.js';
import { openTestDb, type TestDb } from './databases.js';

/**
 * The input boundary of every route (docs/api.md, "Errors"): what the framework, the router and
 * the guards answer before a route's own rules, each as a coded error with its registry status.
 * No data is needed to reach these answers, so the app runs on an empty store.
 */
describe('hostile and malformed requests get coded 4xx answers', () => {
  let t: TestDb;
  let app: App;
  beforeAll(async () => {
    t = await openTestDb('pglite');
    app = await buildApp({ db: t.db, versionTtlMs: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const expectError = async (req: string | InjectOptions, status: number, code: string, parameter?: string) => {
    const res = await app.inject(req);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    const body = res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toEqual(expect.any(String));
    if (parameter !== undefined) expect(body.error.parameter).toBe(parameter);
    return body.error.message as string;
  };
  const json = { 'content-type': 'application/json' };

  it('answers the three requests that were 500s with coded 400s naming the parameter', async () => {
    await expectError('/v1/locations/%00', 400, 'ERR_BAD_PARAMETER', 'key');
    await expectError('/v1/sources/jhu-global/runs/99999999999999999999', 400, 'ERR_BAD_PARAMETER', 'run');
    await expectError('/v1/anomalies?offset=1e309', 400, 'ERR_BAD_PARAMETER', 'offset');
  });

  it('refuses NUL and control characters anywhere in the path or query', async () => {
    await expectError('/v1/series?location=DE%00', 400, 'ERR_BAD_PARAMETER', 'location');
    await expectError('/v1/locations?q=a%07b', 400, 'ERR_BAD_PARAMETER', 'q');
    await expectError('/v1/metrics?%00=1', 400, 'ERR_BAD_PARAMETER', '\u0000');
    await expectError('/v1/sources/who%0a', 400, 'ERR_BAD_PARAMETER', 'id');
  });

  it('refuses non-finite and out-of-range numbers, naming the parameter', async () => {
    for (const v of ['Infinity', '-Infinity', '1e309', 'NaN']) await expectError(`/v1/locations?limit=${v}`, 400, 'ERR_BAD_PARAMETER', 'limit');
    await expectError('/v1/models/rt?location=DE&mean_si=1e309', 400, 'ERR_BAD_PARAMETER', 'mean_si');
    await expectError('/v1/locations?offset=9007199254740993', 400, 'ERR_BAD_PARAMETER', 'offset');
    await expectError('/v1/sources/who/runs/2147483648', 400, 'ERR_BAD_PARAMETER', 'run');
    // In a JSON body: JSON.parse reads 1e309 as Infinity.
    await expectError({ method: 'POST', url: '/v1/models/seir/simulate', headers: json, payload: '{"days": 10, "population": 1e309, "beta": {"value": 0.5}}' }, 400, 'ERR_BAD_PARAMETER', 'population');
  });

  it('refuses over-long values: a query value past 2,000 characters (400), a path segment past 100 (414)', async () => {
    await expectError(`/v1/series?location=${'A'.repeat(2001)}`, 400, 'ERR_BAD_PARAMETER', 'location');
    await expectError(`/v1/locations/${'A'.repeat(101)}`, 414, 'ERR_URI_TOO_LONG');
  });

  it('gives a repeated parameter a coded 400 (lists are comma-separated), and rejects unknown ones everywhere', async () => {
    const message = await expectError('/v1/series?location=DE&metric=confirmed&metric=deaths', 400, 'ERR_BAD_PARAMETER', 'metric');
    expect(message).toContain('2 times');
    await expectError('/v1/locations?limit=1&limit=1', 400, 'ERR_BAD_PARAMETER', 'limit');
    await expectError('/v1/metrics?x=1', 400, 'ERR_BAD_PARAMETER', 'x');
    await expectError('/v1/health?verbose=true', 400, 'ERR_BAD_PARAMETER', 'verbose');
    await expectError({ method: 'POST', url: '/v1/models/seir/simulate?days=10', headers: json, payload: '{}' }, 400, 'ERR_BAD_PARAMETER', 'days');
  });

  it('refuses dates that are not real calendar dates, including years PostgreSQL cannot hold', async () => {
    for (const d of ['0000-01-01', '2021-02-29', '2020-02-30', '20200101', '0099-12-31']) await expectError(`/v1/anomalies?from=${d}`, 400, 'ERR_BAD_DATE', 'from');
    expect((await app.inject('/v1/anomalies?from=2020-02-29')).statusCode).toBe(200);
  });

  it('answers bad path encoding, unknown routes and other methods in the same shape', async () => {
    await expectError('/v1/locations/%E0%A4%A', 400, 'ERR_BAD_PARAMETER', 'path');
    await expectError('/v1/nothing', 404, 'ERR_NOT_FOUND');
    await expectError({ method: 'DELETE', url: '/v1/metrics' }, 404, 'ERR_NOT_FOUND');
    expect((await app.inject({ method: 'HEAD', url: '/v1/metrics' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'OPTIONS', url: '/v1/metrics' })).statusCode).toBe(204);
    // Routes that plugins declare (CORS's OPTIONS) answer through the same error handler.
    await expectError({ method: 'OPTIONS', url: '/v1/metrics?%00=1' }, 400, 'ERR_BAD_PARAMETER');
  });

  it('answers body errors with 400, 413 and 415', async () => {
    const post = (payload: string | Buffer, headers: Record<string, string> = json) => ({ method: 'POST' as const, url: '/v1/models/seir/simulate', headers, payload });
    await expectError(post('{"days": 10,'), 400, 'ERR_BAD_BODY', 'body');
    await expectError(post(''), 400, 'ERR_BAD_BODY', 'body');
    await expectError(post(`{"days": 10, "start": "${'a'.repeat(1_100_000)}"}`), 413, 'ERR_PAYLOAD_TOO_LARGE', 'body');
    await expectError(post('days=10', { 'content-type': 'text/plain' }), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE', 'body');
    await expectError(post('<days>10</days>', { 'content-type': 'application/xml' }), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE', 'body');
    await expectError(post('{}', { ...json, 'content-encoding': 'compress' }), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE', 'body');
    await expectError(post('not gzip', { ...json, 'content-encoding': 'gzip' }), 400, 'ERR_BAD_BODY', 'body');
    await expectError(post(`{"days": 10, "beta": ${'['.repeat(5000)}${']'.repeat(5000)}}`), 400, 'ERR_BAD_PARAMETER');
    // A gzipped valid body is read (the model's own 400 says it got that far).
    await expectError(post(gzipSync('{"days": 10, "beta": {"value": 0.5}}'), { ...json, 'content-encoding': 'gzip' }), 400, 'ERR_BAD_PARAMETER', 'population');
  });
});
