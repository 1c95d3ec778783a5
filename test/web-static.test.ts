import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/api/app.js';
import { openDb, type Db } from '../src/store/db.js';

describe('serving the dashboard at /', () => {
  let db: Db;
  let withWeb: App;
  let without: App;
  const dir = mkdtempSync(path.join(tmpdir(), 'glacier-web-'));
  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Glacier</title>');
    writeFileSync(path.join(dir, 'assets/index-abc123.js'), 'console.log(1)');
    db = await openDb({ kind: 'pglite-memory' });
    withWeb = await buildApp({ db, webRoot: dir });
    without = await buildApp({ db, webRoot: null });
  });
  afterAll(async () => {
    await withWeb.close();
    await without.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the built page at /, revalidated each time, and its hashed files for a year', async () => {
    const page = await withWeb.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<title>Glacier</title>');
    const js = await withWeb.inject({ url: '/assets/index-abc123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the API’s JSON errors for unknown paths, and the docs', async () => {
    const r = await withWeb.inject({ url: '/v1/no-such-thing' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('ERR_NOT_FOUND');
    expect((await withWeb.inject({ url: '/assets/missing.js' })).json().error.code).toBe('ERR_NOT_FOUND');
    expect((await withWeb.inject({ url: '/docs/' })).statusCode).toBe(200);
  });

  it('redirects / to the API docs when the dashboard is not built', async () => {
    const r = await without.inject({ url: '/' });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/docs');
  });
});
