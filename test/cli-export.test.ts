import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGlacier } from './cli-run.js';
import { afterAll, describe, expect, it } from 'vitest';

/** `glacier export` as a user runs it: flags checked with exit code 2, files and datapackage.json written to --out. */
const dataDir = mkdtempSync(path.join(tmpdir(), 'glacier-cli-export-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const glacier = (args: string[]) => runGlacier(args, { GLACIER_MIRROR: '', DATABASE_URL: 'memory://', GLACIER_DATA_DIR: dataDir });

describe('glacier export', () => {
  it('refuses a bad flag with exit code 2 and a line naming it', () => {
    const format = glacier(['export', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr.trim()).toBe('glacier: --format: unknown format "xml"; use parquet, csv');
    const date = glacier(['export', '--as-of', '2021-02-30']);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/^glacier: --as-of: /m);
    expect(glacier(['export', '--tables', 'tweets']).stderr).toMatch(/^glacier: --tables: unknown table "tweets"/m);
  });

  it('writes the chosen tables and formats to --out with a datapackage.json describing them', () => {
    const out = path.join(dataDir, 'out');
    const r = glacier(['export', '--out', out, '--tables', 'sources,locations', '--format', 'parquet']);
    expect(r.code, r.stderr).toBe(0);
    const descriptor = JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8'));
    expect(descriptor.resources.map((x: { path: string }) => x.path)).toEqual(['locations.parquet', 'sources.parquet']);
    for (const x of descriptor.resources) expect(readFileSync(path.join(out, x.path)).length).toBe(x.bytes);
    expect(r.stderr).toMatch(/: 2 files in /);
  });
});
