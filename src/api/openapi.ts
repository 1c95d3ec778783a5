import { openDb } from '../store/db.js';
import { buildApp } from './app.js';

/** The OpenAPI document as committed in openapi.json (no database content is involved). */
export async function generateOpenApi(): Promise<string> {
  const db = await openDb({ kind: 'pglite-memory' });
  const app = await buildApp({ db });
  await app.ready();
  const doc = JSON.stringify(app.swagger(), null, 2) + '\n';
  await app.close();
  await db.close();
  return doc;
}
