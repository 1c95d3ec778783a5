import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { TEST_PG_URL } from './databases.js';
import { httpGet } from './http-get.js';
import { freePort } from './pg-replica.js';

/** The CLI runs from the repository root, wherever vitest was started. */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const NGINX = '/usr/sbin/nginx';
const CONFIG = path.join(repoRoot, 'deploy/nginx/glacier.conf');

/** The committed configuration with this run's ports: the two upstream processes and the public port. */
function configWithPorts(upstreams: [number, number], listen: number): string {
  const text = readFileSync(CONFIG, 'utf8');
  const out = text.replace('127.0.0.1:8081', `127.0.0.1:${upstreams[0]}`).replace('127.0.0.1:8082', `127.0.0.1:${upstreams[1]}`).replace('listen 80;', `listen 127.0.0.1:${listen};`);
  // Each substitution must have happened: a changed committed file must fail here, not test something else.
  for (const s of [`:${upstreams[0]} `, `:${upstreams[1]} `, `listen 127.0.0.1:${listen};`]) expect(out).toContain(s);
  return out;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitFor(url: string, ms: number, log: () => string): Promise<void> {
  for (const deadline = Date.now() + ms; ; ) {
    const r = await httpGet(url).catch(() => null);
    if (r?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${ms} ms:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * deploy/nginx/glacier.conf, run by Debian's nginx in front of two `glacier serve` processes on
 * one PostgreSQL database: answers come through from both processes, and when one stops the
 * service stays up on the other.
 */
describe('nginx (deploy/nginx/glacier.conf) in front of two serve processes', () => {
  const schema = `test_nginx_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  let ports: [number, number];
  let prefix: string;
  let nginx: ChildProcess;
  const servers: ChildProcess[] = [];
  let log = '';
  let base: string;

  beforeAll(async () => {
    if (!existsSync(NGINX)) throw new Error('this test needs Debian’s nginx (apt-get install nginx-light)');
    // Both processes on one schema of the test server (each migrates it at start, under the migration lock).
    await admin.unsafe(`CREATE SCHEMA ${schema}`);
    const url = `${TEST_PG_URL}?search_path=${schema}`;
    ports = [await freePort(), await freePort()];
    prefix = await mkdtemp(path.join(tmpdir(), 'glacier-nginx-'));
    for (const port of ports) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--workers', '1', '--port', String(port), '--refresh', 'off'], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: url, DATABASE_READ_URL: '', GLACIER_WORKERS: '', LOG_LEVEL: 'warn', GLACIER_DATA_DIR: path.join(prefix, `data-${port}`) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d) => (log += d));
      child.stderr!.on('data', (d) => (log += d));
      servers.push(child);
    }

    // nginx's workers (user nobody when started as root) read the configuration in here.
    await chmod(prefix, 0o755);
    const listen = await freePort();
    base = `http://127.0.0.1:${listen}`;
    await writeFile(path.join(prefix, 'glacier.conf'), configWithPorts(ports, listen));
    // The main context a packaged nginx.conf would give, with every path inside the temp prefix.
    await writeFile(
      path.join(prefix, 'nginx.conf'),
      [
        `pid ${prefix}/nginx.pid;`,
        `error_log ${prefix}/error.log warn;`,
        'events { worker_connections 256; }',
        'http {',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${prefix}/${k}_temp;`),
        `  include ${prefix}/glacier.conf;`,
        '}',
        '',
      ].join('\n'),
    );
    const checked = spawnSync(NGINX, ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { encoding: 'utf8' });
    expect(checked.status, checked.stderr).toBe(0);
    nginx = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stderr!.on('data', (d) => (log += d));

    for (const port of ports) await waitFor(`http://127.0.0.1:${port}/v1/health`, 45_000, () => log);
    await waitFor(`${base}/v1/health`, 10_000, () => log);
  }, 90_000);

  afterAll(async () => {
    for (const child of [nginx, ...servers]) {
      if (!child || child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      await exited(child);
    }
    await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    if (prefix) await rm(prefix, { recursive: true, force: true });
  });

  it('answers through nginx from both processes, and stays up when one of them stops', async () => {
    const direct = await httpGet(`http://127.0.0.1:${ports[0]}/v1/metrics`);
    expect(direct.status).toBe(200);

    const pids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = await httpGet(`${base}/v1/metrics`);
      expect(r.status, r.body).toBe(200);
      // The same body whichever process answered, passed on unchanged (nginx does not compress it again).
      expect(r.body).toBe(direct.body);
      expect(r.headers['content-encoding']).toBeUndefined();
      pids.add(String(r.headers['x-glacier-pid']));
    }
    expect(pids).toEqual(new Set(servers.map((s) => String(s.pid))));

    // Glacier's own compression comes through as Glacier made it.
    const gz = await httpGet(`${base}/v1/metrics`, 10_000, { 'accept-encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(direct.body.length).toBeGreaterThan(1024);
    expect(gz.headers['content-encoding']).toBe('gzip');

    // One process stops (SIGTERM, as a deploy would): every request still gets an answer, from the other.
    servers[0].kill('SIGTERM');
    await exited(servers[0]);
    expect(servers[0].exitCode).toBe(0);
    const after = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const r = await httpGet(`${base}/v1/metrics`);
      expect(r.status, r.body).toBe(200);
      expect(r.body).toBe(direct.body);
      after.add(String(r.headers['x-glacier-pid']));
    }
    expect(after).toEqual(new Set([String(servers[1].pid)]));
  }, 60_000);
});
