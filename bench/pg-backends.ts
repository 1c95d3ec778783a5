import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import postgres from 'postgres';
import { processCpuMs } from './cpu.js';

/**
 * The PostgreSQL backends that serve one process's connections, found exactly: the process's
 * TCP sockets to the server's port (its open file descriptors matched with /proc/net/tcp), then
 * pg_stat_activity by client port. Other clients of the same server (tests running beside the
 * benchmark) are left out, so their CPU is not counted as ours. Linux only; [] elsewhere.
 */
export async function backendPidsOf(pid: number, pgUrl: string): Promise<number[]> {
  const ports = clientPortsTo(pid, Number(new URL(pgUrl).port || 5432));
  if (!ports.length) return [];
  const sql = postgres(pgUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const rows = await sql<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE client_port = ANY(${ports}::int[])`;
    return rows.map((r) => r.pid);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** CPU time (ms) used so far by a set of processes; null when /proc cannot tell. */
export function totalCpuMs(pids: readonly number[]): number | null {
  let sum = 0;
  for (const p of pids) {
    const ms = processCpuMs(p);
    if (ms === null) return null;
    sum += ms;
  }
  return sum;
}

/** Local ports of `pid`'s TCP connections whose remote port is `remotePort`. */
function clientPortsTo(pid: number, remotePort: number): number[] {
  try {
    const inodes = new Set<string>();
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]);
      } catch {
        // The descriptor closed while we listed them.
      }
    }
    const ports: number[] = [];
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      let text = '';
      try {
        text = readFileSync(table, 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n').slice(1)) {
        // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …; addresses are HEXIP:HEXPORT.
        const f = line.trim().split(/\s+/);
        if (f.length < 10 || !inodes.has(f[9])) continue;
        if (parseInt(f[2].split(':')[1], 16) === remotePort) ports.push(parseInt(f[1].split(':')[1], 16));
      }
    }
    return ports;
  } catch {
    return [];
  }
}
