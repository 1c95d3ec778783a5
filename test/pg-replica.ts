import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A PostgreSQL primary and a streaming replica of it, made with PostgreSQL's own tools in a
 * temp folder (initdb, pg_ctl, pg_basebackup -R), on free ports of 127.0.0.1: the system server
 * on 5432 is untouched. PostgreSQL refuses to run as root, so as root the tools run as the
 * `postgres` user (runuser) in a folder it owns.
 */
export interface PrimaryAndReplica {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops both servers (immediate) and removes the folder; safe to call twice. */
  stop(): Promise<void>;
}

export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'pg_basebackup'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export async function startPrimaryAndReplica(bin: string): Promise<PrimaryAndReplica> {
  const dir = await mkdtemp(path.join(tmpdir(), 'glacier-replica-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  await chmod(dir, 0o700);
  const run = (tool: string, args: string[]) => {
    const cmd = asRoot ? ['runuser', '-u', 'postgres', '--', path.join(bin, tool), ...args] : [path.join(bin, tool), ...args];
    return execFileSync(cmd[0], cmd.slice(1), { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }).toString();
  };
  const primary = path.join(dir, 'primary');
  const replica = path.join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stop = async () => {
    for (const data of started.splice(0).reverse()) {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped.
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // Trust auth (local test servers on 127.0.0.1 only); initdb's default pg_hba.conf already
    // lets 127.0.0.1 connect for replication. No fsync: a test cluster need not survive a crash.
    run('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    await appendFile(
      path.join(primary, 'postgresql.conf'),
      `\nport = ${primaryPort}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nwal_level = replica\nmax_wal_senders = 4\nfsync = off\nfull_page_writes = off\nmax_connections = 60\n`,
    );
    run('pg_ctl', ['-D', primary, '-l', path.join(dir, 'primary.log'), '-w', 'start']);
    started.push(primary);
    // -R writes primary_conninfo and standby.signal: the copy starts as a streaming replica.
    run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replica, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    // Feedback keeps the primary's vacuum from removing rows a replica query still reads.
    await appendFile(path.join(replica, 'postgresql.conf'), `\nport = ${replicaPort}\nhot_standby = on\nhot_standby_feedback = on\n`);
    run('pg_ctl', ['-D', replica, '-l', path.join(dir, 'replica.log'), '-w', 'start']);
    started.push(replica);
  } catch (err) {
    await stop();
    const out = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`could not start a primary and a replica in ${dir}: ${(err as Error).message}\n${out}`);
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
    stop,
  };
}
