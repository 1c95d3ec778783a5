import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/api/app.js';
import { serverLoggerOptions } from '../src/cli/commands/serve.js';
import { createRefreshScheduler } from '../src/ingest/refresh-scheduler.js';
import { openTestDb, type TestDb } from './databases.js';

const TOKEN = 'test-admin-token-4f9c2a71be';

/** POST /v1/admin/ingest over a scheduler whose runs the test finishes by hand. */
describe('POST /v1/admin/ingest', () => {
  let t: TestDb;
  let app: App;
  let plain: App;
  const logLines: string[] = [];
  const started: string[][] = [];
  let finish: () => void = () => {};
  const refresh = createRefreshScheduler({
    sourceIds: ['who', 'ecdc'],
    intervalMs: null,
    log: { info() {}, warn() {}, error() {} },
    run: (sources) => {
      started.push(sources);
      return new Promise((resolve) => (finish = () => resolve({})));
    },
  });

  beforeAll(async () => {
    t = await openTestDb('pglite');
    const stream = new Writable({ write: (chunk, _enc, cb) => (logLines.push(String(chunk)), cb()) });
    app = await buildApp({ db: t.db, webRoot: null, logger: { ...serverLoggerOptions('debug'), stream }, admin: { token: TOKEN, refresh } });
    plain = await buildApp({ db: t.db, webRoot: null });
  });
  afterAll(async () => {
    finish();
    await refresh.stop();
    await app?.close();
    await plain?.close();
    await t?.drop();
  });

  const post = (a: App, headers: Record<string, string> = {}, body?: unknown) =>
    a.inject({ method: 'POST', url: '/v1/admin/ingest', headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers }, payload: body === undefined ? undefined : JSON.stringify(body) });

  it('does not exist without GLACIER_ADMIN_TOKEN: the coded 404 of any unknown route', async () => {
    const r = await post(plain, { authorization: `Bearer ${TOKEN}` });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ error: { code: 'ERR_NOT_FOUND', message: 'no endpoint POST /v1/admin/ingest (see /docs)' } });
  });

  it('answers a coded 401 to a missing, wrong, truncated or non-bearer token, and starts nothing', async () => {
    for (const headers of <Record<string, string>[]>[{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${TOKEN.slice(0, -1)}` }, { authorization: `Bearer ${TOKEN}x` }, { authorization: `Basic ${TOKEN}` }, { authorization: TOKEN }]) {
      const r = await post(app, headers, { source: ['who'] });
      expect(r.statusCode, JSON.stringify(headers)).toBe(401);
      expect(r.json()).toEqual({ error: { code: 'ERR_UNAUTHORIZED', message: 'this route needs the header Authorization: Bearer <GLACIER_ADMIN_TOKEN>', parameter: 'authorization' } });
    }
    expect(started).toEqual([]);
  });

  it('starts a refresh with the right token (202), refuses a second while it runs (409), checks the sources (400)', async () => {
    const first = await post(app, { authorization: `Bearer ${TOKEN}` });
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ refresh: { id: 1, sources: [], trigger: 'admin', started_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } });
    const busy = await post(app, { authorization: `Bearer ${TOKEN}` }, { source: ['who'] });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error).toMatchObject({ code: 'ERR_BUSY', message: expect.stringMatching(/^refresh 1 \(started .+\) is still running/) });
    finish();
    await refresh.idle();
    const unknown = await post(app, { authorization: `Bearer ${TOKEN}` }, { source: ['who', 'nope'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'ERR_UNKNOWN_SOURCE', parameter: 'source' });
    const extra = await post(app, { authorization: `Bearer ${TOKEN}` }, { sources: ['who'] });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('ERR_BAD_PARAMETER');
    const second = await post(app, { authorization: `bearer ${TOKEN}` }, { source: ['ecdc', 'who'] });
    expect(second.statusCode).toBe(202);
    expect(second.json().refresh).toMatchObject({ id: 2, sources: ['ecdc', 'who'] });
    expect(started).toEqual([[], ['ecdc', 'who']]);
    finish();
    await refresh.idle();
  });

  it('never writes the token to the log, even where a log call includes the headers', async () => {
    app.log.error({ headers: { authorization: `Bearer ${TOKEN}` } }, 'a log call that includes the request headers');
    const log = logLines.join('');
    expect(log).toContain('admin: refused a request without the right bearer token');
    expect(log).toContain('admin: refresh started');
    expect(log).toContain('[redacted]');
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(TOKEN.slice(0, -1));
  });
});
