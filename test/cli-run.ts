import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: the CLI runs from there whatever vitest's cwd. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * `glacier <args>` as a user runs it, in a child process from the repository root, with `env`
 * over this process's environment; its exit code and output.
 */
export function runGlacier(args: string[], env: Record<string, string>, timeout = 120_000): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
