import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGlacier } from './cli-run.js';
import { afterAll, describe, expect, it } from 'vitest';
import { JHU_GLOBAL_FILES, makeMirror } from './mirror.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'glacier-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const glacier = (args: string[], env: Record<string, string> = {}) => runGlacier(args, { GLACIER_MIRROR: '', DATABASE_URL: 'memory://', GLACIER_DATA_DIR: dataDir, ...env });

describe('glacier CLI', () => {
  it('migrate creates the schema', () => {
    const r = glacier(['migrate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/applied 001_init\.sql/);
  });

  it('refuses bad arguments with exit code 2 and one line saying why', () => {
    const bad = glacier(['ingest', '--issue', '2020-13-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('glacier: --issue must be a date written YYYY-MM-DD (got "2020-13-01")');
    const unknown = glacier(['ingest', '--source', 'worldometers']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^glacier: unknown source worldometers \(known: jhu-global, jhu-us, .*\)$/m);
    expect(glacier(['serve', '--port', 'http']).stderr).toMatch(/^glacier: PORT must be an integer/m);
  });

  it('ingests from a mirror, prints a summary per source, and exits 1 naming the failed sources', async () => {
    const mirror = await makeMirror({ ...JHU_GLOBAL_FILES, 'jhu/time_series_us/time_series_covid19_confirmed_US.csv': { text: 'UID,iso2\n' } });
    try {
      const r = glacier(['ingest', '--mirror', mirror.root, '--source', 'jhu-global', 'jhu-us']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^source\s+status\s+run\s+vintages\s+rows read\s+values new\s+changed\s+anomalies\s+unmatched\s+seconds$/m);
      expect(r.stdout).toMatch(/^jhu-global\s+succeeded\s+\d+\s+1\s+852\s+\d+\s+0\s+\d+\s+0\s/m);
      expect(r.stdout).toMatch(/^jhu-us\s+failed/m);
      expect(r.stderr).toMatch(/^glacier: 1 of 3 runs failed: jhu-us$/m);
      // Not a terminal: plain progress lines, no bar.
      expect(r.stderr).toMatch(/ingest jhu-global: store/);
    } finally {
      await mirror.cleanup();
    }
  });
});
