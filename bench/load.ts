/**
 * The load generators: wrk (C, from Debian's package) when it is installed, else autocannon.
 * On 2 cores the generator competes with the server: autocannon (JavaScript) turns every body
 * into a string and saturates a core on bodies of tens of KB, so its req/s measure itself;
 * wrk costs a fraction of that, so its req/s measure the server. BENCH_LOADGEN forces one.
 */
import { execFileSync, spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { ownCpuMs, processCpuMs } from './cpu.js';

export interface LoadResult {
  reqPerSec: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** CPU the generator used, in cores. */
  clientCores: number;
}

export type LoadGenerator = 'wrk' | 'autocannon';

export function pickLoadGenerator(): LoadGenerator {
  const forced = process.env.BENCH_LOADGEN;
  if (forced === 'wrk' || forced === 'autocannon') return forced;
  if (forced) throw new Error(`BENCH_LOADGEN must be "wrk" or "autocannon", got ${JSON.stringify(forced)}`);
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (err) {
    // wrk --version exits 1 after printing; only a missing binary is a failure.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'autocannon';
  }
  return 'wrk';
}

export async function load(gen: LoadGenerator, url: string, seconds: number, connections: number, headers: Record<string, string>): Promise<LoadResult> {
  return gen === 'wrk' ? wrk(url, seconds, connections, headers) : cannon(url, seconds, connections, headers);
}

async function cannon(url: string, seconds: number, connections: number, headers: Record<string, string>): Promise<LoadResult> {
  const cpu0 = ownCpuMs();
  const t0 = performance.now();
  const res = await autocannon({ url, connections, duration: seconds, headers });
  return {
    reqPerSec: res.requests.mean,
    meanMs: res.latency.mean,
    p50Ms: res.latency.p50,
    p99Ms: res.latency.p99,
    requests: res.requests.total,
    errors: res.errors + res.timeouts,
    non2xx: res.non2xx,
    clientCores: (ownCpuMs() - cpu0) / (performance.now() - t0),
  };
}

async function wrk(url: string, seconds: number, connections: number, headers: Record<string, string>): Promise<LoadResult> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url];
  const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  let cpu = 0;
  const t0 = performance.now();
  const sampler = setInterval(() => (cpu = processCpuMs(child.pid!) ?? cpu), 200);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`wrk exited with ${code}: ${out}`);
  return parseWrk(out, cpu / (performance.now() - t0));
}

/** Reads wrk's summary (with --latency). */
export function parseWrk(out: string, clientCores: number): LoadResult {
  const num = (re: RegExp) => {
    const m = re.exec(out);
    return m ? Number(m[1]) : 0;
  };
  const duration = (re: RegExp) => {
    const m = re.exec(out);
    if (!m) return 0;
    const unit = m[2];
    return Number(m[1]) * (unit === 'us' ? 1e-3 : unit === 's' ? 1e3 : 1);
  };
  return {
    reqPerSec: num(/Requests\/sec:\s+([\d.]+)/),
    meanMs: duration(/Latency\s+([\d.]+)(us|ms|s)/),
    p50Ms: duration(/\s50%\s+([\d.]+)(us|ms|s)/),
    p99Ms: duration(/\s99%\s+([\d.]+)(us|ms|s)/),
    requests: num(/(\d+) requests in/),
    errors: num(/Socket errors: connect (\d+)/) + num(/read (\d+), write/) + num(/write (\d+), timeout/) + num(/timeout (\d+)/),
    non2xx: num(/Non-2xx or 3xx responses: (\d+)/),
    clientCores,
  };
}
