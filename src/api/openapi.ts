import type { RefreshController } from '../domain/refresh.js';
import { openDb } from '../store/db.js';
import { buildApp } from './app.js';

/**
 * The admin routes exist only with GLACIER_ADMIN_TOKEN; the document describes them anyway (with
 * their bearer scheme), so the app that writes it gets a placeholder token and a refresh that never runs.
 */
const DOCUMENT_ONLY_REFRESH: RefreshController = { sourceIds: [], trigger: () => null, running: () => null };

/** The OpenAPI document as committed in openapi.json (no database content is involved). */
export async function generateOpenApi(): Promise<string> {
  const db = await openDb({ kind: 'pglite-memory' });
  const app = await buildApp({ db, admin: { token: 'placeholder: the document is written, never served', refresh: DOCUMENT_ONLY_REFRESH } });
  await app.ready();
  const doc = JSON.stringify(app.swagger(), null, 2) + '\n';
  await app.close();
  await db.close();
  return doc;
}
