import { readFileSync } from 'node:fs';

/**
 * CPU time used so far (user + system, ms) by another process, from /proc (Linux); null
 * elsewhere. Clock ticks are taken as 100 per second, the Linux USER_HZ.
 */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", fields[0] is state (field 3); utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** CPU time used so far by this process (ms). */
export function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * How many cores other processes keep busy, sampled over `ms` while this benchmark is idle
 * (from /proc/stat; null elsewhere). Anything well above 0 makes the figures unreliable.
 */
export async function busyCores(ms = 1000): Promise<number | null> {
  const sample = (): { busy: number; total: number } | null => {
    try {
      const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
      const v = line.trim().split(/\s+/).slice(1, 9).map(Number);
      const total = v.reduce((a, b) => a + b, 0);
      return { busy: total - v[3] - v[4], total };
    } catch {
      return null;
    }
  };
  const a = sample();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const b = sample();
  const elapsed = performance.now() - t0;
  if (!a || !b) return null;
  return (b.busy - a.busy) * 10 / elapsed;
}
