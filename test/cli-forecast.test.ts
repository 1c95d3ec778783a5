import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { runGlacier } from './cli-run.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from './api-fixture.js';
import { makeMirror } from './mirror.js';
import { dataPath } from './shared-data.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'glacier-cli-forecast-'));
const env = { GLACIER_MIRROR: '', DATABASE_URL: `pglite://${path.join(dataDir, 'db')}`, GLACIER_DATA_DIR: dataDir };

const glacier = (args: string[]) => runGlacier(args, env);

/** Germany's rows of JHU's final global series: enough to forecast and backtest. */
const germany = (metric: string) => {
  const lines = gunzipSync(readFileSync(dataPath(`jhu/time_series/time_series_covid19_${metric}_global.csv.gz`))).toString('utf8').split('\n');
  return { text: [lines[0], ...lines.filter((l) => l.startsWith(',Germany,'))].join('\n') + '\n' };
};

describe('glacier forecast / backtest', () => {
  beforeAll(async () => {
    const mirror = await makeMirror({
      'jhu/UID_ISO_FIPS_LookUp_Table.csv': 'jhu/UID_ISO_FIPS_LookUp_Table.csv',
      ...Object.fromEntries(['confirmed', 'deaths', 'recovered'].map((m) => [`jhu/time_series/time_series_covid19_${m}_global.csv`, germany(m)])),
    });
    try {
      const r = glacier(['ingest', '--mirror', mirror.root, '--source', 'jhu-global']);
      expect(r.code, r.stderr).toBe(0);
    } finally {
      await mirror.cleanup();
    }
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('forecast writes hubverse CSV on stdout', () => {
    const r = glacier(['forecast', '--location', 'DE', '--target', 'death', '--reference-date', '2023-03-04', '--as-of', '2023-03-10']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toBe('model_id,reference_date,target,horizon,location,target_end_date,output_type,output_type_id,value');
    const rows = readCsv(r.stdout);
    expect(rows).toHaveLength(3 * 4 * 23);
    expect(rows[0]).toMatchObject({ model_id: 'glacier-baseline', reference_date: '2023-03-04', target: 'wk inc death', horizon: '1', location: 'DE', target_end_date: '2023-03-11' });
  });

  it('backtest shows progress on stderr and writes scores, or the summary, as CSV', () => {
    const args = ['backtest', '--location', 'DE', '--target', 'case', '--from', '2022-01-01', '--to', '2022-02-26', '--latest-data'];
    const scores = glacier(args);
    expect(scores.code, scores.stderr).toBe(0);
    expect(scores.stderr).toMatch(/^backtest 1\/9 2022-01-01$/m); // not a terminal: one line per reference date
    expect(scores.stderr).toMatch(/^backtest 9\/9 2022-02-26$/m);
    expect(scores.stderr).toMatch(/^model\s+horizon\s+n\s+mean WIS\s+cov 50%\s+cov 95%\s+rel\. WIS$/m);
    expect(readCsv(scores.stdout).filter((s) => s.model === 'baseline')).toHaveLength(9 * 4);
    const summary = glacier([...args, '--summary', '--model', 'baseline']);
    expect(readCsv(summary.stdout).map((s) => s.horizon)).toEqual(['1', '2', '3', '4', '']);
  });

  it('refuses bad options with exit code 2, and a date with no data with exit code 1', () => {
    const bad = glacier(['forecast', '--location', 'DE', '--target', 'cases', '--reference-date', '2021-01-02']);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'glacier: --target must be case or death (got "cases")']);
    const sunday = glacier(['forecast', '--location', 'DE', '--target', 'case', '--reference-date', '2021-01-03']);
    expect(sunday.code).toBe(2);
    expect(sunday.stderr).toMatch(/2021-01-03 is not a Saturday/);
    const versioned = glacier(['backtest', '--location', 'DE', '--target', 'case', '--from', '2021-01-02', '--to', '2021-01-09']);
    expect(versioned.code).toBe(0);
    expect(versioned.stderr).toMatch(/no forecast was scored: .*--latest-data/);
    expect(glacier(['forecast', '--location', 'DE', '--target', 'case', '--reference-date', '2021-01-02']).code).toBe(1);
  });
});
