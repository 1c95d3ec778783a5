import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The dashboard (web/, built by Vite into dist/web) served at `/`. Its files are hashed, so they
 * are cached for a year; index.html is revalidated every time. Without a build (API tests, a
 * checkout that did not run `npm run build`) `/` redirects to the API docs instead.
 */
export function findWebRoot(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/src/api → dist/web (built server); src/api → dist/web (tsx).
  for (const dir of [path.resolve(here, '../../web'), path.resolve(here, '../../dist/web')]) {
    if (existsSync(path.join(dir, 'index.html')) && existsSync(path.join(dir, 'assets'))) return dir;
  }
  return null;
}

export async function registerDashboard(app: FastifyInstance, root: string | null): Promise<void> {
  if (!root) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/docs'));
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    schemaHide: true,
    maxAge: '365d',
    immutable: true,
    // The page itself names the current hashed files: never kept without asking.
    setHeaders: (reply: { header(name: string, value: string): unknown }, file: string) => {
      if (file.endsWith('index.html')) reply.header('cache-control', 'no-cache');
    },
  });
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false }));
}
