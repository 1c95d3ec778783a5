/**
 * Child process: serves the Glacier API over the database given as JSON in argv[2], and a
 * bare Fastify app (GET /bare, a constant object) as the reference, both on ephemeral ports
 * of 127.0.0.1 and without logging. Prints {"glacier": port, "bare": port, "pids": [...]} once
 * listening; closes everything and exits when its stdin ends.
 *
 * argv[3], optional JSON {"workers": N, "pinnedReads": true}: N processes behind the same ports
 * with Node's cluster module, as `glacier serve --workers N` runs them (this process only starts
 * them; `pids` lists the serving processes); pinnedReads: reads through the read-replica routing
 * with the same database as "replica" (src/store/read-routing.ts), so every uncached answer is
 * built in one read-only REPEATABLE READ transaction: the cost of that alone.
 */
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import fastify from 'fastify';
import { buildApp } from '../src/api/app.js';
import { openDb, type DatabaseTarget } from '../src/store/db.js';
import { replicatedReads } from '../src/store/read-routing.js';

export interface ServerPorts {
  glacier: number;
  bare: number;
  /** The processes that serve (one, or the cluster's workers). */
  pids: number[];
}

export interface ServerChildOptions {
  workers?: number;
  pinnedReads?: boolean;
}

const target = JSON.parse(process.argv[2] ?? 'null') as DatabaseTarget | null;
if (!target) throw new Error('usage: api-server-child.ts <target-json> [options-json]');
const options = JSON.parse(process.argv[3] ?? '{}') as ServerChildOptions;
const workers = options.workers ?? 1;

if (workers > 1 && cluster.isPrimary) await runPrimary(workers);
else await runServer();

async function runPrimary(n: number): Promise<void> {
  const ready: { glacier: number; bare: number; pid: number }[] = [];
  await new Promise<void>((resolve) => {
    cluster.on('message', (_worker, msg: { glacier: number; bare: number; pid: number }) => {
      ready.push(msg);
      if (ready.length === n) resolve();
    });
    for (let i = 0; i < n; i++) cluster.fork();
  });
  const ports: ServerPorts = { glacier: ready[0].glacier, bare: ready[0].bare, pids: ready.map((r) => r.pid) };
  process.stdout.write(`${JSON.stringify(ports)}\n`);
  const shutdown = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.stdin.on('end', shutdown);
  process.stdin.on('error', shutdown);
  process.stdin.resume();
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

async function runServer(): Promise<void> {
  const db = await openDb(target!);
  const replica = options.pinnedReads ? await openDb(target!) : null;
  const reads = replica ? replicatedReads(db, replica) : undefined;
  const app = await buildApp({ db, reads, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });

  const bare = fastify({ logger: false });
  const BARE_BODY = { ok: true, service: 'bare', version: 1 };
  bare.get('/bare', async () => BARE_BODY);
  await bare.listen({ host: '127.0.0.1', port: 0 });

  const port = (a: { server: { address(): unknown } }) => (a.server.address() as AddressInfo).port;
  const ports: ServerPorts = { glacier: port(app), bare: port(bare), pids: [process.pid] };

  let closing = false;
  async function shutdown(): Promise<void> {
    if (closing) return;
    closing = true;
    await Promise.allSettled([app.close(), bare.close()]);
    await db.close().catch(() => {});
    await reads?.closeReplica().catch(() => {});
    process.exit(0);
  }
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  if (cluster.isWorker) {
    process.send!({ glacier: ports.glacier, bare: ports.bare, pid: process.pid });
    return;
  }
  process.stdout.write(`${JSON.stringify(ports)}\n`);
  process.stdin.on('end', () => void shutdown());
  process.stdin.on('error', () => void shutdown());
  process.stdin.resume();
}
