import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGlacier } from './cli-run.js';
import { afterAll, describe, expect, it } from 'vitest';

// The output itself is checked against the API in test/api-models-rt.test.ts (printRt on the fixture database).
const dataDir = mkdtempSync(path.join(tmpdir(), 'glacier-cli-rt-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const glacier = (args: string[]) => runGlacier(args, { GLACIER_MIRROR: '', DATABASE_URL: 'memory://', GLACIER_DATA_DIR: dataDir });

describe('glacier rt', () => {
  it('refuses bad options with exit code 2 and one line saying why', () => {
    const bad = glacier(['rt', '--location', 'DE', '--mean-si', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('glacier: --mean-si must be a number of days > 1 (got "1")');
    expect(glacier(['rt', '--location', 'DE', '--window', '0']).stderr).toMatch(/^glacier: --window must be a whole number of days in 1\.\.90/m);
    expect(glacier(['rt', '--location', 'DE', '--format', 'xml']).code).toBe(2);
  });

  it('says so when the location is not in the database (exit 2)', () => {
    const r = glacier(['rt', '--location', 'DE']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^glacier: location: unknown/m);
    expect(r.stdout).toBe('');
  });
});
