import { describe, expect, it } from 'vitest';
import { workerConfig } from '../src/cli/commands/serve-workers.js';
import { loadConfig } from '../src/config.js';
import { runGlacier } from './cli-run.js';

const glacier = (args: string[], env: Record<string, string>) => runGlacier(args, { GLACIER_MIRROR: '', GLACIER_WORKERS: '', DATABASE_READ_URL: '', ...env }, 60_000);

describe('serve --workers', () => {
  it('is refused on the embedded database (one process owns it) with exit code 2 and one line saying why, before anything starts', () => {
    for (const args of [['serve', '--workers', '2'], ['start', '--workers', '3']]) {
      const r = glacier([...args, '--port', '0'], { DATABASE_URL: 'memory://' });
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`glacier: --workers / GLACIER_WORKERS ${args[2]} needs PostgreSQL (DATABASE_URL=postgres://…): the embedded database belongs to one process`);
    }
  }, 60_000);

  it('runs the refresh schedule in worker 1 only; the others keep every other setting', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db/g', GLACIER_REFRESH: '6h', GLACIER_WORKERS: '3' }, {}, '/srv', 4);
    expect(workerConfig(config, { GLACIER_WORKER_INDEX: '1' })).toEqual(config);
    for (const index of ['2', '3']) expect(workerConfig(config, { GLACIER_WORKER_INDEX: index })).toEqual({ ...config, refreshMs: null });
  });
});
