/**
 * Child process: serves the Glacier API over the database given as JSON in argv[2], and a
 * bare Fastify app (GET /bare, a constant object) as the reference, both on ephemeral ports
 * of 127.0.0.1 and without logging. Prints {"glacier": port, "bare": port} once listening;
 * closes everything and exits when its stdin ends.
 */
import type { AddressInfo } from 'node:net';
import fastify from 'fastify';
import { buildApp } from '../src/api/app.js';
import { openDb, type DatabaseTarget } from '../src/store/db.js';

export interface ServerPorts {
  glacier: number;
  bare: number;
}

const target = JSON.parse(process.argv[2] ?? 'null') as DatabaseTarget | null;
if (!target) throw new Error('usage: api-server-child.ts <target-json>');

const db = await openDb(target);
const app = await buildApp({ db, logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });

const bare = fastify({ logger: false });
const BARE_BODY = { ok: true, service: 'bare', version: 1 };
bare.get('/bare', async () => BARE_BODY);
await bare.listen({ host: '127.0.0.1', port: 0 });

const port = (a: { server: { address(): unknown } }) => (a.server.address() as AddressInfo).port;
const ports: ServerPorts = { glacier: port(app), bare: port(bare) };
process.stdout.write(`${JSON.stringify(ports)}\n`);

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await Promise.allSettled([app.close(), bare.close()]);
  await db.close().catch(() => {});
  process.exit(0);
}
process.stdin.on('end', () => void shutdown());
process.stdin.on('error', () => void shutdown());
process.stdin.resume();
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
